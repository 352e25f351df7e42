import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from programme.models import Room, Session, SessionChange, Speaker
from programme.services.sessions import session_save
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
PAGES = [
    "/admin/programme/schedule/",
    "/admin/programme/sessions/",
    "/admin/programme/sessions/new/",
    "/admin/programme/rooms/",
    "/admin/programme/rooms/new/",
    "/admin/programme/tracks/",
    "/admin/programme/speakers/",
    "/admin/programme/speakers/new/",
    "/admin/programme/changes/",
]


@pytest.fixture
def edition(db):
    return EditionFactory(is_current=True, year=2030, starts_on=datetime.date(2030, 5, 13))


@pytest.fixture
def organiser(client, homes):
    user = UserFactory(groups=["Organisers"])
    client.force_login(user)
    return user


@pytest.fixture
def rooms(edition):
    return [
        RoomFactory(venue=edition.venue, name_ar="قاعة الندوات", name_fr="Salle des conférences"),
        RoomFactory(venue=edition.venue, name_ar="قاعة الورشات", name_fr="Salle des ateliers"),
    ]


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=FAIR)


def form_data(edition, room, **changes) -> dict:
    data = {
        "edition": edition.pk,
        "type": "talk",
        "title_ar": "التسويق الرقمي للتعاونيات",
        "title_fr": "Le marketing numérique des coopératives",
        "title_en": "",
        "starts_at": f"{edition.starts_on} 10:00",
        "ends_at": f"{edition.starts_on} 11:30",
        "room": room.pk if room else "",
        "track": "",
        "language": "ar",
        "capacity": "",
        "description_ar": "",
        "description_fr": "",
        "description_en": "",
    }
    data.update(changes)
    return data


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def block(page: BeautifulSoup, session: Session):
    return page.select_one(f'a.schedule-block[data-session="{session.pk}"]')


def style(tag, name: str) -> str:
    for part in tag["style"].split(";"):
        key, _sep, value = part.partition(":")
        if key.strip() == name:
            return value.strip()
    raise KeyError(name)


@pytest.mark.parametrize("group", ["Organisers", "Programme editors"])
def test_organisers_and_programme_editors_open_every_programme_page(client, homes, edition, group):
    client.force_login(UserFactory(groups=[group]))
    session = SessionFactory(edition=edition)
    session.starts_at += datetime.timedelta(hours=1)
    session.ends_at += datetime.timedelta(hours=1)
    session_save(session=session)
    change = session.changes.get()

    for url in [
        *PAGES,
        f"/admin/programme/sessions/edit/{session.pk}/",
        f"/admin/programme/sessions/inspect/{session.pk}/",
        f"/admin/programme/sessions/history/{session.pk}/",
        f"/admin/programme/sessions/cancel/{session.pk}/",
        f"/admin/programme/changes/inspect/{change.pk}/",
    ]:
        assert client.get(url).status_code == 200, url
    menu = client.get("/admin/").content.decode()
    assert "/admin/programme/schedule/" in menu


