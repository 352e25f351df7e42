"""Reading rendered PDFs back: their text layer and the fonts they embed."""

import io
import subprocess

import pypdf
import zxingcpp
from PIL import Image


def pdf_text(content: bytes) -> str:
    """The text of every page, in the order the PDF's content draws it.

    pypdf reads the text layer as written, where pdftotext's layout analysis splits an Arabic
    line wherever Noto Naskh lowers a final letter.
    """
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_font_names(content: bytes) -> set[str]:
    """The base names of the fonts every page uses, without the subset prefix ("ABCDEF+")."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            name = str(font.get_object()["/BaseFont"]).lstrip("/")
            names.add(name.split("+", 1)[-1])
    return names


def pdf_pages_as_images(content: bytes, folder, *, dpi: int = 150) -> list[Image.Image]:
    """The pages as poppler rasterises them for printing (needs pdftoppm)."""
    source = folder / "rasterised.pdf"
    source.write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(source), str(folder / "page")], check=True
    )
    return [Image.open(path) for path in sorted(folder.glob("page-*.png"))]


def pdf_qr_codes(content: bytes, folder, *, dpi: int = 150) -> list[set[str]]:
    """The text of each QR symbol read off each rasterised page, page by page."""
    return [
        {result.text for result in zxingcpp.read_barcodes(image)}
        for image in pdf_pages_as_images(content, folder, dpi=dpi)
    ]
