"""Every list of the API answers in a fixed number of queries, whether the edition has 5
sessions or 500."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import add_sessions
from tests.factories import RoomFactory, SpeakerFactory, TrackFactory

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/sessions/",
    "/api/v1/sessions/?page_size=200",
    "/api/v1/sessions/?track=track-api&day={day}&language=ar&kind=talk",
    "/api/v1/speakers/?page_size=200",
    "/api/v1/rooms/",
    "/api/v1/tracks/",
]


def query_counts(client, edition) -> dict[str, int]:
    client.get(LISTS[0])  # the site's own lookups, made once after a change and kept
    counts = {}
    for url in LISTS:
        url = url.format(day=edition.starts_on)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_list_queries_do_not_grow_with_the_programme(edition):
    rooms = [RoomFactory(venue=edition.venue) for _n in range(8)]
    tracks = [TrackFactory(edition=edition, slug="track-api")] + [
        TrackFactory(edition=edition) for _n in range(5)
    ]
    speakers = [SpeakerFactory() for _n in range(300)]
    client = Client()

    add_sessions(edition, rooms, tracks, speakers, 5)
    small = query_counts(client, edition)
    add_sessions(edition, rooms, tracks, speakers, 495, start=5)
    large = query_counts(client, edition)

    assert large == small
    assert max(large.values()) <= 6
