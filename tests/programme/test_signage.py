"""Screens at the fair: now and next in each room (/<lang>/signage/room/<id>/) and for the
whole venue (/<lang>/signage/), in Arabic and French, kept up to date from
/<lang>/signage/now.json."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from programme.models import Room
from programme.services.sessions import session_cancel, session_save
from programme.signage_views import signage_payload
from tests.factories import EditionFactory, RoomFactory, SessionFactory, TrackFactory

pytestmark = pytest.mark.django_db

FAIR = ZoneInfo("Africa/Casablanca")


@pytest.fixture
def fair(db):
    # A fixed year, far from Ramadan: the fair's clock is UTC+1 all through it.
    return EditionFactory(is_current=True, year=2031)


@pytest.fixture
def hall(fair):
    return RoomFactory(venue=fair.venue, name_ar="القاعة الكبرى", name_fr="Grande salle", order=1)


@pytest.fixture
def workshop(fair):
    return RoomFactory(
        venue=fair.venue, name_ar="قاعة الورشات", name_fr="Salle des ateliers", order=2
    )


def at(edition, hour, minute=0, day=0):
    date = edition.starts_on + datetime.timedelta(days=day)
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=FAIR)


def session(edition, room, hour, minute=0, *, hours=1, day=0, **fields):
    starts = at(edition, hour, minute, day)
    return SessionFactory(
        edition=edition,
        room=room,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=hours),
        **fields,
    )


def board(edition, moment, rooms):
    payload = signage_payload(edition=edition, at=moment, rooms=rooms)
    return {room["id"]: room for room in payload["rooms"]}, payload


def titles(room):
    return [item["title"]["fr"] for item in room["sessions"]]


def find(room, uid):
    return next(item for item in room["sessions"] if item["id"] == uid)


# Now and next at given moments.


def test_now_and_next_follow_the_fairs_clock(fair, hall, workshop):
    opening = session(fair, hall, 9, title_fr="Ouverture")
    panel = session(fair, hall, 10, 30, title_fr="Table ronde")
    workshop_one = session(fair, workshop, 11, title_fr="Atelier")

    rooms, payload = board(fair, at(fair, 8, 45), [hall, workshop])
    assert (rooms[hall.pk]["now"], rooms[hall.pk]["next"]) == (None, str(opening.uid))
    assert (rooms[workshop.pk]["now"], rooms[workshop.pk]["next"]) == (None, str(workshop_one.uid))
    assert payload["day"] == fair.starts_on.isoformat()
    assert payload["zone"] == "Africa/Casablanca"

    rooms, _ = board(fair, at(fair, 9, 59), [hall, workshop])
    assert (rooms[hall.pk]["now"], rooms[hall.pk]["next"]) == (str(opening.uid), str(panel.uid))

    # At 10:00 the opening is over: nothing on in the hall until the panel.
    rooms, _ = board(fair, at(fair, 10), [hall, workshop])
    assert (rooms[hall.pk]["now"], rooms[hall.pk]["next"]) == (None, str(panel.uid))
    assert titles(rooms[hall.pk]) == ["Table ronde"]

    rooms, _ = board(fair, at(fair, 11, 15), [hall, workshop])
    assert (rooms[hall.pk]["now"], rooms[hall.pk]["next"]) == (str(panel.uid), None)
    assert (rooms[workshop.pk]["now"], rooms[workshop.pk]["next"]) == (str(workshop_one.uid), None)


def test_times_are_on_the_fairs_clock_and_texts_in_every_language(fair, hall):
    item = session(fair, hall, 9, title_ar="افتتاح", title_fr="Ouverture", title_en="")
    rooms, _ = board(fair, at(fair, 8), [hall])

    shown = find(rooms[hall.pk], str(item.uid))
    assert shown["time"] == "09:00–10:00"
    assert shown["starts"] == "2031-05-13T08:00:00+00:00"  # UTC+1 at the fair
    # English falls back to French before Arabic script.
    assert shown["title"] == {"ar": "افتتاح", "fr": "Ouverture", "en": "Ouverture"}
    assert rooms[hall.pk]["name"]["ar"] == "القاعة الكبرى"


def test_nothing_more_today_once_the_last_session_is_over(fair, hall):
    session(fair, hall, 9, title_fr="Ouverture")
    session(fair, hall, 9, day=1, title_fr="Demain")

    rooms, _ = board(fair, at(fair, 18), [hall])

    assert rooms[hall.pk] == {**rooms[hall.pk], "now": None, "next": None, "sessions": []}


def test_only_published_and_cancelled_sessions_of_the_edition(fair, hall):
    session(fair, hall, 9, title_fr="Brouillon", status="draft")
    session(fair, hall, 10, title_fr="Annulée", status="cancelled")
    session(fair, hall, 11, title_fr="Publiée")

    rooms, _ = board(fair, at(fair, 8), [hall])

    assert titles(rooms[hall.pk]) == ["Annulée", "Publiée"]


def test_a_cancelled_session_is_shown_as_cancelled(fair, hall):
    item = session(fair, hall, 10, title_fr="Atelier export")
    session_cancel(session=item)

    rooms, _ = board(fair, at(fair, 10, 15), [hall])

    assert rooms[hall.pk]["now"] == str(item.uid)
    assert find(rooms[hall.pk], str(item.uid))["cancelled"] is True


def test_a_session_held_instead_of_a_cancelled_one_is_the_one_on_now(fair, hall):
    cancelled = session(fair, hall, 10, title_fr="Annulée", status="cancelled")
    held = session(fair, hall, 10, title_fr="Remplaçante")

    rooms, _ = board(fair, at(fair, 10, 15), [hall])

    assert rooms[hall.pk]["now"] == str(held.uid)
    assert find(rooms[hall.pk], str(cancelled.uid))["cancelled"] is True


def test_a_moved_session_shows_at_its_new_time_and_says_so(fair, hall, workshop):
    item = session(fair, hall, 9, title_fr="Déplacée")
    item.starts_at, item.ends_at = at(fair, 15), at(fair, 16)
    item.room = workshop
    session_save(session=item)

    rooms, _ = board(fair, at(fair, 9, 30), [hall, workshop])

    assert rooms[hall.pk]["sessions"] == []
    assert rooms[workshop.pk]["next"] == str(item.uid)
    shown = find(rooms[workshop.pk], str(item.uid))
    assert shown["time"] == "15:00–16:00"
    assert shown["moved"] == {
        "time": "09:00",
        "room": {"ar": "القاعة الكبرى", "fr": "Grande salle", "en": "Grande salle"},
    }


# The JSON the screens read.


@pytest.fixture
def today_fair(fair_today):
    local = timezone.localtime(timezone=FAIR)
    if local.hour >= 22 or local.hour < 1:
        pytest.skip("the sessions around now must fit in the fair's day")
    return fair_today


def around_now(edition, room, minutes, *, length=60, **fields):
    starts = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(minutes=minutes)
    return SessionFactory(
        edition=edition,
        room=room,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=length),
        **fields,
    )


def test_the_json_says_what_is_on_now_and_next(client, today_fair):
    room = RoomFactory(venue=today_fair.venue, name_fr="Grande salle")
    on = around_now(today_fair, room, -10, title_fr="En cours")
    coming = around_now(today_fair, room, 55, title_fr="Ensuite")
    around_now(today_fair, room, -120, title_fr="Finie")

    response = client.get("/fr/signage/now.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    (shown,) = data["rooms"]
    assert (shown["now"], shown["next"]) == (str(on.uid), str(coming.uid))
    assert titles(shown) == ["En cours", "Ensuite"]


def test_the_json_is_public_and_revalidated_by_its_etag(client, today_fair):
    room = RoomFactory(venue=today_fair.venue)
    around_now(today_fair, room, 5)

    first = client.get("/fr/signage/now.json")
    again = client.get("/fr/signage/now.json", headers={"If-None-Match": first["ETag"]})

    assert "public" in first["Cache-Control"] and "max-age=15" in first["Cache-Control"]
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


def test_the_json_changes_as_soon_as_the_programme_does(client, today_fair):
    room = RoomFactory(venue=today_fair.venue)
    item = around_now(today_fair, room, 30, title_fr="Prévue")
    first = client.get("/fr/signage/now.json")

    session_cancel(session=item)

    second = client.get("/fr/signage/now.json", headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 200
    assert json.loads(second.content)["rooms"][0]["sessions"][0]["cancelled"] is True


def test_the_json_of_one_room(client, today_fair):
    room = RoomFactory(venue=today_fair.venue)
    other = RoomFactory(venue=today_fair.venue)
    around_now(today_fair, room, 5, title_fr="Ici")
    around_now(today_fair, other, 5, title_fr="Ailleurs")

    data = json.loads(client.get("/fr/signage/now.json", {"room": room.pk}).content)

    assert [(shown["id"], titles(shown)) for shown in data["rooms"]] == [(room.pk, ["Ici"])]
    assert client.get("/fr/signage/now.json", {"room": "x"}).status_code == 404
    elsewhere = RoomFactory()  # another venue's room
    assert client.get("/fr/signage/now.json", {"room": elsewhere.pk}).status_code == 404


def test_no_current_edition_no_screen(client, db):
    assert client.get("/fr/signage/").status_code == 404
    assert client.get("/fr/signage/now.json").status_code == 404


def test_the_jsons_queries_do_not_grow_with_the_programme(client, today_fair):
    track = TrackFactory(edition=today_fair)

    def add(count):
        for _ in range(count):
            room = RoomFactory(venue=today_fair.venue)
            around_now(today_fair, room, -5, length=30, track=track)
            moved = around_now(today_fair, room, 30, track=track)
            moved.starts_at += datetime.timedelta(minutes=10)
            moved.ends_at += datetime.timedelta(minutes=10)
            session_save(session=moved)

    def queries(path):
        client.get(path)  # the site's own lookups, made once after a change and kept
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    add(2)
    few = queries("/fr/signage/now.json"), queries("/fr/signage/")
    add(20)
    many = queries("/fr/signage/now.json"), queries("/fr/signage/")

    assert few == many
    assert len(json.loads(client.get("/fr/signage/now.json").content)["rooms"]) == 22


# The pages.


def tr(language, text, context="", **values):
    """An interface string as the screen shows it in `language`."""
    with translation.override(language):
        text = translation.pgettext(context, text) if context else translation.gettext(text)
        return str(text % values if values else text)


def html(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def bilingual(node):
    return [(span["lang"], span.get_text(strip=True)) for span in node.select(".bi")]


def test_the_venue_screen_shows_each_room_in_arabic_and_french(client, today_fair):
    room = RoomFactory(venue=today_fair.venue, name_ar="القاعة الكبرى", name_fr="Grande salle")
    around_now(today_fair, room, -10, title_ar="التصدير", title_fr="L'export")

    arabic = html(client.get("/ar/signage/"))
    french = html(client.get("/fr/signage/"))

    assert (arabic.html["lang"], arabic.html["dir"]) == ("ar", "rtl")
    assert (french.html["lang"], french.html["dir"]) == ("fr", "ltr")
    # The page's language first, the other under it.
    assert bilingual(arabic.select_one(".signage-room__name")) == [
        ("ar", "القاعة الكبرى"),
        ("fr", "Grande salle"),
    ]
    assert bilingual(french.select_one(".signage-slot--now .signage-session__title")) == [
        ("fr", "L'export"),
        ("ar", "التصدير"),
    ]
    now_fr, now_ar = (tr(code, "Now", "on a screen at the fair") for code in ("fr", "ar"))
    label = bilingual(french.select_one(".signage-slot--now .signage-slot__label"))
    # (The second language is left out where it reads the same.)
    assert label == [("fr", now_fr), ("ar", now_ar)][: 1 + (now_ar != now_fr)]
    clock = timezone.localtime(timezone=FAIR).strftime("%H:")
    assert french.select_one(".signage-clock").get_text().startswith(clock)
    # The screen asks for the JSON of the venue.
    screen = json.loads(french.select_one("#signage-screen").string)
    assert screen["source"] == "/fr/signage/now.json"
    assert screen["zone"] == "Africa/Casablanca"


def test_the_room_screen_shows_now_next_and_later(client, today_fair):
    room = RoomFactory(venue=today_fair.venue, name_fr="Salle des ateliers")
    around_now(today_fair, room, -10, length=20, title_fr="En cours")
    around_now(today_fair, room, 15, length=20, title_fr="Ensuite", status="cancelled")
    around_now(today_fair, room, 40, length=20, title_fr="Plus tard")

    soup = html(client.get(f"/fr/signage/room/{room.pk}/"))

    def title(selector):
        return soup.select_one(f"{selector} .signage-session__title .bi--1").get_text(strip=True)

    assert title(".signage-slot--now") == "En cours"
    assert title(".signage-slot--next") == "Ensuite"
    assert soup.select_one(".signage-slot--next .signage-flag--cancelled") is not None
    assert title(".signage-slot--later") == "Plus tard"
    assert bilingual(soup.h1)[0] == ("fr", "Salle des ateliers")
    screen = json.loads(soup.select_one("#signage-screen").string)
    assert screen["source"] == f"/fr/signage/now.json?room={room.pk}"


def test_a_moved_session_says_its_old_time_on_the_screen(client, today_fair):
    room = RoomFactory(venue=today_fair.venue)
    item = around_now(today_fair, room, 30, title_fr="Déplacée")
    was = timezone.localtime(item.starts_at, timezone=FAIR).strftime("%H:%M")
    item.starts_at += datetime.timedelta(minutes=15)
    item.ends_at += datetime.timedelta(minutes=15)
    session_save(session=item)

    soup = html(client.get(f"/fr/signage/room/{room.pk}/"))

    assert bilingual(soup.select_one(".signage-slot--next .signage-flag--moved"))[0] == (
        "fr",
        tr("fr", "New time (was %(time)s)", time=was),
    )


def test_nothing_more_today_on_the_screens(client, today_fair):
    room = RoomFactory(venue=today_fair.venue)
    SessionFactory(edition=today_fair, room=room, ahead=True)

    for path in ["/fr/signage/", f"/fr/signage/room/{room.pk}/"]:
        soup = html(client.get(path))
        assert bilingual(soup.select_one(".signage-done"))[0][0] == "fr"
        assert soup.select(".signage-session") == []


def test_a_room_of_another_venue_has_no_screen(client, today_fair):
    assert client.get(f"/fr/signage/room/{RoomFactory().pk}/").status_code == 404
    assert Room.objects.count() == 1
