import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from b2b.models import B2BMeeting
from events.demo import demo_edition_ensure, demo_rehearsal_badge_ensure
from events.models import Attendee, Badge, Edition, Gate, Venue
from exhibitors.choices import ApplicationStatus
from exhibitors.models import Application, ApplicationEvent, Cooperative, Product, Stand, StandType
from fairsite.demo import DEMO_LOGINS
from fairsite.models import HomePage, SiteSettings, User
from partnerships.models import Agreement, PartnerRegion
from programme.models import Room, Session, SessionSignup, Speaker, Track

pytestmark = pytest.mark.django_db

COUNTED = [
    Page,
    Locale,
    Site,
    User,
    EmailAddress,
    Edition,
    Venue,
    SiteSettings,
    Group,
    Cooperative,
    Product,
    StandType,
    Stand,
    Application,
    ApplicationEvent,
    Attendee,
    Badge,
    Gate,
    Room,
    Track,
    Speaker,
    Session,
    SessionSignup,
    PartnerRegion,
    Agreement,
    B2BMeeting,
]


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_seed_demo_twice_leaves_the_same_rows():
    call_command("seed_demo", stdout=io.StringIO())
    first = row_counts()
    call_command("seed_demo", stdout=io.StringIO())

    assert row_counts() == first
    assert first["Locale"] == 3
    assert first["Edition"] == 1 and Edition.objects.current() is not None
    assert first["Page"] >= 1 + 3 * 6  # root; per language home, about, news, 2 articles, directory
    assert first["Cooperative"] >= 60 and first["Stand"] >= 80 and first["StandType"] == 3
    states = set(Application.objects.values_list("status", flat=True))
    assert states == set(ApplicationStatus.values)
    assert Cooperative.objects.filter(managers__email="exhibitor@fair.example").exists()
    assert (first["Room"], first["Track"]) == (4, 4) and first["Session"] >= 40
    assert first["SessionSignup"] > 0
    assert first["PartnerRegion"] == 5 and first["Agreement"] == 5
    assert first["B2BMeeting"] > 0
    assert not PartnerRegion.objects.filter(is_sample=False).exists()


def test_the_sample_programme_has_no_clash():
    from programme.services.sessions import programme_clashes

    call_command("seed_demo", stdout=io.StringIO())

    edition = Edition.objects.current()
    sessions = Session.objects.filter(edition=edition)
    assert sessions.filter(status="published").count() == sessions.count()
    assert {s.starts_at.date() for s in sessions}.__len__() == 3
    assert programme_clashes(edition) == {}


def test_seed_demo_builds_a_translated_tree(client):
    call_command("seed_demo", stdout=io.StringIO())

    for language in ["ar", "fr", "en"]:
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        assert response.context["page"].locale.language_code == language
    assert "عن المعرض" in client.get("/ar/about/").content.decode()
    assert client.get("/fr/a-propos/").status_code == 200
    assert "Sample data" in client.get("/en/").content.decode()


def test_demo_log_ins_work_and_the_organiser_reaches_the_admin(client):
    call_command("seed_demo", stdout=io.StringIO())

    for login in DEMO_LOGINS:
        client.logout()
        response = client.post(
            "/en/accounts/login/", {"login": login.email, "password": login.password}
        )
        assert response.status_code == 302, login.role
    organiser = next(login for login in DEMO_LOGINS if login.role == "organiser")
    client.logout()
    client.post("/en/accounts/login/", {"login": organiser.email, "password": organiser.password})
    assert client.get("/admin/").status_code == 200


def test_seed_demo_prints_the_log_ins(capsys):
    call_command("seed_demo")

    output = capsys.readouterr().out
    for login in DEMO_LOGINS:
        assert login.email in output and login.password in output


def test_seed_demo_prints_and_serves_the_address_it_runs_at(capsys, settings):
    # `make run PORT=8101` sets WAGTAILADMIN_BASE_URL to the address runserver listens on.
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8101"
    call_command("seed_demo")

    output = capsys.readouterr().out
    assert "http://127.0.0.1:8101/ar/accounts/login/" in output
    assert "http://127.0.0.1:8101/ar/gate/" in output
    assert ":8000" not in output
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8101)
    assert site.site_name  # Wagtail's placeholder site has none
    assert HomePage.objects.get(locale__language_code="fr").full_url == "http://127.0.0.1:8101/fr/"


@pytest.mark.parametrize("hour_minute", [(0, 5), (8, 30), (23, 50)])
def test_sample_registrations_are_open_at_any_hour(hour_minute):
    zone = ZoneInfo("Africa/Casablanca")
    now = datetime.datetime(2026, 12, 3, *hour_minute, tzinfo=zone)

    edition = demo_edition_ensure(now=now)

    assert edition.visitor_registration_is_open(now)
    assert edition.exhibitor_registration_is_open(now)


def test_the_printed_test_badge_is_admitted_once_as_a_rehearsal_until_it_ends(client, capsys):
    call_command("seed_demo")
    lines = capsys.readouterr().out.splitlines()
    token = lines[next(i for i, line in enumerate(lines) if "/gate/" in line) + 1].strip()
    code = lines[next(i for i, line in enumerate(lines) if "test badge" in line) + 1].strip()

    def scan(direction="in"):
        return client.post(
            "/api/checkin/scan",
            {"code": code, "direction": direction},
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}"},
        ).json()

    admitted = scan()
    assert admitted["result"] == "ok" and admitted["rehearsal"] is True
    assert scan()["result"] == "already_in"
    Edition.objects.update(rehearsal=False)
    over = scan("out")
    assert over["result"] == "rehearsal_over" and over["rehearsal"] is True


def test_the_sample_data_rehearses_only_a_fair_that_has_not_begun():
    call_command("seed_demo", stdout=io.StringIO())
    edition = Edition.objects.current()
    Edition.objects.update(rehearsal=False)
    edition.refresh_from_db()
    during = datetime.datetime.combine(edition.starts_on, datetime.time(12), edition.zone)

    badge = demo_rehearsal_badge_ensure(edition=edition, now=during)

    edition.refresh_from_db()
    assert not edition.rehearsal
    assert badge.category == "test"
    assert demo_rehearsal_badge_ensure(edition=edition) == badge
    edition.refresh_from_db()
    assert edition.rehearsal
