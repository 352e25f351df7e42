"""The pages people read most, without the page cache (PAGE_CACHE_SECONDS=0), through
gunicorn with 2 workers: as everyone signed in gets them, and anyone when the cache is cold.

Sample data, with 500 sessions in the programme and 1,000 more exhibitors. Each page: 200
requests one after the other (p50, p95), then 16 clients at once for a few seconds
(requests a second). Budget (DESIGN §8): p50 under 10 ms, p95 under 20 ms, 150/s at 16.
Run with `make bench` (PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set).
"""

import http.client
import io
import re
import statistics
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from events.models import Edition
from exhibitors.models import StandType
from fairsite.models import User
from tests.bench.test_directory import add_exhibitors
from tests.bench.test_programme import add_sessions
from tests.processes import free_port, start_gunicorn, stop

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SEQUENTIAL, CLIENTS, CONCURRENT_SECONDS = 200, 16, 4.0


def get(conn, path, cookie) -> tuple[int, float]:
    began = time.perf_counter()
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = conn.getresponse()
    response.read()
    return response.status, (time.perf_counter() - began) * 1000


def sequential(port, path, cookie, count=SEQUENTIAL) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    timings = []
    for _n in range(count):
        status, ms = get(conn, path, cookie)
        assert status == 200, (path, status)
        timings.append(ms)
    conn.close()
    return timings


def concurrent(port, path, cookie) -> float:
    counts, start = [], threading.Barrier(CLIENTS + 1)

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        start.wait()
        done, until = 0, time.monotonic() + CONCURRENT_SECONDS
        while time.monotonic() < until:
            status, _ms = get(conn, path, cookie)
            assert status == 200
            done += 1
        counts.append(done)
        conn.close()

    threads = [threading.Thread(target=client) for _n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.monotonic()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - began)


def first_link(client, path, pattern) -> str:
    return re.search(pattern, client.get(path).content.decode())[0]


def test_pages_without_the_page_cache(capsys):
    call_command("seed_demo", stdout=io.StringIO())
    edition = Edition.objects.current()
    add_sessions(edition, 500)
    add_exhibitors(edition, StandType.objects.filter(edition=edition).first(), 0, 1000)
    reader = Client()
    signed_in = Client()
    signed_in.force_login(User.objects.get(email="exhibitor@fair.example"))
    session_cookie = f"sessionid={signed_in.cookies['sessionid'].value}"
    pages = [
        ("home", "/ar/", ""),
        ("programme", "/fr/programme/", ""),
        ("directory", "/ar/exhibitors/", ""),
        ("exhibitor", first_link(reader, "/fr/exhibitors/", r"/fr/exhibitors/\d+/"), ""),
        ("session", first_link(reader, "/fr/programme/", r"/fr/programme/[0-9a-f-]{36}/"), ""),
        ("programme, signed in", "/fr/programme/", session_cookie),
        ("portal home", "/ar/portal/", session_cookie),
    ]
    port = free_port()
    server = start_gunicorn(port, workers=2, PAGE_CACHE_SECONDS="0")
    figures = {}
    try:
        for name, path, cookie in pages:
            sequential(port, path, cookie, count=10)  # both workers warm
            timings = sequential(port, path, cookie)
            quantiles = statistics.quantiles(timings, n=100)
            figures[name] = (path, quantiles[49], quantiles[94], concurrent(port, path, cookie))
    finally:
        stop(server)

    with capsys.disabled():
        print(f"\n{connection.vendor}, gunicorn 2 workers, PAGE_CACHE_SECONDS=0")
        print(f"{'page':<22}{'p50 ms':>8}{'p95 ms':>8}{f'{CLIENTS} clients':>14}   address")
        for name, (path, p50, p95, rate) in figures.items():
            print(f"{name:<22}{p50:>8.1f}{p95:>8.1f}{rate:>12.0f}/s   {path}")
