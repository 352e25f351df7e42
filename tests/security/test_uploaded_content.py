"""An uploaded HTML or SVG file never runs in the site's origin: Wagtail refuses them as
documents and images (WAGTAILDOCS_EXTENSIONS, WAGTAILIMAGES_EXTENSIONS), and a document is
served by the app as a download that the browser may not sniff or run."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


@pytest.fixture
def editor(client, homes):
    client.force_login(UserFactory(is_superuser=True))
    return client


def test_scriptable_kinds_are_not_accepted():
    for kind in ["html", "htm", "xhtml", "svg", "xml", "js"]:
        assert kind not in settings.WAGTAILDOCS_EXTENSIONS, kind
        assert kind not in settings.WAGTAILIMAGES_EXTENSIONS, kind
    assert getattr(settings, "WAGTAILDOCS_SERVE_METHOD", "serve_view") == "serve_view"
    assert getattr(settings, "WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT", True) is True
    inline = getattr(settings, "WAGTAILDOCS_INLINE_CONTENT_TYPES", ["application/pdf"])
    assert not {"text/html", "image/svg+xml", "application/xhtml+xml"} & set(inline)


@pytest.mark.parametrize(
    ("name", "content", "type"),
    [("page.html", HTML, "text/html"), ("map.svg", SVG, "image/svg+xml")],
)
def test_an_html_or_svg_document_upload_is_refused(editor, name, content, type):
    response = editor.post(
        "/admin/documents/add/",
        {
            "title": "Programme",
            "file": SimpleUploadedFile(name, content, content_type=type),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    "name", ["logo.svg", "logo.png"]
)  # an SVG, and an SVG that pretends to be a PNG
def test_an_svg_image_upload_is_refused(editor, name):
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Logo",
            "file": SimpleUploadedFile(name, SVG, content_type="image/svg+xml"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_a_document_holding_html_is_an_inert_download(client, homes):
    """HTML under an accepted name (a .txt file), or an .html file that came in before the
    rules: a download the browser may neither sniff nor render."""
    for name in ["notes.txt", "old-page.html"]:
        document = get_document_model()(title=name)
        document.file.save(name, ContentFile(HTML))

        response = client.get(document.url)

        assert response.status_code == 200, name
        assert response["Content-Disposition"].startswith("attachment"), name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Content-Security-Policy"] == "default-src 'none'", name
