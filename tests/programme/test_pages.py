import datetime
import importlib
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.models import Attendee
from programme.choices import SessionType, SignupStatus, SpokenLanguage
from programme.models import Agenda, ProgrammePage, SessionSignup
from programme.services.agenda import agenda_star
from programme.services.pages import programme_pages_ensure
from programme.services.sessions import session_cancel, session_save
from programme.services.signups import attendee_for_user, session_signup
from tests.factories import (
    EditionFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

FAIR = ZoneInfo("Africa/Casablanca")


@pytest.fixture
def programme(homes):
    return programme_pages_ensure(homes=homes)


@pytest.fixture
def fair(db):
    # A fixed year, far from Ramadan: the fair's clock is UTC+1 all through it.
    return EditionFactory(is_current=True, year=2031)


@pytest.fixture
def room(fair):
    return RoomFactory(venue=fair.venue, name_ar="قاعة الندوات", name_fr="Salle des conférences")


def at(edition, hour, minute=0, day=0):
    date = edition.starts_on + datetime.timedelta(days=day)
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=FAIR)


def session(edition, **fields):
    fields.setdefault("room", RoomFactory(venue=edition.venue))
    return SessionFactory(edition=edition, **fields)


def html(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def titles(soup, selector=".session-card__title"):
    return [node.get_text(strip=True) for node in soup.select(selector)]


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def url(session, language="fr", action=""):
    return f"/{language}/programme/{session.uid}/{action}"


def tr(language, text, **values):
    """An interface string as the page shows it in `language`."""
    with translation.override(language):
        return str(translation.gettext(text) % values if values else translation.gettext(text))


# The page and its place in the site.


def test_the_programme_lives_at_lang_programme_and_in_the_menu(client, programme, fair):
    for language in ["ar", "fr", "en"]:
        soup = html(client.get(f"/{language}/programme/"))
        menu = soup.select_one(".main-menu")
        assert menu.find("a", href=f"/{language}/programme/") is not None


def test_the_home_page_leads_to_the_programme_in_its_language(client, programme, fair):
    for language in ["ar", "fr"]:
        hero = html(client.get(f"/{language}/")).select_one(".hero")
        link = hero.find("a", href=f"/{language}/programme/")
        assert link is not None and link.get_text(strip=True) == tr(language, "See the programme")


def test_the_pages_are_translations_of_one_another_and_made_once(homes):
    first = programme_pages_ensure(homes=homes)
    again = programme_pages_ensure(homes=homes)

    assert {page.pk for page in first.values()} == {page.pk for page in again.values()}
    assert len({page.translation_key for page in first.values()}) == 1
    assert {page.slug for page in first.values()} == {"programme"}


# The programme, day by day.


def test_sessions_are_grouped_by_the_day_they_start_on_at_the_fair(client, programme, fair):
    session(fair, title_fr="Ouverture", starts_at=at(fair, 10), ends_at=at(fair, 11))
    # 00:30 at the fair on the second day is still the first day in UTC.
    late = session(
        fair,
        title_fr="Nuit des coopératives",
        starts_at=at(fair, 0, 30, day=1),
        ends_at=at(fair, 1, 30, day=1),
    )
    assert late.starts_at.astimezone(datetime.UTC).date() == fair.starts_on

    soup = html(client.get("/fr/programme/", {"day": "all"}))

    days = soup.select(".programme-day")
    assert [day.h2.get_text(strip=True) for day in days] == [
        "mardi 13 mai 2031",
        "mercredi 14 mai 2031",
    ]
    assert titles(days[0]) == ["Ouverture"]
    assert titles(days[1]) == ["Nuit des coopératives"]
    assert days[1].select_one(".session-card__time").get_text(strip=True).startswith("00:30–01:30")


def test_arabic_dates_use_the_moroccan_month_names(client, programme, fair):
    session(fair, starts_at=at(fair, 10), ends_at=at(fair, 11))

    soup = html(client.get("/ar/programme/"))

    assert soup.html["dir"] == "rtl"
    assert soup.select_one(".programme-day h2").get_text(strip=True) == "الثلاثاء 13 ماي 2031"


def test_each_session_shows_its_time_room_track_type_language_and_speakers(
    client, programme, fair, room
):
    track = TrackFactory(edition=fair, name_fr="Export", colour="#aa3300")
    speaker = SpeakerFactory(name_latin="Karim Alaoui", name_ar="كريم العلوي")
    session(
        fair,
        room=room,
        track=track,
        type="workshop",
        language="fr",
        starts_at=at(fair, 14),
        ends_at=at(fair, 15, 30),
        speakers=[speaker],
    )

    card = html(client.get("/fr/programme/")).select_one(".session-card")
    text = card.get_text(" ", strip=True)

    assert card.select_one(".session-card__time").get_text(strip=True).startswith("14:00–15:30")
    assert "Salle des conférences" in text and "Export" in text
    with translation.override("fr"):
        assert str(SessionType.WORKSHOP.label) in text
        assert str(SpokenLanguage.FRENCH.label) in text
    assert "Karim Alaoui" in text
    assert "--track-colour: #aa3300" in card["style"]
    arabic = html(client.get("/ar/programme/")).select_one(".session-card").get_text()
    assert "كريم العلوي" in arabic and "قاعة الندوات" in arabic


def test_drafts_are_never_shown(client, programme, fair):
    session(fair, title_fr="Publiée")
    draft = session(fair, title_fr="Brouillon", status="draft")
    user = UserFactory()

    assert titles(html(client.get("/fr/programme/"))) == ["Publiée"]
    assert client.get(url(draft)).status_code == 404
    client.force_login(user)
    assert client.post(url(draft, action="star/")).status_code == 404
    assert client.post(url(draft, action="signup/")).status_code == 404
    assert not Agenda.objects.filter(sessions=draft).exists()


def test_sessions_of_other_editions_are_not_in_the_programme(client, programme, fair):
    session(fair, title_fr="Cette année")
    session(EditionFactory(year=2029), title_fr="L'an passé")

    assert titles(html(client.get("/fr/programme/"))) == ["Cette année"]


def test_cancelled_sessions_stay_listed_as_cancelled(client, programme, fair):
    cancelled = session(fair, title_fr="Annulée", status="cancelled", signup_required=True)

    card = html(client.get("/fr/programme/")).select_one(".session-card")

    assert "session-card--cancelled" in card["class"]
    assert card.select_one(".cancelled-label").get_text(strip=True) == tr("fr", "Cancelled")
    assert card.select_one(".seats") is None
    page = html(client.get(url(cancelled)))
    assert page.select_one(".cancelled-banner") is not None
    assert page.select_one("form[action$='/signup/']") is None


def test_seats_left_are_shown_when_sign_up_is_required(client, programme, fair):
    workshop = session(fair, title_en="Workshop", capacity=3, signup_required=True)
    full = session(fair, title_en="Full", capacity=1, signup_required=True)
    session(fair, title_en="Open")
    for target, count in [(workshop, 1), (full, 1)]:
        for _n in range(count):
            attendee = attendee_for_user(user=UserFactory(), edition=fair)
            session_signup(session=target, attendee=attendee)

    cards = {
        card.select_one(".session-card__title").get_text(strip=True): card
        for card in html(client.get("/en/programme/")).select(".session-card")
    }

    assert cards["Workshop"].select_one(".seats").get_text(strip=True) == "2 places left"
    assert "seats--full" in cards["Full"].select_one(".seats")["class"]
    assert cards["Open"].select_one(".seats") is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Export", "Atelier", "Table ronde"]),
        ({"track": "export"}, ["Export"]),
        ({"type": "workshop"}, ["Atelier"]),
        ({"language": "ar"}, ["Table ronde"]),
        ({"room": "big"}, ["Export", "Table ronde"]),
        ({"room": "small", "language": "fr"}, ["Atelier"]),
        ({"day": "2031-05-14"}, ["Table ronde"]),
        ({"track": "export", "day": "2031-05-14"}, []),
        ({"track": "unknown", "type": "nonsense"}, ["Export", "Atelier", "Table ronde"]),
    ],
)
def test_filters(client, programme, fair, params, expected):
    rooms = {"big": RoomFactory(venue=fair.venue), "small": RoomFactory(venue=fair.venue)}
    big, small = rooms["big"], rooms["small"]
    export = TrackFactory(edition=fair, slug="export")
    session(fair, title_fr="Export", track=export, room=big, language="fr", type="talk")
    session(
        fair,
        title_fr="Atelier",
        room=small,
        language="fr",
        type="workshop",
        starts_at=at(fair, 11),
        ends_at=at(fair, 12),
    )
    session(
        fair,
        title_fr="Table ronde",
        room=big,
        language="ar",
        type="panel",
        starts_at=at(fair, 10, day=1),
        ends_at=at(fair, 11, day=1),
    )
    if "room" in params:
        params = {**params, "room": str(rooms[params["room"]].pk)}

    soup = html(client.get("/fr/programme/", {"day": "all", **params}))

    assert titles(soup) == expected


