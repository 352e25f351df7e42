import datetime
import time
import uuid

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.http import http_date, parse_http_date

from fairsite import kept
from programme.frab import room_guid, schedule_data, speaker_guid
from programme.selectors import public_session_queryset
from programme.services.sessions import session_cancel, session_save
from tests.api.conftest import add_sessions
from tests.factories import (
    EditionFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
)

pytestmark = pytest.mark.django_db


def get(url, **headers):
    return Client().get(url, headers=headers)


def uids(response) -> list[str]:
    return [row["uid"] for row in response.json()["results"]]


def test_sessions_list_published_and_cancelled_with_status_not_drafts(programme):
    response = get("/api/v1/sessions/")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert body["next"] is None and body["previous"] is None
    assert uids(response) == [str(programme["published"].uid), str(programme["cancelled"].uid)]
    assert [row["status"] for row in body["results"]] == ["published", "cancelled"]


def test_session_texts_in_every_language_at_once(programme):
    session = programme["published"]

    row = get(f"/api/v1/sessions/{session.uid}/").json()

    assert row["title"] == {"ar": session.title_ar, "fr": session.title_fr, "en": session.title_en}
    assert row["description"] == {"ar": "", "fr": "", "en": ""}
    assert row["starts_at"].endswith(("+01:00", "+00:00"))
    assert row["day"] == programme["edition"].starts_on.isoformat()
    assert row["duration_minutes"] == 60
    assert row["edition"] == programme["edition"].year
    assert row["track"]["slug"] == programme["tracks"][0].slug
    assert row["url"] == f"http://testserver/api/v1/sessions/{session.uid}/"


def test_ids_are_those_of_the_schedule_and_the_calendar(programme):
    """The session's uid is its iCalendar UID's and its guid in schedule.json; rooms and
    speakers have the guids that schedule.json gives them."""
    session = programme["published"]
    sessions = public_session_queryset(programme["edition"].sessions.filter(pk=session.pk))
    schedule = schedule_data(
        sessions,
        edition=programme["edition"],
        language="fr",
        base_url="http://testserver/fr/programme/",
        url_for=lambda s: "",
    )
    day = schedule["schedule"]["conference"]["days"][0]
    event = next(iter(day["rooms"].values()))[0]

    row = get(f"/api/v1/sessions/{session.uid}/").json()

    assert row["uid"] == event["guid"]
    assert row["id"] == event["id"]
    assert row["room"]["guid"] == schedule["schedule"]["conference"]["rooms"][0]["guid"]
    assert [s["guid"] for s in row["speakers"]] == [p["guid"] for p in event["persons"]]


def test_session_detail_of_a_draft_or_unknown_session_is_404(programme):
    assert get(f"/api/v1/sessions/{programme['draft'].uid}/").status_code == 404
    assert get(f"/api/v1/sessions/{uuid.uuid4()}/").status_code == 404


def test_session_detail_finds_a_session_of_a_past_edition(programme):
    old = SessionFactory(edition=EditionFactory(year=2030, status="archived"))

    response = get(f"/api/v1/sessions/{old.uid}/")

    assert response.status_code == 200
    assert response.json()["edition"] == 2030


def test_cancelling_a_session_keeps_it_in_the_list_as_cancelled(programme):
    session = programme["published"]
    session_cancel(session=session)

    row = get(f"/api/v1/sessions/{session.uid}/").json()

    assert row["status"] == "cancelled"
    assert row["revision"] == session.sequence


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("track={track}", ["published"]),
        ("room={room}", ["cancelled"]),
        ("status=cancelled", ["cancelled"]),
        ("kind=workshop", ["cancelled"]),
        ("language=fr", ["published"]),
        ("day={first_day}", ["published", "cancelled"]),
        ("day={second_day}", []),
        ("track={track}&room={room}", []),
    ],
)
def test_sessions_filters(programme, query, expected):
    programme["cancelled"].type = "workshop"
    programme["published"].language = "fr"
    session_save(session=programme["cancelled"])
    session_save(session=programme["published"])
    first_day = programme["edition"].starts_on
    url = "/api/v1/sessions/?" + query.format(
        track=programme["tracks"][0].slug,
        room=room_guid(programme["rooms"][1]),
        first_day=first_day,
        second_day=first_day + datetime.timedelta(days=1),
    )

    assert uids(get(url)) == [str(programme[name].uid) for name in expected]


