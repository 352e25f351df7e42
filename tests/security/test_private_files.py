"""Every address that serves a private file gives it to those who may read it and to no one
else: another cooperative, a signed-in user without the permission and an anonymous visitor
get a refusal (404, 403 or a redirect to the log-in), never the bytes."""

import pytest
from django.core import signing
from django.urls import reverse

from events.services.badge_links import BADGE_LINK_SALT, badge_link_token
from tests.factories import UserFactory
from tests.security.conftest import SECRET_PDF, body

pytestmark = pytest.mark.django_db


def private_urls(fair) -> dict[str, str]:
    application, document = fair.application, fair.document
    return {
        "application document": reverse(
            "exhibitors:document_download", args=[application.pk, document.pk]
        ),
        "export support attachment": reverse(
            "exportsupport:attachment_download",
            args=[fair.support_request.pk, fair.attachment.pk],
        ),
        "signed agreement": f"/admin/partnerships/agreements/document/{fair.agreement.pk}/",
        "commitment evidence": f"/admin/partnerships/commitments/evidence/{fair.commitment.pk}/",
        "badge print batch": f"/admin/badges/print/{fair.print_job.pk}/badges.pdf",
        "badge (admin)": f"/admin/badges/{fair.badge.pk}/badge.pdf",
    }


def assert_refused(response, what):
    assert response.status_code in (302, 403, 404), (what, response.status_code)
    if response.status_code == 302:
        # To the log-in, or (Wagtail's refusal for an admin user without the permission) to
        # the admin's home page with a message.
        location = response["Location"]
        assert "/accounts/login/" in location or location == "/admin/", (what, location)
    assert SECRET_PDF not in body(response), what


def test_the_owners_and_the_officers_get_the_files(client, fair):
    """The control: each address does serve its file to someone (else a refusal proves nothing)."""
    readers = {
        "application document": fair.manager,
        "export support attachment": fair.manager,
        "signed agreement": UserFactory(groups=["Partnerships officers"]),
        "commitment evidence": UserFactory(groups=["Partnerships officers"]),
        "badge print batch": UserFactory(groups=["Organisers"]),
    }
    urls = private_urls(fair)
    for what, reader in readers.items():
        client.force_login(reader)
        response = client.get(urls[what])
        assert response.status_code == 200, what
        assert body(response) == SECRET_PDF, what
    client.force_login(UserFactory(groups=["Organisers"]))
    assert client.get(urls["badge (admin)"]).status_code == 200


def test_an_anonymous_visitor_gets_none_of_them(client, fair):
    for what, url in private_urls(fair).items():
        response = client.get(url)
        assert_refused(response, what)
        assert response.status_code == 302, what  # asked to log in


@pytest.mark.parametrize("who", ["other cooperative", "visitor", "gate staff"])
def test_other_signed_in_users_get_none_of_them(client, fair, who):
    user = {
        "other cooperative": fair.other_manager,
        "visitor": UserFactory(),
        "gate staff": UserFactory(groups=["Gate staff"]),
    }[who]
    client.force_login(user)

    for what, url in private_urls(fair).items():
        assert_refused(client.get(url), what)


def test_the_partnership_files_need_the_partnership_permission(client, fair):
    client.force_login(UserFactory(groups=["Programme editors"]))
    urls = private_urls(fair)

    for what in ["signed agreement", "commitment evidence", "badge print batch"]:
        assert_refused(client.get(urls[what]), what)


def test_another_cooperative_cannot_reach_a_file_through_its_own_application(client, fair):
    """The document's id under the other cooperative's own application: still refused."""
    client.force_login(fair.other_manager)

    mixed = reverse(
        "exhibitors:document_download", args=[fair.other_application.pk, fair.document.pk]
    )
    assert_refused(client.get(mixed), "document under another application")


def test_a_visitor_badge_needs_its_signed_token(client, fair):
    token = badge_link_token(fair.badge)
    pdf = reverse("events:visitor_badge_pdf", args=[token])
    assert client.get(pdf).status_code == 200

    other_salt = signing.dumps(fair.badge.pk, salt="another-salt")
    other_key = signing.dumps(fair.badge.pk, key="not-the-site-secret", salt=BADGE_LINK_SALT)
    for wrong in [other_salt, other_key, token[:-2] + "xx", str(fair.badge.pk)]:
        response = client.get(reverse("events:visitor_badge_pdf", args=[wrong]))
        assert response.status_code == 404, wrong
        page = client.get(reverse("events:visitor_badge", args=[wrong]))
        assert page.status_code == 404, wrong


def test_private_files_go_out_as_sandboxed_attachments(client, fair):
    """The policy middleware keeps the download's own `sandbox` policy."""
    client.force_login(fair.manager)

    response = client.get(private_urls(fair)["application document"])

    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