def test_the_day_switcher_keeps_the_other_filters(client, programme, fair):
    TrackFactory(edition=fair, slug="export")
    session(fair)

    soup = html(client.get("/fr/programme/", {"track": "export", "day": "2031-05-14"}))

    links = soup.select(".day-switcher a")
    assert len(links) == len(fair.days) + 1
    assert links[0]["href"] == "?track=export&day=2031-05-13"
    assert links[-1]["href"] == "?track=export&day=all"
    assert [link.get("aria-current") for link in links] == [None, "true", None, None, None]
    assert soup.select_one("input[name=day]")["value"] == "2031-05-14"
    assert "/ical/tracks/export.ics?lang=fr" in soup.select_one(".calendar-links").decode()


# A session's page.


def test_the_session_page(client, programme, fair, room):
    speaker = SpeakerFactory(
        name_latin="Nadia Berrada",
        name_ar="نادية برادة",
        bio_fr="Experte de l'export.",
        bio_ar="خبيرة في التصدير.",
    )
    talk = session(
        fair,
        room=room,
        speakers=[speaker],
        description_fr="Les circuits courts.",
        starts_at=at(fair, 9, 30),
        ends_at=at(fair, 10, 45),
    )

    soup = html(client.get(url(talk)))

    when = soup.select_one(".session-facts__when").get_text(" ", strip=True)
    assert when.startswith("mardi 13 mai 2031") and "09:30 – 10:45" in when
    assert "Salle des conférences" in soup.select_one(".session-facts").get_text()
    assert "Parc des expositions" in soup.select_one(".session-facts").get_text()
    assert soup.select_one(".speaker__name").get_text(strip=True) == "Nadia Berrada"
    assert "Experte de l'export." in soup.select_one(".speaker__bio").get_text()
    assert "Les circuits courts." in soup.select_one(".session-page__description").get_text()
    assert soup.select_one(".calendar-button")["href"] == f"/ical/sessions/{talk.uid}.ics?lang=fr"
    arabic = html(client.get(url(talk, "ar")))
    assert arabic.select_one(".speaker__name").get_text(strip=True) == "نادية برادة"
    assert arabic.select_one(".calendar-button")["href"].endswith("?lang=ar")


