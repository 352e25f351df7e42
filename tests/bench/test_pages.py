"""Page rendering: queries per page (must not grow with the data) and p50/p95 time.

Run with `make bench`; the figures are printed, not asserted, except the query counts.
"""

import io
import statistics
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from fairsite.models import NewsArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db

PAGES = ["/ar/", "/fr/", "/ar/about/", "/ar/news/", "/ar/accounts/login/"]
ROUNDS = 200


def measure(client: Client, url: str) -> tuple[int, float, float]:
    for _warm_up in range(5):
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    # Counted now: the next request clears the connection's query log.
    query_count = len(queries)
    timings = []
    for _round in range(ROUNDS):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    quantiles = statistics.quantiles(timings, n=100)
    return query_count, quantiles[49], quantiles[94]


def add_articles(count: int) -> None:
    for index in NewsIndexPage.objects.all():
        for n in range(count):
            index.add_child(
                instance=NewsArticlePage(
                    title=f"Article {n}", slug=f"bench-{n}", locale=index.locale
                )
            )


def test_page_rendering(capsys):
    call_command("seed_demo", stdout=io.StringIO())
    client = Client()
    small = {url: measure(client, url) for url in PAGES}
    add_articles(60)
    large = {url: measure(client, url) for url in PAGES}

    with capsys.disabled():
        print(f"\n{connection.vendor}, {ROUNDS} requests a page, Django test client")
        print(f"{'page':<24}{'queries (2 / 62 articles)':>28}{'p50 ms':>10}{'p95 ms':>10}")
        for url in PAGES:
            print(
                f"{url:<24}{small[url][0]:>14} / {large[url][0]:<11}"
                f"{large[url][1]:>10.1f}{large[url][2]:>10.1f}"
            )
    for url in PAGES:
        assert small[url][0] == large[url][0], f"{url}: queries grow with the number of articles"