def test_sessions_updated_since(programme):
    later = programme["published"].updated_at + datetime.timedelta(minutes=5)
    type(programme["published"]).objects.filter(pk=programme["cancelled"].pk).update(
        updated_at=later
    )

    response = Client().get("/api/v1/sessions/", {"updated_since": later.isoformat()})

    assert uids(response) == [str(programme["cancelled"].uid)]


def test_sessions_filter_not_understood_is_400(programme):
    response = get("/api/v1/sessions/?day=tomorrow&kind=dance")

    assert response.status_code == 400
    assert set(response.json()) == {"day", "kind"}
    assert response["Access-Control-Allow-Origin"] == "*"


def test_sessions_of_another_edition_by_year_or_acronym(programme):
    other = EditionFactory(year=2031, status="closed")
    theirs = SessionFactory(edition=other)

    for reference in ["2031", "ess2031"]:
        assert uids(get(f"/api/v1/sessions/?edition={reference}")) == [str(theirs.uid)]


@pytest.mark.parametrize("reference", ["1999", "ess1999", "xyz2031", "2031x", "2032"])
def test_unknown_or_draft_edition_is_404(programme, reference):
    EditionFactory(year=2031, status="closed")
    EditionFactory(year=2032, status="draft")

    assert get(f"/api/v1/sessions/?edition={reference}").status_code == 404


def test_pages_of_sessions(edition):
    rooms = [RoomFactory(venue=edition.venue) for _n in range(3)]
    add_sessions(edition, rooms, [TrackFactory(edition=edition)], [SpeakerFactory()], 120)

    first = get("/api/v1/sessions/").json()
    second = get(first["next"]).json()
    big = get("/api/v1/sessions/?page_size=500").json()

    assert first["count"] == 120 and len(first["results"]) == 50
    assert second["previous"].startswith("http://testserver/api/v1/sessions/")
    assert len(big["results"]) == 120  # at most 200 a page
    seen = [r["uid"] for r in first["results"]] + [r["uid"] for r in second["results"]]
    assert seen == [r["uid"] for r in big["results"]][:100]
    assert len(set(seen)) == 100
    assert get("/api/v1/sessions/?page=9").status_code == 404


def test_page_size_is_at_most_200(edition):
    add_sessions(
        edition,
        [RoomFactory(venue=edition.venue)],
        [TrackFactory(edition=edition)],
        [SpeakerFactory()],
        210,
    )

    assert len(get("/api/v1/sessions/?page_size=1000").json()["results"]) == 200


def test_speakers_of_public_sessions_only_public_fields(programme):
    speakers = programme["speakers"]

    body = get("/api/v1/speakers/").json()

    assert body["count"] == 2  # the draft's speaker is not public yet
    row = body["results"][0]
    assert set(row) == {
        "guid",
        "id",
        "url",
        "name",
        "organisation",
        "country",
        "biography",
        "languages",
        "sessions",
    }
    assert row["guid"] == str(speaker_guid(speakers[0]))
    assert row["name"] == {"ar": speakers[0].name_ar, "latin": speakers[0].name_latin}
    assert row["organisation"]["fr"] == speakers[0].organisation_fr
    assert body["results"][1]["sessions"] == [
        str(programme["published"].uid),
        str(programme["cancelled"].uid),
    ]
    detail = get(row["url"])
    assert detail.status_code == 200
    assert detail.json() == row


def test_speaker_detail_of_a_draft_session_only_is_404(programme):
    hidden = programme["speakers"][2]

    assert get(f"/api/v1/speakers/{speaker_guid(hidden)}/").status_code == 404


def test_rooms_and_tracks(programme):
    rooms = get("/api/v1/rooms/").json()
    tracks = get("/api/v1/tracks/").json()

    assert [r["guid"] for r in rooms["results"]] == [
        str(room_guid(room)) for room in programme["rooms"]
    ]
    assert rooms["results"][0]["venue"]["name"]["fr"] == programme["edition"].venue.name_fr
    assert get(rooms["results"][1]["url"]).json() == rooms["results"][1]
    assert [t["slug"] for t in tracks["results"]] == [t.slug for t in programme["tracks"]]
    assert tracks["results"][0]["colour"] == programme["tracks"][0].colour
    assert get(tracks["results"][0]["url"]).json() == tracks["results"][0]
    assert get("/api/v1/tracks/no-such-track/").status_code == 404
    assert get(f"/api/v1/rooms/{uuid.uuid4()}/").status_code == 404