def test_an_unknown_session_is_not_found(client, programme, fair):
    assert client.get("/fr/programme/00000000-0000-0000-0000-000000000000/").status_code == 404


# Sign-ups through the pages.


@pytest.fixture
def workshop(fair, room):
    return session(fair, room=room, title_fr="Atelier export", capacity=1, signup_required=True)


def test_signing_up_needs_a_login_and_comes_back_to_the_session(client, programme, workshop):
    response = client.post(url(workshop, "ar", "signup/"), {"next": url(workshop, "ar")})

    assert response.status_code == 302
    assert response["Location"] == f"/ar/accounts/login/?next=/ar/programme/{workshop.uid}/"
    assert not SessionSignup.objects.exists()


@pytest.mark.parametrize("route", ["star/", "unstar/"])
def test_starring_needs_a_login(client, programme, workshop, route):
    response = client.post(url(workshop, action=route))

    assert response["Location"].startswith("/fr/accounts/login/?next=")


def test_the_agenda_needs_a_login(client, programme, fair):
    response = client.get("/ar/programme/agenda/")

    assert response["Location"] == "/ar/accounts/login/?next=/ar/programme/agenda/"


def test_action_routes_take_only_posts(client, programme, workshop):
    client.force_login(UserFactory())

    assert client.get(url(workshop, action="signup/")).status_code == 405
    assert client.get(url(workshop, action="star/")).status_code == 405
    assert client.get("/fr/programme/agenda/reset/").status_code == 405


def test_posts_need_the_csrf_token(programme, workshop):
    user = UserFactory()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)

    assert strict.post(url(workshop, action="signup/")).status_code == 403
    assert strict.post(url(workshop, action="star/")).status_code == 403
    assert not SessionSignup.objects.exists() and not Agenda.objects.exists()


