import datetime
import json
import re
import uuid
import zoneinfo
from pathlib import Path

import jsonschema
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.http import http_date, parse_http_date
from icalendar import Calendar
from lxml import etree
from rfc3339_validator import validate_rfc3339

from fairsite import kept
from programme.choices import SessionStatus
from programme.demo import demo_programme_ensure
from programme.frab import NAMESPACE, conference_acronym
from programme.models import ProgrammePage, Room
from programme.services.pages import programme_pages_ensure
from programme.services.sessions import session_cancel, session_save
from tests.factories import (
    EditionFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
)

pytestmark = pytest.mark.django_db

FAIR = zoneinfo.ZoneInfo("Africa/Casablanca")
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas" / "frab"


@pytest.fixture(scope="module")
def xsd():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))


@pytest.fixture(scope="module")
def json_validator():
    # Upstream's schema.json holds two `// TODO` lines: it is JSON once they are dropped.
    lines = (SCHEMAS / "schema.json").read_text(encoding="utf-8").splitlines()
    schema = json.loads("\n".join(line for line in lines if not line.lstrip().startswith("//")))
    validator_class = jsonschema.validators.validator_for(schema)
    assert validator_class is jsonschema.Draft6Validator  # the draft the schema declares
    validator_class.check_schema(schema)
    # Every format the schema names is checked, but `date-time` for an event's "start": frab,
    # pretalx and the schema's own example write "HH:MM" there (checked in `valid_json`).
    formats = [name for name in jsonschema.FormatChecker.checkers if name != "date-time"]
    return validator_class(schema, format_checker=jsonschema.FormatChecker(formats=formats))


@pytest.fixture
def programme(homes):
    return programme_pages_ensure(homes=homes)


@pytest.fixture
def fair(db):
    # A fixed year, far from Ramadan: the fair's clock is UTC+1 all through it.
    return EditionFactory(is_current=True, year=2031)


def at(edition, hour, minute=0, day=0):
    date = edition.starts_on + datetime.timedelta(days=day)
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=FAIR)


def fetch(client, language: str, format: str, **headers):
    response = client.get(f"/{language}/programme/schedule.{format}", **headers)
    assert response.status_code == 200, response.status_code
    return response


def valid_xml(xsd, response) -> etree._Element:
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    document = etree.fromstring(response.content)
    xsd.assertValid(document)
    return document


def valid_json(validator, response) -> dict:
    assert response["Content-Type"] == "application/json"
    document = json.loads(response.content.decode("utf-8"))
    errors = [error.message for error in validator.iter_errors(document)]
    assert errors == []
    for day in document["schedule"]["conference"]["days"]:
        assert validate_rfc3339(day["day_start"]) and validate_rfc3339(day["day_end"])
        for events in day["rooms"].values():
            for event in events:
                assert validate_rfc3339(event["date"])
                assert re.fullmatch(r"[0-2][0-9]:[0-5][0-9]", event["start"])
    return document