def test_detail_urls_keep_the_edition_asked_for(programme):
    other = EditionFactory(year=2031, status="closed")
    track = TrackFactory(edition=other, slug="export")
    SessionFactory(edition=other, track=track)

    row = get("/api/v1/tracks/?edition=2031").json()["results"][0]

    assert row["url"] == "http://testserver/api/v1/tracks/export/?edition=2031"
    assert get(row["url"]).json()["id"] == track.pk
    assert get("/api/v1/tracks/export/").status_code == 404


def test_headers_for_caches_and_other_sites(programme):
    response = get("/api/v1/sessions/")

    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"].startswith('"')
    assert parse_http_date(response["Last-Modified"]) <= time.time()
    assert "Set-Cookie" not in response
    assert "Cookie" not in response.get("Vary", "")


def test_preflight_allows_conditional_headers_from_any_site(programme):
    response = Client().options(
        "/api/v1/sessions/",
        headers={"Origin": "https://partner.example", "Access-Control-Request-Method": "GET"},
    )

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


@pytest.mark.parametrize(
    "url",
    ["/api/v1/sessions/", "/api/v1/speakers/", "/api/v1/rooms/", "/api/v1/tracks/"],
)
def test_conditional_get_with_etag_is_304_until_the_programme_changes(programme, url):
    first = get(url)

    again = get(url, if_none_match=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Access-Control-Allow-Origin"] == "*"
    assert again["Cache-Control"] == "public, max-age=60"

    speaker = programme["speakers"][0]
    speaker.name_latin = "Fatima Zahra El Idrissi"
    speaker.save()
    programme["tracks"][0].colour = "#123456"
    programme["tracks"][0].save()
    programme["rooms"][0].capacity = 120
    programme["rooms"][0].save()
    changed = get(url, if_none_match=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_renaming_a_room_changes_the_validators_of_every_answer_showing_it(programme):
    """A client that keeps the rooms list, or a session in the room, with the validators it
    was given, reads the new name at its next request: 200, not 304, whichever validators
    it sends."""
    cache.set(kept.VERSION_KEY, "last-change.1700000000", None)  # the content, long unchanged
    room = programme["rooms"][0]
    urls = [
        "/api/v1/rooms/",
        f"/api/v1/rooms/{room_guid(room)}/",
        "/api/v1/sessions/",
        f"/api/v1/sessions/{programme['published'].uid}/",
    ]
    first = {url: get(url) for url in urls}
    for url, response in first.items():
        assert response["Last-Modified"] == http_date(1700000000), url
        assert get(url, if_none_match=response["ETag"]).status_code == 304, url
        assert get(url, if_modified_since=response["Last-Modified"]).status_code == 304, url

    room.name_fr = "Salle Ibn Khaldoun"
    room.save()

    for url, response in first.items():
        validators = {"if_none_match": response["ETag"]}
        changed = get(url, **validators)
        assert changed.status_code == 200, url
        assert "Salle Ibn Khaldoun" in changed.content.decode(), url
        assert changed["ETag"] != response["ETag"], url
        since = get(url, if_modified_since=response["Last-Modified"])
        assert since.status_code == 200, url
        assert parse_http_date(since["Last-Modified"]) > 1700000000, url


def test_session_detail_conditional_get(programme):
    url = f"/api/v1/sessions/{programme['published'].uid}/"
    first = get(url)

    assert get(url, if_none_match=first["ETag"]).status_code == 304
    assert get(url, if_none_match='"something-else"').status_code == 200


def test_schema_url_is_named():
    assert reverse("api_v1:schema") == "/api/v1/schema/"


def test_page_cache_leaves_the_api_alone(programme, settings):
    """The shared page cache keeps Wagtail's pages only: the API's answers, which change
    with the programme and carry their own ETag, are not kept by it."""
    settings.PAGE_CACHE_SECONDS = 30
    first = get("/api/v1/sessions/")
    session_cancel(session=programme["published"])

    again = get("/api/v1/sessions/")

    assert "X-Page-Cache" not in again
    assert again.json()["results"][0]["status"] == "cancelled"
    assert again["ETag"] != first["ETag"]


def test_unknown_address_under_the_api_is_a_json_404_not_a_redirect(programme):
    response = get(f"/api/v1/sessions/{uuid.uuid4()}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()