def test_signing_up_gives_a_place_and_registers_the_visitor(client, programme, workshop):
    user = UserFactory(email="salma@fair.example")
    client.force_login(user)

    response = client.post(url(workshop, action="signup/"), {"next": url(workshop)})

    assert response.status_code == 302 and response["Location"] == url(workshop)
    signup = SessionSignup.objects.get()
    assert (signup.status, signup.attendee.user) == (SignupStatus.CONFIRMED, user)
    assert messages_of(response) == [
        tr("fr", "You have a place at “%(session)s”.", session="Atelier export")
    ]
    soup = html(client.get(url(workshop)))
    state = soup.select_one(".signup-box .signup-state").get_text(strip=True)
    assert state == tr("fr", "You have a place")
    assert soup.select_one(f"form[action$='/signups/{signup.pk}/cancel/']") is not None
    assert soup.select_one("form[action$='/signup/']") is None


def test_a_full_session_offers_the_waiting_list(client, programme, workshop):
    session_signup(
        session=workshop, attendee=attendee_for_user(user=UserFactory(), edition=workshop.edition)
    )
    client.force_login(UserFactory())

    soup = html(client.get(url(workshop, "en")))
    assert soup.select_one(".signup-box button").get_text(strip=True) == "Join the waiting list"

    response = client.post(url(workshop, "en", "signup/"))

    assert "you are on the waiting list" in messages_of(response)[0]
    assert SessionSignup.objects.filter(status=SignupStatus.WAITING).count() == 1
    soup = html(client.get(url(workshop, "en")))
    assert soup.select_one(".signup-state--waiting") is not None
    assert (
        soup.select_one(".signup-box form button").get_text(strip=True) == "Leave the waiting list"
    )


def test_giving_up_a_place_promotes_the_first_on_the_waiting_list(client, programme, workshop):
    salma, omar = UserFactory(), UserFactory()
    for user in (salma, omar):
        client.force_login(user)
        client.post(url(workshop, action="signup/"), follow=True)
    mine = SessionSignup.objects.get(attendee__user=salma)
    waiting = SessionSignup.objects.get(attendee__user=omar)
    assert (mine.status, waiting.status) == ("confirmed", "waiting")

    client.force_login(salma)
    response = client.post(f"/fr/programme/signups/{mine.pk}/cancel/", {"next": url(workshop)})

    assert response["Location"] == url(workshop)
    assert messages_of(response) == [
        tr("fr", "You have given up your place at “%(session)s”.", session="Atelier export")
    ]
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert (mine.status, waiting.status) == ("cancelled", "confirmed")
    client.force_login(omar)
    assert html(client.get(url(workshop))).select_one(".signup-state--confirmed") is not None


def test_nobody_can_cancel_someone_elses_sign_up(client, programme, workshop):
    theirs = session_signup(
        session=workshop, attendee=attendee_for_user(user=UserFactory(), edition=workshop.edition)
    )
    client.force_login(UserFactory())

    response = client.post(f"/fr/programme/signups/{theirs.pk}/cancel/")

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == SignupStatus.CONFIRMED


def test_a_refused_sign_up_says_why_and_registers_nobody(client, programme, fair):
    open_talk = session(fair, title_fr="Conférence libre", signup_required=False)
    client.force_login(UserFactory())

    response = client.post(url(open_talk, action="signup/"))

    assert response["Location"] == url(open_talk)
    assert messages_of(response) == [tr("fr", "This session takes no sign-ups.")]
    assert not SessionSignup.objects.exists() and not Attendee.objects.exists()


def test_the_reason_for_a_refusal_is_in_the_page_language(client, programme, fair):
    past = session(
        fair,
        signup_required=True,
        starts_at=datetime.datetime(2020, 5, 13, 10, tzinfo=FAIR),
        ends_at=datetime.datetime(2020, 5, 13, 11, tzinfo=FAIR),
    )
    client.force_login(UserFactory())

    for language in ["ar", "fr"]:
        response = client.post(url(past, language, "signup/"), follow=True)

        shown = html(response).select(".messages li")
        assert [li.get_text(strip=True) for li in shown] == [tr(language, "This session is over.")]


def test_a_next_address_off_the_site_is_ignored(client, programme, workshop):
    client.force_login(UserFactory())

    response = client.post(url(workshop, action="star/"), {"next": "https://elsewhere.example/"})

    assert response["Location"] == url(workshop)


# The agenda.


def test_star_and_unstar(client, programme, workshop):
    user = UserFactory()
    client.force_login(user)

    response = client.post(url(workshop, action="star/"), {"next": "/fr/programme/#s-x"})

    assert response["Location"] == "/fr/programme/#s-x"
    assert list(Agenda.objects.get(user=user).sessions.all()) == [workshop]
    card = html(client.get("/fr/programme/")).select_one(".session-card")
    assert card.select_one(".star-form")["action"].endswith("/unstar/")

    client.post(url(workshop, action="unstar/"))

    assert not Agenda.objects.get(user=user).sessions.exists()
    card = html(client.get("/fr/programme/")).select_one(".session-card")
    assert card.select_one(".star-form")["action"].endswith("/star/")


