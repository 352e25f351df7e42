"""The public API with 500 sessions (two speakers each, 8 rooms, 6 tracks): queries and p50/p95
of each list's first page, of the largest page, and of a conditional request answered 304.

Run with `make bench` (SQLite), or with DATABASE_URL=postgres://... for PostgreSQL. The figures
are printed; the budget is a p95 under 50 ms.
"""

import statistics
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import add_sessions
from tests.bench.measure import measure
from tests.factories import EditionFactory, RoomFactory, SpeakerFactory, TrackFactory

pytestmark = pytest.mark.django_db

ROUNDS = 200
BUDGET_MS = 50
# Each list's first page, as a client first reads it (50 a page): the budget holds for these.
URLS = [
    "/api/v1/sessions/",
    "/api/v1/sessions/?track={track}&day={day}",
    "/api/v1/speakers/",
    "/api/v1/rooms/",
    "/api/v1/tracks/",
]
# The largest page a client may ask for: measured, to be seen, not held to the budget.
LARGEST_PAGE = "/api/v1/sessions/?page_size=200"


class ConditionalClient(Client):
    """A client that sends the ETag it was given back, as a cache does."""

    def __init__(self, etag: str):
        super().__init__(headers={"if-none-match": etag})


def test_api_lists(capsys):
    edition = EditionFactory(is_current=True)
    rooms = [RoomFactory(venue=edition.venue) for _n in range(8)]
    tracks = [TrackFactory(edition=edition) for _n in range(6)]
    speakers = [SpeakerFactory(bio_fr="Chercheuse en économie sociale. " * 6) for _n in range(300)]
    add_sessions(edition, rooms, tracks, speakers, 500)
    client = Client()
    urls = [url.format(track=tracks[0].slug, day=edition.starts_on) for url in URLS]

    rows = [(url, *measure(client, url, rounds=ROUNDS)) for url in urls]
    largest = measure(client, LARGEST_PAGE, rounds=ROUNDS)
    first = client.get(urls[0])
    not_modified = ConditionalClient(first["ETag"])
    assert not_modified.get(urls[0]).status_code == 304
    conditional = measure_304(not_modified, urls[0])

    with capsys.disabled():
        print(f"\n{connection.vendor}, {ROUNDS} requests each, Django test client, 500 sessions")
        print(f"{'first page':<48}{'queries':>8}{'p50 ms':>10}{'p95 ms':>10}")
        for url, queries, p50, p95 in rows:
            print(f"{url:<48}{queries:>8}{p50:>10.1f}{p95:>10.1f}")
        for url, (queries, p50, p95) in [
            (LARGEST_PAGE + " (no budget)", largest),
            (urls[0] + " (304)", conditional),
        ]:
            print(f"{url:<48}{queries:>8}{p50:>10.1f}{p95:>10.1f}")
        print(f"{len(first.content) / 1024:.0f} KiB for the first page of sessions")
    for url, _queries, _p50, p95 in rows:
        assert p95 < BUDGET_MS, f"{url}: p95 {p95:.1f} ms"


def measure_304(client: Client, url: str) -> tuple[int, float, float]:
    """`measure` for an answer that is a 304, not a 200."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 304
    query_count = len(queries)  # now: the next request clears the connection's query log
    timings = []
    for _round in range(ROUNDS):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    quantiles = statistics.quantiles(timings, n=100)
    return query_count, quantiles[49], quantiles[94]
