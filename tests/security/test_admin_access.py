"""The Wagtail admin is for the organisers' roles only: an exhibitor or a visitor with an account
is turned away from every admin address, an anonymous visitor is sent to log in."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/observatory/",
    "/admin/badges/print/",
    "/admin/checkins/today/",
    "/admin/exhibitors/applications/",
    "/admin/exhibitors/cooperatives/",
    "/admin/partnerships/regions/",
    "/admin/documents/",
    "/admin/images/",
    "/admin/users/",
    "/admin/partnerships/agreements/",
    "/admin/exhibitors/floor-plan/",
]


def refused(response) -> bool:
    """Wagtail refuses an account without admin access with a redirect to the log-in (with a
    message), or with 403; never with the page."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_organiser_reaches_every_one_of_them(client, homes):
    """The control: these addresses exist and answer an organiser."""
    client.force_login(UserFactory(groups=["Organisers"]))

    for url in ADMIN_URLS:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["exhibitor", "visitor"])
def test_users_without_admin_access_are_turned_away(client, homes, who):
    from tests.factories import CooperativeFactory

    user = UserFactory()
    if who == "exhibitor":
        CooperativeFactory(managers=[user])
    client.force_login(user)

    for url in ADMIN_URLS:
        response = client.get(url)
        assert refused(response), (url, response.status_code)
        assert b"wagtail-sidebar" not in response.content, url


def test_anonymous_visitors_are_sent_to_log_in(client, homes):
    for url in ADMIN_URLS:
        response = client.get(url, follow=True)
        assert response.redirect_chain, url
        final, _status = response.redirect_chain[-1]
        assert "/accounts/login/" in final and "next=" in final, (url, final)
        assert response.status_code == 200


def test_a_post_to_the_admin_without_access_changes_nothing(client, homes):
    from events.models import BadgePrintJob

    client.force_login(UserFactory())

    response = client.post("/admin/badges/print/", {"category": "", "unprinted_only": "on"})

    assert refused(response)
    assert not BadgePrintJob.objects.exists()