def test_no_star_buttons_for_anonymous_visitors(client, programme, workshop):
    assert html(client.get("/fr/programme/")).select(".star-form") == []


def test_the_agenda_lists_starred_and_signed_up_sessions(client, programme, fair):
    user = UserFactory()
    starred = session(fair, title_fr="Étoilée", starts_at=at(fair, 9), ends_at=at(fair, 10))
    signed_up = session(fair, title_fr="Inscrite", signup_required=True, capacity=5)
    session(fair, title_fr="Autre")
    session(EditionFactory(year=2029), title_fr="Ancienne")
    agenda_star(user=user, session=starred)
    session_signup(session=signed_up, attendee=attendee_for_user(user=user, edition=fair))
    client.force_login(user)

    soup = html(client.get("/fr/programme/agenda/"))

    assert titles(soup) == ["Étoilée", "Inscrite"]
    assert soup.select_one(".signup-state--confirmed") is not None
    secret = Agenda.objects.get(user=user).secret
    assert soup.select_one("#agenda-address")["value"] == (
        f"http://testserver/ical/agenda/{secret}.ics?lang=fr"
    )
    assert soup.select_one(f"a[href='webcal://testserver/ical/agenda/{secret}.ics?lang=fr']")


def test_an_empty_agenda_says_how_to_fill_it(client, programme, fair):
    client.force_login(UserFactory())

    soup = html(client.get("/fr/programme/agenda/"))

    assert soup.select(".session-card") == [] and soup.select_one(".empty") is not None


def test_resetting_the_secret_gives_a_new_feed_address(client, programme, fair):
    user = UserFactory()
    client.force_login(user)
    client.get("/fr/programme/agenda/")
    old = Agenda.objects.get(user=user).secret

    response = client.post("/fr/programme/agenda/reset/")

    assert response["Location"] == "/fr/programme/agenda/"
    new = Agenda.objects.get(user=user).secret
    assert new != old
    content = client.get("/fr/programme/agenda/").content.decode()
    assert new in content and old not in content


# What changed.


def test_the_changes_list_shows_moves_and_cancellations_newest_first(client, programme, fair, room):
    other_room = RoomFactory(venue=fair.venue, name_fr="Salle B")
    moved = session(
        fair, title_fr="Déplacée", room=room, starts_at=at(fair, 10), ends_at=at(fair, 11)
    )
    dropped = session(fair, title_fr="Annulée", starts_at=at(fair, 15), ends_at=at(fair, 16))
    session(fair, title_fr="Inchangée")
    moved.starts_at, moved.ends_at, moved.room = (
        at(fair, 14, day=1),
        at(fair, 15, day=1),
        other_room,
    )
    session_save(session=moved)
    session_cancel(session=dropped)

    soup = html(client.get("/fr/programme/changes/"))

    changes = soup.select(".change")
    assert [c.select_one(".change__title").get_text(strip=True) for c in changes] == [
        "Annulée",
        "Déplacée",
    ]
    assert "change--cancelled" in changes[0]["class"]
    assert "15:00" in changes[0].select_one(".change__was").get_text()
    before, now = changes[1].select("dd")
    assert "mardi 13 mai" in before.get_text() and "10:00" in before.get_text()
    assert "Salle des conférences" in before.get_text()
    assert "mercredi 14 mai" in now.get_text() and "14:00" in now.get_text()
    assert "Salle B" in now.get_text()


def test_no_changes_yet(client, programme, fair):
    soup = html(client.get("/fr/programme/changes/"))

    assert soup.select(".change") == [] and soup.select_one(".changes .empty") is not None


# Queries.


