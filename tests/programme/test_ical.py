import datetime
import zoneinfo
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from programme.ical import calendar_bytes
from programme.models import ProgrammePage, Session
from programme.services.agenda import agenda_secret_reset, agenda_star
from programme.services.sessions import session_cancel, session_save
from tests.factories import (
    EditionFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CASABLANCA = zoneinfo.ZoneInfo("Africa/Casablanca")
UTC = datetime.UTC


def feed(client, url: str) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_uid(calendar: Calendar) -> dict:
    return {str(event["UID"]): event for event in calendar.events}


def uid(session: Session) -> str:
    return f"{session.uid}@testserver"


def programme_url(lang: str | None = None) -> str:
    url = reverse("ical:programme")
    return f"{url}?{urlencode({'lang': lang})}" if lang else url


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=CASABLANCA)


def casablanca_clock_change(year: int) -> datetime.datetime:
    """The first moment (UTC) in `year` when Morocco's clocks change, for Ramadan."""
    moment = datetime.datetime(year, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(CASABLANCA).utcoffset()
    while moment.year == year:
        moment += datetime.timedelta(hours=1)
        if moment.astimezone(CASABLANCA).utcoffset() != offset:
            return moment
    pytest.fail(f"Africa/Casablanca does not change its clocks in {year}")


def test_programme_feed_is_a_calendar_for_subscription(client, edition):
    SessionFactory(edition=edition)

    response = client.get(reverse("ical:programme"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="programme-{edition.year}.ics"'
    assert response["Cache-Control"] == "public, max-age=300"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["PRODID"]) == "-//Regional Council of the Oriental//fairsite//EN"
    assert edition.name_ar in str(calendar["X-WR-CALNAME"])
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"])
    assert calendar.refresh_interval == datetime.timedelta(hours=1)
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT1H"


def test_programme_feed_times_in_utc_with_the_editions_zone(client, edition):
    room = RoomFactory(venue=edition.venue, name_ar="القاعة الكبرى", name_fr="Grande salle")
    track = TrackFactory(edition=edition, name_ar="التصدير", name_fr="Export")
    session = SessionFactory(
        edition=edition,
        room=room,
        track=track,
        starts_at=at(edition.starts_on, 10),
        ends_at=at(edition.starts_on, 11) + datetime.timedelta(minutes=30),
    )

    calendar = feed(client, programme_url(lang="fr"))

    event = events_by_uid(calendar)[uid(session)]
    assert event["DTSTART"].params["TZID"] == "Africa/Casablanca"
    assert event["DTEND"].params["TZID"] == "Africa/Casablanca"
    assert event["DTSTART"].dt.astimezone(UTC) == session.starts_at.astimezone(UTC)
    assert event["DTEND"].dt.astimezone(UTC) == session.ends_at.astimezone(UTC)
    assert [timezone.tz_name for timezone in calendar.timezones] == ["Africa/Casablanca"]
    assert event["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    # iCalendar times are to the second.
    assert event["LAST-MODIFIED"].dt == session.updated_at.replace(microsecond=0)
    assert event["CREATED"].dt == session.created_at.replace(microsecond=0)
    assert str(event["LOCATION"]) == "Grande salle, Parc des expositions"
    assert event.categories == ["Export"]
    assert int(event["SEQUENCE"]) == 0
    assert str(event["STATUS"]) == "CONFIRMED"


def test_programme_feed_across_a_ramadan_clock_change(client):
    change = casablanca_clock_change(2027)
    before = (change - datetime.timedelta(hours=1)).astimezone(CASABLANCA).utcoffset()
    after = change.astimezone(CASABLANCA).utcoffset()
    assert before != after
    day_before = change.astimezone(CASABLANCA).date() - datetime.timedelta(days=1)
    day_after = day_before + datetime.timedelta(days=2)
    edition = EditionFactory(year=2027, starts_on=day_before, ends_on=day_after, is_current=True)
    early = SessionFactory(edition=edition, starts_at=at(day_before, 10))
    late = SessionFactory(edition=edition, starts_at=at(day_after, 10))

    calendar = feed(client, reverse("ical:programme"))

    events = events_by_uid(calendar)
    expected = {
        uid(early): datetime.datetime.combine(day_before, datetime.time(10), UTC) - before,
        uid(late): datetime.datetime.combine(day_after, datetime.time(10), UTC) - after,
    }
    (vtimezone,) = calendar.timezones
    assert {sub["TZOFFSETTO"].td for sub in vtimezone.walk() if sub.name != "VTIMEZONE"} == {
        before,
        after,
    }
    # What a calendar app that knows the zone only from the feed's VTIMEZONE shows.
    from_feed = vtimezone.to_tz(lookup_tzid=False)
    for key, starts in expected.items():
        written = events[key]["DTSTART"].dt
        assert written.astimezone(UTC) == starts
        assert written.replace(tzinfo=from_feed).astimezone(UTC) == starts
        assert written.replace(tzinfo=None).time() == datetime.time(10)


def test_change_to_a_published_session_bumps_sequence_and_keeps_uid(client, edition):
    session = SessionFactory(edition=edition)
    first = events_by_uid(feed(client, reverse("ical:programme")))[uid(session)]

    session.starts_at += datetime.timedelta(hours=2)
    session.ends_at += datetime.timedelta(hours=2)
    session_save(session=session)

    second = events_by_uid(feed(client, reverse("ical:programme")))[uid(session)]
    assert int(second["SEQUENCE"]) == int(first["SEQUENCE"]) + 1
    assert second["DTSTART"].dt.astimezone(UTC) == session.starts_at.astimezone(UTC)


def test_cancelled_session_stays_in_the_feeds_as_cancelled(client, edition, user):
    track = TrackFactory(edition=edition)
    session = SessionFactory(edition=edition, track=track)
    agenda = agenda_star(user=user, session=session)

    session_cancel(session=session)

    for url in [
        reverse("ical:programme"),
        reverse("ical:track", args=[track.slug]),
        reverse("ical:session", args=[session.uid]),
        reverse("ical:agenda", args=[agenda.secret]),
    ]:
        event = events_by_uid(feed(client, url))[uid(session)]
        assert str(event["STATUS"]) == "CANCELLED", url
        assert int(event["SEQUENCE"]) == 1, url
        assert str(event["SUMMARY"]).endswith(session.title_ar), url


def test_drafts_never_appear(client, edition, user):
    track = TrackFactory(edition=edition)
    published = SessionFactory(edition=edition, track=track)
    draft = SessionFactory(edition=edition, track=track, status="draft")
    agenda = agenda_star(user=user, session=draft)
    agenda_star(user=user, session=published)

    for url in [
        reverse("ical:programme"),
        reverse("ical:track", args=[track.slug]),
        reverse("ical:agenda", args=[agenda.secret]),
    ]:
        assert set(events_by_uid(feed(client, url))) == {uid(published)}, url
    assert client.get(reverse("ical:session", args=[draft.uid])).status_code == 404
    # Nor from the renderer, whatever it is given.
    assert calendar_bytes([draft], name="x", language="ar").count(b"BEGIN:VEVENT") == 0


@pytest.mark.parametrize(
    "language, title, description",
    [
        (
            "ar",
            "التعاونيات، التصدير; والتثمين, اليوم",
            "السطر الأول، مع فاصلة;\nالسطر الثاني: المنتوجات المجالية, التلفيف",
        ),
        (
            "fr",
            "Coopératives, export ; valorisation",
            "Première ligne, avec virgule ;\nseconde ligne : produits du terroir; emballage",
        ),
    ],
)
def test_texts_with_commas_semicolons_and_newlines_round_trip(
    client, edition, language, title, description
):
    session = SessionFactory(
        edition=edition, **{f"title_{language}": title, f"description_{language}": description}
    )

    response = client.get(programme_url(lang=language))

    assert b"\\," in response.content
    assert b"\\;" in response.content
    assert b"\\n" in response.content
    event = events_by_uid(Calendar.from_ical(response.content))[uid(session)]
    assert str(event["SUMMARY"]) == title
    assert str(event["DESCRIPTION"]) == description


def test_texts_in_the_feeds_language(client, edition):
    fatima = SpeakerFactory(name_ar="فاطمة الزهراء العلوي", name_latin="Fatima Zahra Alaoui")
    omar = SpeakerFactory(name_ar="عمر بنعلي", name_latin="")
    session = SessionFactory(
        edition=edition,
        title_ar="المقاولة الجماعية",
        title_fr="L'entrepreneuriat collectif",
        title_en="Collective entrepreneurship",
        description_fr="Trois coopératives racontent.",
        speakers=[omar, fatima],
    )

    texts = {}
    for lang in ["ar", "fr", "en", "xx", None]:
        event = events_by_uid(feed(client, programme_url(lang)))
        texts[lang] = event[uid(session)]
    assert str(texts["ar"]["SUMMARY"]) == "المقاولة الجماعية"
    assert str(texts["fr"]["SUMMARY"]) == "L'entrepreneuriat collectif"
    assert str(texts["en"]["SUMMARY"]) == "Collective entrepreneurship"
    assert str(texts["xx"]["SUMMARY"]) == str(texts[None]["SUMMARY"]) == "المقاولة الجماعية"
    assert str(texts["fr"]["DESCRIPTION"]).startswith("Trois coopératives racontent.\n\n")
    # Each name in the script of the feed's language when the speaker has one.
    assert str(texts["en"]["DESCRIPTION"]).endswith("With عمر بنعلي and Fatima Zahra Alaoui")
    assert "فاطمة الزهراء العلوي" in str(texts["ar"]["DESCRIPTION"])
    assert "Fatima Zahra Alaoui" in str(texts["fr"]["DESCRIPTION"])


def test_track_feed_holds_only_its_track(client, edition):
    export, women = TrackFactory(edition=edition), TrackFactory(edition=edition)
    in_export = SessionFactory(edition=edition, track=export)
    SessionFactory(edition=edition, track=women)
    SessionFactory(edition=edition, track=None)

    calendar = feed(client, reverse("ical:track", args=[export.slug]))

    assert set(events_by_uid(calendar)) == {uid(in_export)}
    assert export.name_ar in str(calendar["X-WR-CALNAME"])


def test_track_feed_of_an_unknown_track_or_another_edition_is_not_found(client, edition):
    past_track = TrackFactory(edition=EditionFactory())

    assert client.get(reverse("ical:track", args=["no-such-track"])).status_code == 404
    assert client.get(reverse("ical:track", args=[past_track.slug])).status_code == 404


def test_session_feed_holds_the_one_session(client, edition):
    session = SessionFactory(edition=edition)
    SessionFactory(edition=edition)

    response = client.get(reverse("ical:session", args=[session.uid]))

    assert response["Content-Disposition"] == f'attachment; filename="session-{session.uid}.ics"'
    assert set(events_by_uid(Calendar.from_ical(response.content))) == {uid(session)}
    assert response["Content-Language"] == "ar"
    french = client.get(reverse("ical:session", args=[session.uid]) + "?lang=fr")
    assert french["Content-Language"] == "fr"
    assert str(Calendar.from_ical(french.content)["X-WR-CALNAME"]) == session.title_fr


def test_agenda_feed_by_secret_without_log_in(client, edition, user):
    starred, cancelled = SessionFactory(edition=edition), SessionFactory(edition=edition)
    SessionFactory(edition=edition)
    agenda_star(user=user, session=starred)
    agenda = agenda_star(user=user, session=cancelled)
    session_cancel(session=cancelled)

    response = client.get(reverse("ical:agenda", args=[agenda.secret]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, max-age=300"
    events = events_by_uid(Calendar.from_ical(response.content))
    assert set(events) == {uid(starred), uid(cancelled)}
    assert str(events[uid(cancelled)]["STATUS"]) == "CANCELLED"


def test_agenda_feed_speaks_its_owners_language(client, edition):
    user = UserFactory(language="fr")
    session = SessionFactory(edition=edition, title_fr="Atelier", title_ar="ورشة")
    agenda = agenda_star(user=user, session=session)
    url = reverse("ical:agenda", args=[agenda.secret])

    assert str(feed(client, url).events[0]["SUMMARY"]) == "Atelier"
    assert str(feed(client, url + "?lang=ar").events[0]["SUMMARY"]) == "ورشة"


def test_agenda_feed_with_an_old_or_unknown_secret_is_not_found(client, edition, user):
    agenda = agenda_star(user=user, session=SessionFactory(edition=edition))
    old = agenda.secret

    agenda_secret_reset(agenda=agenda)

    assert client.get(reverse("ical:agenda", args=[old])).status_code == 404
    assert client.get(reverse("ical:agenda", args=["not-a-secret"])).status_code == 404
    assert client.get(reverse("ical:agenda", args=[agenda.secret])).status_code == 200


def test_programme_feed_without_a_current_edition_is_empty(client, db):
    calendar = feed(client, reverse("ical:programme"))

    assert calendar.events == []
    assert calendar.timezones == []


def test_events_link_to_the_session_page_in_the_feeds_language(client, edition, homes):
    home = homes["fr"]
    page = home.add_child(
        instance=ProgrammePage(title="Programme", slug="programme", locale=home.locale)
    )
    session = SessionFactory(edition=edition)

    french = events_by_uid(feed(client, programme_url(lang="fr")))[uid(session)]
    english = events_by_uid(feed(client, programme_url(lang="en")))[uid(session)]

    assert str(french["URL"]) == page.session_url(session, full=True)
    assert str(french["URL"]).startswith("http://testserver/fr/programme/")  # the site's address
    # No English programme page: no link rather than a broken one.
    assert "URL" not in english


def test_renderer_reads_sessions_loaded_the_ordinary_way(edition):
    session = SessionFactory(edition=edition, speakers=[SpeakerFactory(name_latin="Nadia Kabbaj")])
    session = Session.objects.select_related("edition__venue", "room__venue", "track").get(
        pk=session.pk
    )

    calendar = Calendar.from_ical(
        calendar_bytes(
            [session], name="Programme", language="fr", url_for=lambda s: f"https://x/{s.uid}/"
        )
    )

    assert str(calendar.events[0]["URL"]) == f"https://x/{session.uid}/"
    assert "Nadia Kabbaj" in str(calendar.events[0]["DESCRIPTION"])


def add_sessions(edition, count: int) -> None:
    tracks = [TrackFactory(edition=edition) for _n in range(3)]
    rooms = [RoomFactory(venue=edition.venue) for _n in range(3)]
    for n in range(count):
        SessionFactory(
            edition=edition,
            track=tracks[n % 3],
            room=rooms[n % 3],
            starts_at=at(edition.starts_on, 9) + datetime.timedelta(minutes=10 * n),
            speakers=[SpeakerFactory(), SpeakerFactory()],
        )


def count_queries(client, url: str) -> int:
    cache.clear()  # the feed as written, not the copy the web processes share
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_sessions(client, edition, user):
    track = TrackFactory(edition=edition, slug="all")
    agenda = agenda_star(user=user, session=SessionFactory(edition=edition, track=track))
    urls = [
        reverse("ical:programme"),
        reverse("ical:track", args=[track.slug]),
        reverse("ical:agenda", args=[agenda.secret]),
    ]
    add_sessions(edition, 5)
    Session.objects.update(track=track)
    agenda.sessions.set(Session.objects.all())
    few = [count_queries(client, url) for url in urls]

    add_sessions(edition, 45)
    Session.objects.update(track=track)
    agenda.sessions.set(Session.objects.all())
    many = [count_queries(client, url) for url in urls]

    assert few == many
    assert len(feed(client, urls[0]).events) == 51


def test_calendar_apps_are_told_how_often_to_refresh():
    from fairsite.calendars import published_calendar

    text = published_calendar("Programme").to_ical().decode()

    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in text


def test_the_shared_copy_of_a_feed_is_renewed_by_a_change(client, edition):
    talk = SessionFactory(edition=edition, title_fr="Avant")
    url = reverse("ical:programme") + "?lang=fr"
    assert str(feed(client, url).events[0]["SUMMARY"]) == "Avant"

    with CaptureQueriesContext(connection) as queries:
        assert str(feed(client, url).events[0]["SUMMARY"]) == "Avant"
    assert not any("events_session_speakers" in q["sql"] for q in queries.captured_queries)

    talk.title_fr = "Après"
    session_save(session=talk)
    assert str(feed(client, url).events[0]["SUMMARY"]) == "Après"


def test_agenda_feed_holds_the_sessions_signed_up_for_even_unstarred(client, edition, user):
    from programme.services.agenda import agenda_unstar
    from programme.services.signups import session_signup_for_user

    workshop = SessionFactory(edition=edition, signup_required=True, capacity=5)
    session_signup_for_user(user=user, session=workshop)
    agenda = agenda_unstar(user=user, session=workshop)

    events = events_by_uid(feed(client, reverse("ical:agenda", args=[agenda.secret])))

    assert set(events) == {uid(workshop)}


def test_a_calendar_app_asking_again_is_told_nothing_changed_until_something_does(client, edition):
    talk = SessionFactory(edition=edition, title_fr="Avant")
    url = reverse("ical:programme") + "?lang=fr"
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]

    by_tag = client.get(url, HTTP_IF_NONE_MATCH=etag)
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
    other_language = client.get(reverse("ical:programme") + "?lang=ar", HTTP_IF_NONE_MATCH=etag)
    talk.title_fr = "Après"
    session_save(session=talk)
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert (by_tag.status_code, by_tag.content) == (304, b"")
    assert by_date.status_code == 304
    assert other_language.status_code == 200
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert str(Calendar.from_ical(changed.content).events[0]["SUMMARY"]) == "Après"
