"""Page rendering: queries per page (must not grow with the data) and p50/p95 time.

Run with `make bench`; the figures are printed, not asserted, except the query counts.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from fairsite.models import NewsArticlePage, NewsIndexPage
from tests.bench.measure import measure

pytestmark = pytest.mark.django_db

PAGES = ["/ar/", "/fr/", "/ar/about/", "/ar/news/", "/ar/accounts/login/"]
ROUNDS = 200


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
    small = {url: measure(client, url, rounds=ROUNDS, warm_up=5) for url in PAGES}
    add_articles(60)
    large = {url: measure(client, url, rounds=ROUNDS, warm_up=5) for url in PAGES}

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