def programme_with(fair, count):
    tracks = [TrackFactory(edition=fair) for _n in range(3)]
    rooms = [RoomFactory(venue=fair.venue) for _n in range(4)]
    sessions = []
    for n in range(count):
        sessions.append(
            session(
                fair,
                room=rooms[n % 4],
                track=tracks[n % 3],
                signup_required=n % 2 == 0,
                capacity=10 if n % 4 == 0 else None,
                starts_at=at(fair, 9 + n % 8, day=n % 3),
                ends_at=at(fair, 10 + n % 8, day=n % 3),
                speakers=[SpeakerFactory(), SpeakerFactory()],
                status="cancelled" if n % 7 == 0 else "published",
            )
        )
    return sessions


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_number_of_queries_does_not_grow_with_the_programme(programme, signed_in):
    counts = []
    for count in (5, 40):
        fair = EditionFactory(is_current=True, year=2040 + count)
        sessions = programme_with(fair, count)
        client = Client()
        if signed_in:
            user = UserFactory()
            for target in sessions[:3]:
                agenda_star(user=user, session=target)
            session_signup(session=sessions[2], attendee=attendee_for_user(user=user, edition=fair))
            client.force_login(user)
        client.get("/fr/programme/")  # warm the caches of Wagtail's site and locales
        cache.clear()  # but not the list of sessions: its queries are the ones counted
        with CaptureQueriesContext(connection) as queries:
            soup = html(client.get("/fr/programme/", {"day": "all"}))
        assert len(soup.select(".session-card")) == count
        counts.append(len(queries))
        fair.is_current = False
        fair.save()

    assert counts[0] == counts[1], counts


def test_one_day_at_a_time_the_first_until_the_fair_then_today(client, programme, fair):
    session(fair, title_fr="Premier jour", starts_at=at(fair, 10), ends_at=at(fair, 11))
    session(
        fair, title_fr="Deuxième jour", starts_at=at(fair, 10, day=1), ends_at=at(fair, 11, day=1)
    )

    assert titles(html(client.get("/fr/programme/"))) == ["Premier jour"]
    with mock.patch(
        "django.utils.timezone.localdate", return_value=fair.starts_on + datetime.timedelta(days=1)
    ):
        assert titles(html(client.get("/fr/programme/"))) == ["Deuxième jour"]
    everything = html(client.get("/fr/programme/", {"day": "all"}))
    assert titles(everything) == ["Premier jour", "Deuxième jour"]
    assert everything.select_one("input[name=day]")["value"] == "all"


def test_visitors_not_signed_in_share_a_cached_list_that_a_change_renews(client, programme, fair):
    talk = session(fair, title_fr="Avant", starts_at=at(fair, 10), ends_at=at(fair, 11))
    client.get("/fr/")  # the site's settings are made at the first request: a change
    assert titles(html(client.get("/fr/programme/"))) == ["Avant"]

    with CaptureQueriesContext(connection) as queries:
        assert titles(html(client.get("/fr/programme/"))) == ["Avant"]
    assert not any("events_session_speakers" in q["sql"] for q in queries.captured_queries)

    talk.title_fr = "Après"
    session_save(session=talk)
    assert titles(html(client.get("/fr/programme/"))) == ["Après"]


def test_no_current_edition_yet(client, programme):
    soup = html(client.get("/fr/programme/"))

    assert soup.select(".session-card") == [] and soup.select_one(".empty") is not None


def test_the_migration_puts_the_programme_under_homes_made_before_it(client, homes):
    from django.apps import apps
    from wagtail.models import Page

    migration = importlib.import_module("events.migrations.0010_programme_page")

    migration.programme_pages_create(apps, None)
    migration.programme_pages_create(apps, None)  # a second run adds nothing

    pages = ProgrammePage.objects.order_by("locale__language_code")
    assert [(page.locale.language_code, page.url) for page in pages] == [
        ("ar", "/ar/programme/"),
        ("en", "/en/programme/"),
        ("fr", "/fr/programme/"),
    ]
    assert len({page.translation_key for page in pages}) == 1
    assert all(page.show_in_menus and page.live for page in pages)
    assert Page.find_problems() == ([], [], [], [], [])
    assert client.get("/ar/programme/").status_code == 200
    assert programme_pages_ensure(homes=homes) == {
        page.locale.language_code: page for page in pages
    }


def test_the_shared_list_carries_no_visitor_s_own_state(client, programme, fair):
    talk = session(fair, title_fr="Atelier", signup_required=True, capacity=5)
    user = UserFactory()
    agenda_star(user=user, session=talk)
    session_signup(session=talk, attendee=attendee_for_user(user=user, edition=fair))
    client.force_login(user)
    mine = html(client.get("/fr/programme/"))  # fills the shared list
    client.logout()

    theirs = html(client.get("/fr/programme/"))

    assert mine.select_one(".star-button--on") and mine.select_one(".signup-state--confirmed")
    assert not theirs.select(".star-form, .signup-state, .session-card__actions")
    assert "<!--actions" not in str(mine) and "<!--actions" not in str(theirs)