def json_events(document: dict) -> list[dict]:
    return [
        event
        for day in document["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
    ]


def by_guid(events) -> dict:
    return {event["guid"]: event for event in events}


# The sample programme.


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_sample_programme_schedule_is_valid_in_each_language(
    client, programme, fair, xsd, json_validator, language
):
    sessions = demo_programme_ensure(edition=fair)

    xml = valid_xml(xsd, fetch(client, language, "xml"))
    document = valid_json(json_validator, fetch(client, language, "json"))

    assert len(xml.findall("day/room/event")) == len(sessions)
    assert len(json_events(document)) == len(sessions)
    assert [day.get("date") for day in xml.findall("day")] == [d.isoformat() for d in fair.days]
    conference = document["schedule"]["conference"]
    assert conference["acronym"] == xml.findtext("conference/acronym") == "ess2031"
    assert conference["time_zone_name"] == "Africa/Casablanca"
    assert conference["daysCount"] == int(xml.findtext("conference/days")) == len(fair.days)
    assert len(conference["rooms"]) == 4
    with translation.override(language):
        tracks = {str(track.name) for track in fair.tracks.all()}
    assert {track["name"] for track in conference["tracks"]} == tracks


def test_xml_and_json_say_the_same(client, programme, fair, xsd, json_validator):
    demo_programme_ensure(edition=fair)

    xml = valid_xml(xsd, fetch(client, "fr", "xml"))
    document = valid_json(json_validator, fetch(client, "fr", "json"))

    events = by_guid(json_events(document))
    assert xml.findtext("version") == document["schedule"]["version"]
    for element in xml.iter("event"):
        event = events[element.get("guid")]
        assert int(element.get("id")) == event["id"]
        for name in ["title", "room", "date", "start", "duration", "slug", "url", "type"]:
            assert element.findtext(name) == event[name], name
        assert [(int(p.get("id")), p.text) for p in element.iter("person")] == [
            (person["id"], person["public_name"]) for person in event["persons"]
        ]


# Arabic titles, a cancelled session, rooms used on several days.


@pytest.fixture
def busy_rooms(fair):
    main = RoomFactory(venue=fair.venue, name_ar="القاعة الكبرى", name_fr="Grande salle", order=0)
    small = RoomFactory(venue=fair.venue, name_ar="قاعة أنكاد", name_fr="Salle Angad", order=1)
    track = TrackFactory(edition=fair, name_ar="التصدير والمعايير", name_fr="Export et normes")
    speaker = SpeakerFactory(name_ar="سعاد بنعلي", name_latin="Souad Benali")
    opening = SessionFactory(
        edition=fair,
        room=main,
        track=track,
        title_ar="حفل الافتتاح الرسمي",
        title_fr="Cérémonie d'ouverture",
        description_ar="كلمة رئيس المجلس الجهوي.",
        description_fr="Allocution du président du conseil régional.",
        starts_at=at(fair, 10),
        ends_at=at(fair, 11, 30),
        speakers=[speaker],
    )
    workshop = SessionFactory(
        edition=fair,
        room=small,
        title_ar="ورشة: وسم المنتجات",
        title_fr="Atelier : l'étiquetage",
        type="workshop",
        language="ar",
        starts_at=at(fair, 10),
        ends_at=at(fair, 12),
    )
    second_day = SessionFactory(
        edition=fair,
        room=main,
        title_ar="الولوج إلى أسواق التصدير",
        title_fr="Accéder aux marchés d'exportation",
        language="fr",
        starts_at=at(fair, 9, 30, day=1),
        ends_at=at(fair, 11, day=1),
        speakers=[speaker],
    )
    third_day = SessionFactory(
        edition=fair,
        room=small,
        title_ar="خلاصات المعرض",
        title_fr="Conclusions du salon",
        starts_at=at(fair, 17, day=2),
        ends_at=at(fair, 17, 30, day=2),
    )
    cancelled = SessionFactory(
        edition=fair,
        room=main,
        title_ar="جلسة ملغاة",
        title_fr="Séance annulée",
        starts_at=at(fair, 15, day=2),
        ends_at=at(fair, 16, day=2),
    )
    session_cancel(session=cancelled)
    draft = SessionFactory(edition=fair, room=main, status=SessionStatus.DRAFT)
    return {
        "rooms": (main, small),
        "published": [opening, workshop, second_day, third_day],
        "cancelled": cancelled,
        "draft": draft,
    }


def test_arabic_programme_with_cancelled_session_and_rooms_on_several_days_is_valid(
    client, programme, fair, busy_rooms, xsd, json_validator
):
    main, small = busy_rooms["rooms"]

    xml = valid_xml(xsd, fetch(client, "ar", "xml"))
    document = valid_json(json_validator, fetch(client, "ar", "json"))

    guids = {str(session.uid) for session in busy_rooms["published"]}
    assert {event.get("guid") for event in xml.iter("event")} == guids
    assert set(by_guid(json_events(document))) == guids
    rooms_by_day = [
        (day.get("index"), [room.get("name") for room in day.findall("room")])
        for day in xml.findall("day")
    ]
    assert rooms_by_day == [
        ("1", ["القاعة الكبرى", "قاعة أنكاد"]),
        ("2", ["القاعة الكبرى"]),
        ("3", ["قاعة أنكاد"]),
        ("4", []),
    ]
    assert [list(day["rooms"]) for day in document["schedule"]["conference"]["days"]] == [
        names for _index, names in rooms_by_day
    ]
    rooms = {room["name"]: room for room in document["schedule"]["conference"]["rooms"]}
    assert rooms["القاعة الكبرى"]["guid"] == str(uuid.uuid5(NAMESPACE, f"room/{main.pk}"))
    assert rooms["قاعة أنكاد"]["guid"] == str(uuid.uuid5(NAMESPACE, f"room/{small.pk}"))


def test_cancelled_sessions_and_drafts_are_left_out(client, programme, fair, busy_rooms):
    for format in ["xml", "json"]:
        body = fetch(client, "fr", format).content.decode()
        assert str(busy_rooms["cancelled"].uid) not in body
        assert "Séance annulée" not in body
        assert str(busy_rooms["draft"].uid) not in body


def test_texts_are_in_the_page_language_with_the_sites_fallback(
    client, programme, fair, busy_rooms
):
    opening = busy_rooms["published"][0]
    documents = {
        language: by_guid(json_events(json.loads(fetch(client, language, "json").content)))
        for language in ["ar", "fr", "en"]
    }
    ar, fr, en = (documents[language][str(opening.uid)] for language in ["ar", "fr", "en"])

    assert (ar["title"], ar["abstract"], ar["room"], ar["track"]) == (
        "حفل الافتتاح الرسمي",
        "كلمة رئيس المجلس الجهوي.",
        "القاعة الكبرى",
        "التصدير والمعايير",
    )
    assert (fr["title"], fr["room"], fr["track"]) == (
        "Cérémonie d'ouverture",
        "Grande salle",
        "Export et normes",
    )
    # No English text: English readers get the French, as on the site's pages.
    assert (en["title"], en["abstract"]) == (fr["title"], fr["abstract"])
    assert ar["persons"][0]["public_name"] == "سعاد بنعلي"
    assert fr["persons"][0]["public_name"] == "Souad Benali"
    # The slug, an address part, stays in Latin letters whatever the language.
    assert ar["slug"] == fr["slug"] == f"ess2031-{opening.pk}-ceremonie-douverture"
    assert ar["url"] == f"http://testserver/ar/programme/{opening.uid}/"
    assert fr["url"] == f"http://testserver/fr/programme/{opening.uid}/"


def test_language_and_type_of_each_session(client, programme, fair, busy_rooms):
    _opening, workshop, second_day, _third = busy_rooms["published"]
    xml = etree.fromstring(fetch(client, "fr", "xml").content)
    events = {event.get("guid"): event for event in xml.iter("event")}

    assert events[str(workshop.uid)].findtext("language") == "ar"
    assert events[str(workshop.uid)].findtext("type") == "workshop"
    assert events[str(second_day.uid)].findtext("language") == "fr"
    assert events[str(second_day.uid)].findtext("type") == "talk"


# Stable identities, shared with the calendar feeds.


def test_guids_are_the_uuids_of_the_ical_uids(client, programme, fair, busy_rooms):
    calendar = Calendar.from_ical(client.get("/ical/programme.ics?lang=ar").content)
    confirmed = {
        str(event["UID"]).split("@")[0]
        for event in calendar.events
        if str(event["STATUS"]) == "CONFIRMED"
    }

    xml = etree.fromstring(fetch(client, "ar", "xml").content)
    document = json.loads(fetch(client, "ar", "json").content)

    assert confirmed == {event.get("guid") for event in xml.iter("event")}
    assert confirmed == set(by_guid(json_events(document)))


def test_ids_and_guids_are_stable_across_renderings(client, programme, fair, busy_rooms):
    def identities():
        document = json.loads(fetch(client, "fr", "json").content)
        conference = document["schedule"]["conference"]
        events = json_events(document)
        return (
            sorted((event["id"], event["guid"], event["slug"]) for event in events),
            sorted(room["guid"] for room in conference["rooms"]),
            sorted(
                (person["id"], person["guid"]) for event in events for person in event["persons"]
            ),
            document["schedule"]["version"],
        )

    first = identities()
    cache.clear()
    second = identities()

    assert first == second
    assert sorted(event[0] for event in first[0]) == sorted(
        session.pk for session in busy_rooms["published"]
    )


def test_version_changes_when_the_programme_changes(client, programme, fair, busy_rooms):
    before = fetch(client, "fr", "xml")
    opening = busy_rooms["published"][0]
    opening.starts_at += datetime.timedelta(hours=1)
    opening.ends_at += datetime.timedelta(hours=1)
    session_save(session=opening)

    after = fetch(client, "fr", "xml")

    version = etree.fromstring(before.content).findtext("version")
    assert etree.fromstring(after.content).findtext("version") != version
    assert after["ETag"] != before["ETag"]
    moved = {e.get("guid"): e for e in etree.fromstring(after.content).iter("event")}
    assert moved[str(opening.uid)].findtext("start") == "11:00"


# Time zone: the fair's clock on each day.


def test_times_carry_the_offset_of_the_fairs_clock_on_that_day(client, programme, xsd):
    # Morocco's clocks go back to UTC+0 during Ramadan; find a fair day inside that month.
    moment = datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC)
    while moment.astimezone(FAIR).utcoffset() != datetime.timedelta(0):
        moment += datetime.timedelta(hours=6)
    ramadan_day = moment.astimezone(FAIR).date() + datetime.timedelta(days=2)
    edition = EditionFactory(is_current=True, year=2031, starts_on=ramadan_day, ends_on=ramadan_day)
    SessionFactory(edition=edition, room=RoomFactory(venue=edition.venue))

    xml = valid_xml(xsd, fetch(client, "fr", "xml"))

    event = next(xml.iter("event"))
    assert event.findtext("date") == f"{ramadan_day.isoformat()}T10:00:00+00:00"
    assert event.findtext("start") == "10:00"
    assert xml.find("day").get("start") == f"{ramadan_day.isoformat()}T00:00:00+00:00"


