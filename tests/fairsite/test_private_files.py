"""Private files leave only as downloads, typed by what they hold, never shown inline; behind
nginx the web server sends them once the view has said yes."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import Http404

from fairsite.uploads import private_file_response


class Stored:
    """A file in private storage, as a model's file field gives it."""

    def __init__(self, content: bytes, name: str):
        self.name = storages["private"].save(name, ContentFile(content))

    def open(self, mode="rb"):
        return storages["private"].open(self.name, mode)


@pytest.fixture
def html_disguised():
    stored = Stored(b"<html><script>alert(1)</script></html>", "tests/report.pdf")
    yield stored
    storages["private"].delete(stored.name)


def test_html_or_svg_never_goes_out_as_a_page(html_disguised):
    response = private_file_response(html_disguised, filename="report.pdf")

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="report"' in response["Content-Disposition"]  # not .pdf: it is not one
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"<html>")


def test_a_pdf_goes_out_as_a_pdf_download():
    stored = Stored(b"%PDF-1.7\n%%EOF\n", "tests/statuts.bin")
    try:
        response = private_file_response(stored, filename="Statuts de la coopérative.pdf")
    finally:
        storages["private"].delete(stored.name)

    assert response["Content-Type"] == "application/pdf"
    assert "Statuts%20de%20la%20coop%C3%A9rative.pdf" in response["Content-Disposition"]


def test_behind_nginx_the_web_server_sends_the_bytes(html_disguised, settings):
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/_private/"

    response = private_file_response(html_disguised, filename="report")

    assert response["X-Accel-Redirect"] == f"/_private/{html_disguised.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Security-Policy"] == "sandbox"


def test_a_missing_file_is_not_found():
    class Gone:
        name = "tests/gone.pdf"

        def open(self, mode="rb"):
            raise FileNotFoundError(self.name)

    with pytest.raises(Http404):
        private_file_response(Gone(), filename="gone")