@pytest.mark.parametrize("group", ["Gate staff", "Application reviewers"])
def test_people_without_programme_permissions_are_refused(client, homes, edition, group):
    client.force_login(UserFactory(groups=[group]))
    session = SessionFactory(edition=edition, status="draft")

    for url in [*PAGES, f"/admin/programme/sessions/publish/{session.pk}/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/" or "login" in response["Location"]
    client.post(f"/admin/programme/sessions/publish/{session.pk}/")
    session.refresh_from_db()
    assert session.status == "draft"


@pytest.mark.parametrize("whose", ["organiser", "server"])
def test_times_are_entered_on_the_fair_s_clocks_whatever_the_time_zone_around(
    client, organiser, edition, rooms, settings, whose
):
    if whose == "organiser":
        profile = UserProfile.get_for_user(organiser)
        profile.current_time_zone = "Asia/Tokyo"
        profile.save()
    else:
        settings.TIME_ZONE = "America/New_York"

    response = client.post("/admin/programme/sessions/new/", form_data(edition, rooms[0]))

    assert response.status_code == 302, response.content.decode()[:3000]
    session = Session.objects.get()
    assert session.status == "draft"
    # 10:00 in Oujda in May is 09:00 UTC (UTC+1 outside Ramadan).
    assert session.starts_at == datetime.datetime(2030, 5, 13, 9, 0, tzinfo=datetime.UTC)
    assert session.ends_at == datetime.datetime(2030, 5, 13, 10, 30, tzinfo=datetime.UTC)
    page = client.get(f"/admin/programme/sessions/edit/{session.pk}/").content.decode()
    assert 'value="2030-05-13 10:00"' in page


def test_during_ramadan_the_fair_s_clocks_are_one_hour_closer_to_utc(client, organiser, db):
    ramadan = EditionFactory(year=2031, starts_on=datetime.date(2030, 12, 28))
    room = RoomFactory(venue=ramadan.venue)

    client.post("/admin/programme/sessions/new/", form_data(ramadan, room))

    session = Session.objects.get()
    assert session.starts_at == datetime.datetime(2030, 12, 28, 10, 0, tzinfo=datetime.UTC)


def test_save_and_publish_from_the_form(client, organiser, edition, rooms):
    response = client.post(
        "/admin/programme/sessions/new/",
        {**form_data(edition, rooms[0]), "action-publish": "action-publish"},
    )

    assert response.status_code == 302
    session = Session.objects.get()
    assert session.status == "published" and session.published_at is not None


def test_publishing_a_session_that_double_books_a_room_is_refused_naming_both(
    client, organiser, edition, rooms
):
    day = edition.starts_on
    held = SessionFactory(
        edition=edition, room=rooms[0], title_ar="التعاونيات النسائية", status="published"
    )
    draft = SessionFactory(
        edition=edition,
        room=rooms[0],
        title_ar="التصدير نحو إفريقيا",
        status="draft",
        starts_at=at(day, 10, 30),
        ends_at=at(day, 11, 30),
    )

    confirm = client.get(f"/admin/programme/sessions/publish/{draft.pk}/").content.decode()
    response = client.post(f"/admin/programme/sessions/publish/{draft.pk}/")

    draft.refresh_from_db()
    assert draft.status == "draft"
    assert "التعاونيات النسائية" in confirm and "التصدير نحو إفريقيا" in confirm
    refusal = " ".join(texts(response))
    assert "التعاونيات النسائية" in refusal and "التصدير نحو إفريقيا" in refusal

    # The same from the form: an error of the form, and nothing saved.
    edited = client.post(
        f"/admin/programme/sessions/edit/{draft.pk}/",
        {
            **form_data(edition, rooms[0], title_ar="التصدير نحو إفريقيا"),
            "starts_at": f"{day} 10:30",
            "ends_at": f"{day} 11:30",
            "action-publish": "action-publish",
        },
    )
    assert edited.status_code == 200
    content = edited.content.decode()
    assert "التعاونيات النسائية" in content and "التصدير نحو إفريقيا" in content
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert held.changes.count() == 0


def test_a_double_booked_speaker_is_refused(client, organiser, edition, rooms):
    speaker = SpeakerFactory(name_ar="نادية القاسمي", name_latin="Nadia El Kasmi")
    SessionFactory(edition=edition, room=rooms[0], title_ar="الجلسة الافتتاحية", speakers=[speaker])

    response = client.post(
        "/admin/programme/sessions/new/",
        {
            **form_data(edition, rooms[1], title_ar="ورشة التلفيف"),
            "speakers": [speaker.pk],
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 200
    content = response.content.decode()
    for name in ("نادية القاسمي", "الجلسة الافتتاحية", "ورشة التلفيف"):
        assert name in content
    assert Session.objects.count() == 1


def test_a_draft_with_a_clash_is_saved_with_warnings(client, organiser, edition, rooms):
    SessionFactory(edition=edition, room=rooms[0], title_ar="الجلسة الافتتاحية")

    response = client.post(
        "/admin/programme/sessions/new/",
        form_data(edition, rooms[0], title_ar="ورشة التلفيف", capacity="500"),
        follow=True,
    )

    assert Session.objects.filter(status="draft").count() == 1
    shown = [
        li.get_text(" ", strip=True)
        for li in BeautifulSoup(response.content, "html.parser").select(".messages li")
    ]
    assert len(shown) == 3  # saved; more places than seats; the room clash
    assert "500" in shown[1] and "80" in shown[1]
    assert "الجلسة الافتتاحية" in shown[2] and "ورشة التلفيف" in shown[2]


def test_moving_a_published_session_bumps_its_revision_and_records_the_change(
    client, organiser, edition, rooms
):
    session = SessionFactory(edition=edition, room=rooms[0])
    was = session.starts_at

    response = client.post(
        f"/admin/programme/sessions/edit/{session.pk}/",
        form_data(
            edition,
            rooms[0],
            title_ar=session.title_ar,
            title_fr=session.title_fr,
            starts_at=f"{edition.starts_on} 15:00",
            ends_at=f"{edition.starts_on} 16:00",
        ),
    )

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.sequence == 1
    assert session.starts_at == at(edition.starts_on, 15)
    change = SessionChange.objects.get(session=session)
    assert change.kind == "moved" and change.sequence == 1 and change.previous_starts_at == was


def test_cancelling_asks_first_then_cancels(client, organiser, edition, rooms):
    session = SessionFactory(edition=edition, room=rooms[0])

    confirm = client.get(f"/admin/programme/sessions/cancel/{session.pk}/")
    session.refresh_from_db()
    assert confirm.status_code == 200 and session.status == "published"

    client.post(f"/admin/programme/sessions/cancel/{session.pk}/")
    session.refresh_from_db()
    assert session.status == "cancelled" and session.sequence == 1
    assert session.changes.get().kind == "cancelled"
    assert ModelLogEntry.objects.filter(
        action="programme.session.cancelled", user=organiser
    ).exists()
    assert client.get(f"/admin/programme/sessions/history/{session.pk}/").status_code == 200


def test_the_session_list_filters_by_day_on_the_fair_s_clocks(client, organiser, edition, rooms):
    second_day = edition.starts_on + datetime.timedelta(days=1)
    late = SessionFactory(
        edition=edition, room=rooms[0], title_ar="سهرة فنية", starts_at=at(second_day, 0, 30)
    )
    SessionFactory(edition=edition, room=rooms[1], title_ar="الجلسة الافتتاحية")

    listed = client.get(f"/admin/programme/sessions/?day={second_day}").content.decode()
    first_day = client.get(f"/admin/programme/sessions/?day={edition.starts_on}").content.decode()

    assert late.starts_at.astimezone(datetime.UTC).date() == edition.starts_on
    assert "سهرة فنية" in listed and "الجلسة الافتتاحية" not in listed
    assert "سهرة فنية" not in first_day and "الجلسة الافتتاحية" in first_day


def test_only_drafts_are_deleted(client, organiser, edition, rooms):
    published = SessionFactory(edition=edition, room=rooms[0])
    draft = SessionFactory(edition=edition, room=rooms[1], status="draft")

    client.post(f"/admin/programme/sessions/delete/{published.pk}/")
    client.post(f"/admin/programme/sessions/delete/{draft.pk}/")

    assert list(Session.objects.all()) == [published]


def test_bulk_publish_publishes_what_it_can_and_lists_the_rest(client, organiser, edition, rooms):
    day = edition.starts_on
    SessionFactory(edition=edition, room=rooms[0], title_ar="الجلسة الافتتاحية")
    fine = SessionFactory(edition=edition, room=rooms[1], status="draft")
    clashing = SessionFactory(
        edition=edition,
        room=rooms[0],
        status="draft",
        title_ar="ورشة التلفيف",
        starts_at=at(day, 10, 30),
        ends_at=at(day, 11, 30),
    )
    url = f"/admin/bulk/programme/session/publish_sessions/?id={fine.pk}&id={clashing.pk}"

    assert client.get(url).status_code == 200
    cancel_url = url.replace("publish_sessions", "cancel_sessions")
    assert client.get(cancel_url).status_code == 200
    response = client.post(url)

    fine.refresh_from_db()
    clashing.refresh_from_db()
    assert (fine.status, clashing.status) == ("published", "draft")
    assert "ورشة التلفيف" in " ".join(texts(response))


def test_rooms_keep_their_availability_windows_on_the_fair_s_clocks(client, organiser, edition):
    response = client.post(
        "/admin/programme/rooms/new/",
        {
            "venue": edition.venue.pk,
            "name_ar": "القاعة الكبرى",
            "name_fr": "Grande salle",
            "name_en": "",
            "capacity": "300",
            "order": "1",
            "availability-TOTAL_FORMS": "1",
            "availability-INITIAL_FORMS": "0",
            "availability-MIN_NUM_FORMS": "0",
            "availability-MAX_NUM_FORMS": "1000",
            "availability-0-id": "",
            "availability-0-starts_at": "2030-05-13 09:00",
            "availability-0-ends_at": "2030-05-13 18:00",
            "availability-0-DELETE": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    window = Room.objects.get(name_fr="Grande salle").availability.get()
    assert window.starts_at == at(datetime.date(2030, 5, 13), 9)


def test_speakers_languages_are_ticked(client, organiser):
    response = client.post(
        "/admin/programme/speakers/new/",
        {
            "name_ar": "عمر سي",
            "name_latin": "Oumar Sy",
            "organisation_ar": "جهة داكار",
            "organisation_fr": "Région de Dakar",
            "organisation_en": "",
            "country_ar": "السنغال",
            "country_fr": "Sénégal",
            "country_en": "",
            "languages": ["fr", "ary"],
            "bio_ar": "",
            "bio_fr": "",
            "bio_en": "",
        },
    )

    assert response.status_code == 302
    speaker = Speaker.objects.get()
    assert sorted(speaker.languages) == ["ary", "fr"]
    assert (speaker.organisation_ar, speaker.country_fr) == ("جهة داكار", "Sénégal")


def test_the_schedule_puts_blocks_in_their_rooms_and_shows_clashes(
    client, organiser, edition, rooms
):
    day = edition.starts_on
    track = TrackFactory(edition=edition, colour="#aa3300")
    opening = SessionFactory(edition=edition, room=rooms[0], title_ar="الجلسة الافتتاحية")
    clash = SessionFactory(
        edition=edition,
        room=rooms[0],
        title_ar="ورشة التلفيف",
        status="draft",
        starts_at=at(day, 10, 30),
        ends_at=at(day, 12),
    )
    workshop = SessionFactory(
        edition=edition,
        room=rooms[1],
        title_ar="ورشة التثمين",
        track=track,
        starts_at=at(day, 14),
        ends_at=at(day, 15, 30),
    )
    homeless = SessionFactory(edition=edition, room=None, status="draft", title_ar="لقاء الشراكة")
    other_day = SessionFactory(
        edition=edition,
        room=rooms[1],
        starts_at=at(day + datetime.timedelta(days=1), 9),
        ends_at=at(day + datetime.timedelta(days=1), 10),
    )

    response = client.get(f"/admin/programme/schedule/?edition={edition.pk}&day={day}")

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    note = page.select_one(".schedule-note").get_text(" ", strip=True)
    assert "(غرينتش+1)" in note and "Casablanca" not in note  # the clock people read, not its id
    columns = {tag["data-room"]: style(tag, "grid-column") for tag in page.select(".schedule-room")}
    assert list(columns) == [str(rooms[0].pk), str(rooms[1].pk), ""]  # rooms in order, then none
    first, second, no_room = columns.values()
    assert style(block(page, opening), "grid-column") == first
    assert style(block(page, clash), "grid-column") == first
    assert style(block(page, workshop), "grid-column") == second
    assert style(block(page, homeless), "grid-column") == no_room
    assert block(page, other_day) is None
    # 08:00 is row 2, each row is 15 minutes: 10:00–11:00 is rows 10 to 14.
    assert style(block(page, opening), "grid-row") == "10 / 14"
    assert style(block(page, workshop), "grid-row") == "26 / 32"
    assert "#aa3300" in block(page, workshop)["style"]
    for session in (opening, clash):
        assert "schedule-block--hard" in block(page, session)["class"]
        assert block(page, session)["href"] == f"/admin/programme/sessions/edit/{session.pk}/"
    assert "schedule-block--draft" in block(page, clash)["class"]
    assert "schedule-block--soft" in block(page, homeless)["class"]
    hard = page.select(".schedule-alert--hard li")
    assert len(hard) == 1
    assert "الجلسة الافتتاحية" in hard[0].get_text() and "ورشة التلفيف" in hard[0].get_text()
    assert "لقاء الشراكة" in page.select_one(".schedule-alert--soft").get_text()


def _schedule_queries(client, edition) -> int:
    client.get(f"/admin/programme/schedule/?edition={edition.pk}")  # what is kept, kept
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/programme/schedule/?edition={edition.pk}")
    assert response.status_code == 200
    return len(queries)


def _sessions(edition, rooms, tracks, speakers, count, offset):
    for n in range(offset, offset + count):
        starts = at(edition.starts_on + datetime.timedelta(days=n % 2), 8 + n % 10)
        SessionFactory(
            edition=edition,
            room=rooms[n % len(rooms)] if n % 7 else None,
            track=tracks[n % len(tracks)],
            starts_at=starts,
            ends_at=starts + datetime.timedelta(minutes=45),
            status=["draft", "published", "cancelled"][n % 3],
            speakers=[speakers[n % len(speakers)]],
        )


def test_the_schedule_s_queries_do_not_grow_with_the_sessions(client, organiser, edition, rooms):
    tracks = [TrackFactory(edition=edition) for _ in range(3)]
    speakers = [SpeakerFactory() for _ in range(4)]
    _sessions(edition, rooms, tracks, speakers, 5, 0)
    few = _schedule_queries(client, edition)

    more_rooms = [*rooms, *(RoomFactory(venue=edition.venue) for _ in range(3))]
    _sessions(edition, more_rooms, tracks, speakers, 35, 5)
    many = _schedule_queries(client, edition)

    assert Session.objects.count() == 40
    assert few == many
