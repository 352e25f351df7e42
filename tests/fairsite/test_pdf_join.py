import io

import pypdf
import pytest

from fairsite.pdf import html_document
from fairsite.pdf_join import pdf_join
from tests.pdfs import pdf_text


def pdf_join_bytes(parts: list[bytes]) -> bytes:
    output = io.BytesIO()
    pdf_join((io.BytesIO(part) for part in parts), output)
    return output.getvalue()


def part(*pages: str) -> bytes:
    body = "".join(f'<p style="page-break-after: always">{text}</p>' for text in pages)
    return html_document(f'<html lang="ar"><body>{body}</body></html>').write_pdf()


def handwritten(*objects: bytes) -> bytes:
    """A PDF of these objects, numbered from 1, the first the catalog."""
    content = io.BytesIO()
    content.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(content.tell())
        content.write(b"%d 0 obj\n%s\nendobj\n" % (number, obj))
    start = content.tell()
    content.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    content.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    content.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    content.write(b"startxref\n%d\n%%%%EOF\n" % start)
    return content.getvalue()


# A part as another program may write it: the page takes its size and fonts from the page
# tree above it, and a second page tree sits between.
INHERITING = handwritten(
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 100]"
    b" /Resources << /Font << /F1 5 0 R >> >> >>",
    b"<< /Type /Pages /Parent 2 0 R /Kids [4 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 3 0 R /Contents 6 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    b"<< /Length 39 >>\nstream\nBT /F1 12 Tf 10 40 Td (inherited) Tj ET\nendstream",
)


def test_the_pages_of_every_part_follow_in_order():
    joined = pdf_join_bytes([part("واحد", "اثنان"), part("ثلاثة"), part("quatre", "cinq")])

    reader = pypdf.PdfReader(io.BytesIO(joined))
    assert [page.extract_text().strip() for page in reader.pages] == [
        "واحد",
        "اثنان",
        "ثلاثة",
        "quatre",
        "cinq",
    ]
    assert "/Lang" not in reader.trailer["/Root"]  # none asked for


def test_a_page_keeps_what_it_took_from_the_tree_above_it():
    joined = io.BytesIO()

    pages = pdf_join([io.BytesIO(INHERITING), io.BytesIO(part("بعد"))], joined, language="ar")

    reader = pypdf.PdfReader(io.BytesIO(joined.getvalue()), strict=True)
    assert pages == 2 and len(reader.pages) == 2
    assert [float(x) for x in reader.pages[0].mediabox] == [0, 0, 200, 100]
    assert "inherited" in reader.pages[0].extract_text()
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    assert "بعد" in pdf_text(joined.getvalue())


def test_the_cross_reference_table_points_at_every_object():
    joined = pdf_join_bytes([part("a"), part("b", "c")])

    reader = pypdf.PdfReader(io.BytesIO(joined), strict=True)
    for number in range(1, reader.trailer["/Size"]):
        assert reader.get_object(number) is not None, number
    assert not reader.xref_objStm  # a classic table, which every printer reads


def test_nothing_to_join_is_an_empty_document():
    with pytest.raises(pypdf.errors.PdfReadError):
        pypdf.PdfReader(io.BytesIO(b""))
    joined = pdf_join_bytes([])
    assert len(pypdf.PdfReader(io.BytesIO(joined)).pages) == 0