# Queries, caching and errors.


def test_query_count_is_flat_in_the_number_of_sessions(
    client, programme, fair, django_assert_max_num_queries
):
    rooms = [RoomFactory(venue=fair.venue) for _ in range(3)]
    speakers = [SpeakerFactory() for _ in range(3)]

    def add(count):
        for n in range(count):
            SessionFactory(
                edition=fair,
                room=rooms[n % 3],
                track=TrackFactory(edition=fair),
                starts_at=at(fair, 9 + n % 8, day=n % 3),
                ends_at=at(fair, 10 + n % 8, day=n % 3),
                speakers=speakers[: n % 3 + 1],
            )

    add(5)
    with CaptureQueriesContext(connection) as few:
        fetch(client, "fr", "xml")
    add(45)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = fetch(client, "fr", "xml")
    assert len(etree.fromstring(response.content).findall("day/room/event")) == 50


def test_headers_and_a_conditional_get(client, programme, fair, busy_rooms):
    for format in ["xml", "json"]:
        response = fetch(client, "ar", format)
        assert response["Content-Language"] == "ar"
        assert response["Cache-Control"] == "public, max-age=300"
        assert response["ETag"].startswith('"')
        assert response["Last-Modified"]
        assert response["Access-Control-Allow-Origin"] == "*"

        again = client.get(f"/ar/programme/schedule.{format}", HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304
        assert again.content == b""


def test_a_renamed_room_is_in_the_next_file_with_a_later_date(client, programme, fair, busy_rooms):
    cache.set(kept.VERSION_KEY, "last-change.1700000000", None)  # the content, long unchanged
    before = fetch(client, "fr", "xml")
    assert before["Last-Modified"] == http_date(1700000000)
    room = Room.objects.get(name_fr="Grande salle")

    room.name_fr = "Salle Ibn Khaldoun"
    room.save()

    after = client.get(
        "/fr/programme/schedule.xml",
        HTTP_IF_NONE_MATCH=before["ETag"],
        HTTP_IF_MODIFIED_SINCE=before["Last-Modified"],
    )
    assert after.status_code == 200
    assert "Salle Ibn Khaldoun" in after.content.decode()
    assert parse_http_date(after["Last-Modified"]) > 1700000000


def test_no_current_edition_is_not_found(client, programme):
    EditionFactory(is_current=False)
    for format in ["xml", "json"]:
        assert client.get(f"/fr/programme/schedule.{format}").status_code == 404


def test_unpublished_programme_page_is_not_found(client, programme, fair, busy_rooms):
    ProgrammePage.objects.filter(locale__language_code="fr").update(live=False)
    for format in ["xml", "json"]:
        assert client.get(f"/fr/programme/schedule.{format}").status_code == 404
        assert client.get(f"/ar/programme/schedule.{format}").status_code == 200


def test_a_programme_not_yet_published_is_an_empty_valid_schedule(
    client, programme, fair, xsd, json_validator
):
    draft = SessionFactory(edition=fair, status=SessionStatus.DRAFT)

    xml = valid_xml(xsd, fetch(client, "fr", "xml"))
    document = valid_json(json_validator, fetch(client, "fr", "json"))

    assert xml.findall("day/room") == [] and len(xml.findall("day")) == len(fair.days)
    assert json_events(document) == []
    assert str(draft.uid) not in json.dumps(document)


def test_only_get_and_head(client, programme, fair):
    assert client.post("/fr/programme/schedule.xml").status_code == 405
    assert client.head("/fr/programme/schedule.json").status_code == 200


# Arabic and right-to-left text, kept exactly.


def test_rtl_text_round_trips(client, programme, fair, xsd, json_validator):
    title = "ورشة «التسويق الرقمي» 2031: ‏Instagram‏ و\u200fواتساب – ١٢٣"
    description = 'سطر أول\n\nسطر ثانٍ مع رمز \u202bمضمّن\u202c & <وسم> "اقتباس"'
    session = SessionFactory(
        edition=fair,
        room=RoomFactory(venue=fair.venue, name_ar="قاعة «زكزل»", name_fr="Salle Zegzel"),
        title_ar=title,
        description_ar=description + "\x0b",  # a control character XML cannot hold
    )

    xml = valid_xml(xsd, fetch(client, "ar", "xml"))
    document = valid_json(json_validator, fetch(client, "ar", "json"))

    event = xml.find("day/room/event")
    assert event.get("guid") == str(session.uid)
    assert event.findtext("title") == title
    assert event.findtext("abstract") == description
    assert event.findtext("room") == "قاعة «زكزل»"
    json_event = json_events(document)[0]
    assert (json_event["title"], json_event["abstract"]) == (title, description)
    # Written as letters, not escapes: the files stay readable and small.
    assert title.encode() in fetch(client, "ar", "json").content


def test_acronym_follows_the_schemas_patterns(fair):
    acronym = conference_acronym(fair)
    assert re.fullmatch(r"[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?", acronym)
    assert re.fullmatch(r"[a-z0-9]{4,}", acronym)


# Where readers find the addresses.


def test_programme_page_names_the_open_formats(client, programme, fair):
    SessionFactory(edition=fair)
    for language in ["ar", "fr"]:
        page = client.get(f"/{language}/programme/").content.decode()
        assert f'href="/{language}/programme/schedule.xml"' in page
        assert f'href="/{language}/programme/schedule.json"' in page
        assert "/ical/programme.ics?lang=" + language in page
