import pytest

from events.models import Edition
from fairsite.roles import ORGANISERS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, homes):
    user = UserFactory(groups=[ORGANISERS], language="fr")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/pages/",
        "/admin/editions/",
        "/admin/editions/new/",
        "/admin/venues/",
        "/admin/users/",
        "/admin/users/new/",
    ],
)
def test_organiser_opens_the_admin_screens(client, organiser, url):
    assert client.get(url).status_code == 200


def test_organiser_edits_the_site_settings(client, organiser, homes):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/fairsite/sitesettings/{site.pk}/"
    assert client.get(url).status_code == 200


def test_organiser_creates_an_edition_and_a_clear_error_stops_a_second_current_one(
    client, organiser
):
    form = {
        "year": "2031",
        "number": "6",
        "name_ar": "الدورة السادسة",
        "name_fr": "6e édition",
        "name_en": "",
        "starts_on": "2031-05-15",
        "ends_on": "2031-05-18",
        "time_zone": "Africa/Casablanca",
        "status": "draft",
        "is_current": "on",
    }
    created = client.post("/admin/editions/new/", form)
    assert created.status_code == 302
    assert Edition.objects.current().year == 2031

    second = client.post("/admin/editions/new/", form | {"year": "2032"})

    assert second.status_code == 200
    assert Edition.objects.count() == 1
    assert "توجد دورة أخرى محددة كدورة حالية" in second.content.decode()


def test_organiser_creates_a_user_with_an_email_log_in(client, organiser):
    response = client.post(
        "/admin/users/new/",
        {
            "email": "gate2@fair.example",
            "first_name": "Omar",
            "last_name": "Alaoui",
            "password1": "a-long-pass-phrase-42",
            "password2": "a-long-pass-phrase-42",
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]


def test_the_admin_sends_anonymous_visitors_to_the_site_log_in(client, homes):
    response = client.get("/admin/pages/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/login/?next=/admin/pages/"


def test_wagtails_own_log_in_form_is_not_reachable(client, homes):
    response = client.post("/admin/login/?next=/admin/", {"username": "x", "password": "y"})

    assert response.status_code in (301, 302)
    assert "/accounts/login/?next=/admin/" in response["Location"]
