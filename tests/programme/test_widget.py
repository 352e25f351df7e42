"""The programme widget for partners' sites: /<lang>/programme-widget/, filtered by track,
partner region or day, in its language and direction, the only page that may be framed."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programme.services.pages import programme_pages_ensure
from tests.factories import (
    EditionFactory,
    PartnerRegionFactory,
    RoomFactory,
    SessionFactory,
    TrackFactory,
)
from tests.factories.records import PartnershipMeetingFactory
from tests.fairsite.test_settings import manage

pytestmark = pytest.mark.django_db

FAIR = ZoneInfo("Africa/Casablanca")


@pytest.fixture
def programme(homes):
    return programme_pages_ensure(homes=homes)


@pytest.fixture
def fair(db):
    return EditionFactory(is_current=True, year=2031)


def at(edition, hour, minute=0, day=0):
    date = edition.starts_on + datetime.timedelta(days=day)
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=FAIR)


def widget(client, language="fr", **query):
    response = client.get(f"/{language}/programme-widget/", query)
    assert response.status_code == 200, response.status_code
    return response


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def titles(response):
    return [
        node.get_text(strip=True) for node in soup_of(response).select(".widget-session__title")
    ]


def meeting_with(session, *regions, is_public=True):
    meeting = PartnershipMeetingFactory(session=session, is_public=is_public)
    meeting.delegations.set(regions)
    return meeting


def test_the_widget_lists_the_published_programme_in_time_order(client, programme, fair):
    SessionFactory(edition=fair, title_fr="Clôture", starts_at=at(fair, 17))
    SessionFactory(edition=fair, title_fr="Ouverture", starts_at=at(fair, 9))
    SessionFactory(edition=fair, title_fr="Brouillon", status="draft")
    SessionFactory(edition=EditionFactory(), title_fr="Autre édition")

    response = widget(client)

    assert titles(response) == ["Ouverture", "Clôture"]
    soup = soup_of(response)
    assert soup.select_one(".widget-session__when time").get_text() == "09:00–10:00"
    # Each session leads to its page on the fair's site, in a tab of its own.
    link = soup.select_one(".widget-session__title a")
    assert link["href"].startswith("http") and "/fr/programme/" in link["href"]
    assert soup.select_one("base")["target"] == "_blank"


def test_the_widget_speaks_its_language_in_its_direction(client, programme, fair):
    SessionFactory(edition=fair, title_ar="افتتاح المعرض", title_fr="Ouverture du salon")

    arabic = soup_of(widget(client, "ar"))
    french = soup_of(widget(client, "fr"))

    assert (arabic.html["lang"], arabic.html["dir"]) == ("ar", "rtl")
    assert (french.html["lang"], french.html["dir"]) == ("fr", "ltr")
    assert arabic.select_one(".widget-session__title").get_text(strip=True) == "افتتاح المعرض"
    assert french.select_one(".widget-session__title").get_text(strip=True) == "Ouverture du salon"
    assert arabic.h1.get_text(" ", strip=True).startswith("البرنامج")


def test_the_widget_is_filtered_by_track(client, programme, fair):
    export = TrackFactory(edition=fair, slug="export", name_fr="Export")
    SessionFactory(edition=fair, title_fr="Exporter", track=export)
    SessionFactory(edition=fair, title_fr="Financer", track=TrackFactory(edition=fair))

    response = widget(client, track="export")

    assert titles(response) == ["Exporter"]
    assert "Export" in soup_of(response).select_one(".widget-header__filter").get_text()
    # A track that does not exist is left out, as on the programme page.
    assert titles(widget(client, track="nowhere")) == ["Exporter", "Financer"]


def test_the_widget_is_filtered_by_partner_region(client, programme, fair):
    occitanie = PartnerRegionFactory(slug="occitanie", name_fr="Occitanie")
    dakar = PartnerRegionFactory(slug="dakar", name_fr="Dakar")
    meeting_with(SessionFactory(edition=fair, title_fr="Avec l'Occitanie"), occitanie)
    meeting_with(SessionFactory(edition=fair, title_fr="Avec Dakar", starts_at=at(fair, 12)), dakar)
    SessionFactory(edition=fair, title_fr="Sans partenaire", starts_at=at(fair, 15))

    response = widget(client, region="occitanie")

    assert titles(response) == ["Avec l'Occitanie"]
    assert "Occitanie" in soup_of(response).select_one(".widget-header__filter").get_text()


def test_a_confidential_partnership_is_never_a_filter(client, programme, fair):
    secret = PartnerRegionFactory(slug="secret", is_public=False)
    private = PartnerRegionFactory(slug="private")
    meeting_with(SessionFactory(edition=fair, title_fr="Confidentielle"), secret)
    meeting_with(
        SessionFactory(edition=fair, title_fr="Réunion interne", starts_at=at(fair, 12)),
        private,
        is_public=False,
    )

    for slug in ["secret", "private"]:
        response = widget(client, region=slug)
        # The filter is left out: the whole programme, no region named.
        assert titles(response) == ["Confidentielle", "Réunion interne"]
        assert soup_of(response).select_one(".widget-header__filter") is None


def test_the_widget_is_filtered_by_day(client, programme, fair):
    SessionFactory(edition=fair, title_fr="Premier jour")
    SessionFactory(edition=fair, title_fr="Deuxième jour", starts_at=at(fair, 10, day=1))

    second = (fair.starts_on + datetime.timedelta(days=1)).isoformat()
    assert titles(widget(client, day=second)) == ["Deuxième jour"]
    assert titles(widget(client)) == ["Premier jour", "Deuxième jour"]
    assert titles(widget(client, day="1999-01-01")) == ["Premier jour", "Deuxième jour"]


def test_today_is_the_fairs_today(client, programme, fair_today):
    SessionFactory(edition=fair_today, title_fr="Aujourd'hui")
    SessionFactory(edition=fair_today, title_fr="Demain", ahead=True)

    assert titles(widget(client, day="today")) == ["Aujourd'hui"]


def test_a_cancelled_session_is_shown_as_cancelled(client, programme, fair):
    SessionFactory(edition=fair, title_fr="Annulée", status="cancelled")

    soup = soup_of(widget(client))

    card = soup.select_one(".widget-session--cancelled")
    assert card.select_one(".widget-session__cancelled").get_text(strip=True) == "Annulée"


def test_the_widget_changes_when_the_programme_does(client, programme, fair):
    SessionFactory(edition=fair, title_fr="Ouverture")
    assert titles(widget(client)) == ["Ouverture"]

    SessionFactory(edition=fair, title_fr="Clôture", starts_at=at(fair, 17))

    assert titles(widget(client)) == ["Ouverture", "Clôture"]


def test_the_widget_without_a_current_edition_says_so(client, programme):
    response = widget(client)
    assert soup_of(response).select_one(".widget-empty") is not None


# Framing: the widget, and only the widget.


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )


def test_any_site_may_frame_the_widget(client, programme, fair):
    response = widget(client)

    assert "X-Frame-Options" not in response
    assert directives(response)["frame-ancestors"] == "*"
    # The rest of the policy stays: the widget runs only the site's own files.
    assert directives(response)["script-src"] == "'self'"
    assert "public" in response["Cache-Control"]


def test_only_the_sites_named_in_the_environment_may_frame_the_widget():
    """A deployment names its partners' sites in PROGRAMME_WIDGET_FRAME_ANCESTORS."""
    result = manage(
        "shell",
        "-c",
        "from programme.widget_views import FRAME_ANCESTORS; print(' '.join(FRAME_ANCESTORS))",
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "PROGRAMME_WIDGET_FRAME_ANCESTORS": "https://oriental.example,https://occitanie.example",
        },
    )

    assert result.returncode == 0, result.stderr
    named = result.stdout.strip().splitlines()[-1].split()
    assert named == ["https://oriental.example", "https://occitanie.example"]


@pytest.mark.parametrize(
    "path", ["/fr/", "/fr/programme/", "/ar/signage/", "/fr/verify/", "/fr/signage/now.json"]
)
def test_every_other_page_still_refuses_to_be_framed(client, programme, fair, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert directives(response)["frame-ancestors"] == "'none'"


def test_the_widgets_queries_do_not_grow_with_the_programme(client, programme, fair):
    region = PartnerRegionFactory(slug="occitanie")
    track = TrackFactory(edition=fair, slug="export")

    def add(count):
        for _ in range(count):
            room = RoomFactory(venue=fair.venue)
            session = SessionFactory(edition=fair, room=room, track=track)
            meeting_with(session, region)

    def queries(**query):
        widget(client, **query)  # the site's own lookups, made once after a change and kept
        with CaptureQueriesContext(connection) as captured:
            widget(client, **query)
        return len(captured)

    add(3)
    few = queries(track="export"), queries(region="occitanie")
    add(30)
    many = queries(track="export"), queries(region="occitanie")

    assert few == many
    assert len(titles(widget(client, region="occitanie"))) == 33
