"""Small real files for upload tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def pdf(name="statutes.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def exe_as_pdf(name="statutes.pdf"):
    return SimpleUploadedFile(name, EXE, content_type="application/pdf")
