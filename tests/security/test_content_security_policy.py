"""The Content-Security-Policy header: the strict policy on the site, the portal and the gate
page, the admin's own under /admin/, and a policy a view set itself kept as it is."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_strict(directives, where):
    assert directives["default-src"] == ["'self'"], where
    assert directives["script-src"] == ["'self'"], where
    assert directives["style-src"] == ["'self'"], where
    assert directives["object-src"] == ["'none'"], where
    assert directives["base-uri"] == ["'self'"], where
    assert directives["form-action"] == ["'self'"], where
    assert directives["frame-ancestors"] == ["'none'"], where
    assert set(directives["img-src"]) == {"'self'", "data:"}, where
    assert directives["worker-src"] == ["'self'"], where
    for values in directives.values():
        assert "'unsafe-eval'" not in values and "*" not in values, where
    # Inline style attributes only (a track's colour): never inline scripts or <style>.
    inline = [name for name, values in directives.items() if "'unsafe-inline'" in values]
    assert inline == ["style-src-attr"], where


@pytest.mark.parametrize(
    "path",
    [
        "/ar/",
        "/fr/accounts/login/",
        "/fr/portal/",  # a redirect to the log-in
        "/fr/no-such-page/",  # 404
        "/ar/visit/",
        "/",  # the redirect by language
        "/api/checkin/keys",  # 401 JSON
        "/ical/programme.ics",
    ],
)
def test_every_answer_of_the_site_carries_the_strict_policy(client, homes, path):
    response = client.get(path)

    assert_strict(policy(response), path)


def test_the_portal_and_the_gate_page_carry_it_too(client, fair):
    client.force_login(fair.manager)
    assert_strict(policy(client.get("/fr/portal/")), "portal")
    assert_strict(
        policy(client.get(f"/fr/portal/applications/{fair.application.pk}/")), "application"
    )

    client.force_login(UserFactory(groups=["Gate staff"]))
    gate = client.get("/fr/gate/")
    assert gate.status_code == 200
    assert_strict(policy(gate), "gate")
    worker = client.get("/fr/gate/sw.js")  # a service worker runs under its script's policy
    assert policy(worker)["connect-src"] == ["'self'"]


def test_pages_hold_no_inline_script(client, fair):
    """What the strict policy would block is not in the pages: no inline <script> that runs,
    no on* attribute, no javascript: link."""
    import re

    client.force_login(fair.manager)
    for path in ["/ar/", "/fr/portal/", f"/fr/portal/applications/{fair.application.pk}/"]:
        page = client.get(path).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", page):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)
        assert not re.search(r"\son[a-z]+\s*=", page), path
        assert "javascript:" not in page, path


def test_the_admin_gets_its_own_policy(client, homes):
    client.force_login(UserFactory(groups=["Organisers"]))

    directives = policy(client.get("/admin/"))

    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-ancestors"] == ["'self'"]  # Wagtail frames its page previews
    assert directives["object-src"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert "'unsafe-eval'" not in directives["script-src"]
    # Every address under /admin/ gets it; the site's pages, for the same organiser, do not.
    assert "'unsafe-inline'" in policy(client.get("/admin/pages/"))["script-src"]
    assert policy(client.get("/fr/"))["script-src"] == ["'self'"]


def test_a_private_download_keeps_its_sandbox(client, fair):
    client.force_login(fair.manager)

    response = client.get(
        f"/fr/portal/applications/{fair.application.pk}/documents/{fair.document.pk}/"
    )

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "sandbox"


def test_a_wagtail_document_keeps_its_own_policy(client, homes):
    document = get_document_model()(title="Plan")
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_a_page_preview_takes_the_policy_of_the_admin_around_it(client, homes):
    """Wagtail renders a preview through the middleware with a made-up request for the page's
    own address. That answer must carry no policy of its own: the site's (frame-ancestors
    'none') would stick and forbid the admin to frame its preview. The admin's view around it
    sets the admin's policy (tests/e2e/test_csp.py opens the preview panel in Chromium)."""
    from django.test import RequestFactory
    from wagtail.models import Page

    home = Page.objects.filter(depth=2).first().specific
    organiser = UserFactory(groups=["Organisers"])
    request = RequestFactory().get(f"/admin/pages/{home.pk}/edit/preview/")
    request.user = organiser

    preview = home.make_preview_request(original_request=request)

    assert preview.status_code == 200
    assert b'id="main"' in preview.content  # the page itself, not an error
    assert "Content-Security-Policy" not in preview
