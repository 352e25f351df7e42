"""The public exhibitor directory with 1,000 confirmed exhibitors: queries and p50/p95.

Run with `make bench`; the figures are printed, the query count is asserted not to grow.
"""

import pytest
from django.db import connection
from django.test import Client

from exhibitors.choices import ApplicationStatus
from exhibitors.models import Application, Cooperative, Product, Stand
from exhibitors.services.pages import directory_pages_ensure
from fairsite.services.site import home_pages_ensure
from tests.bench.measure import measure
from tests.factories import EditionFactory, StandTypeFactory

pytestmark = pytest.mark.django_db

ROUNDS = 100
PROVINCES = [
    "oujda_angad",
    "berkane",
    "nador",
    "driouch",
    "taourirt",
    "jerada",
    "guercif",
    "figuig",
]


def add_exhibitors(edition, stand_type, start: int, count: int) -> None:
    cooperatives = Cooperative.objects.bulk_create(
        Cooperative(
            name=f"Cooperative {n:04d}",
            name_ar=f"تعاونية {n:04d}",
            legal_form="cooperative",
            registration_number=f"B-{n}",
            province=PROVINCES[n % 8],
            commune_fr="Oujda",
            sector="agri_food" if n % 2 else "crafts",
            founded_in=2010,
            members=20,
            contact_name="A",
            email=f"c{n}@fair.example",
            phone="0600000000",
        )
        for n in range(start, start + count)
    )
    stands = Stand.objects.bulk_create(
        Stand(
            edition=edition,
            stand_type=stand_type,
            hall="A",
            code=f"A-{n:04d}",
            x=0,
            y=0,
            width=3,
            depth=3,
        )
        for n in range(start, start + count)
    )
    Application.objects.bulk_create(
        Application(
            edition=edition,
            cooperative=cooperative,
            stand=stand,
            stand_type=stand_type,
            status=ApplicationStatus.CONFIRMED,
            product_categories=["honey"],
        )
        for cooperative, stand in zip(cooperatives, stands, strict=True)
    )
    Product.objects.bulk_create(
        Product(cooperative=cooperative, name_fr=f"Miel {i}", name_ar=f"عسل {i}", category="honey")
        for cooperative in cooperatives
        for i in range(2)
    )


def test_directory_with_1000_exhibitors(capsys):
    directory_pages_ensure(homes=home_pages_ensure())
    edition = EditionFactory(is_current=True)
    stand_type = StandTypeFactory(edition=edition)
    client = Client()
    urls = [
        "/fr/exhibitors/",
        "/ar/exhibitors/?province=figuig",
        "/fr/exhibitors/?q=Miel",
        "/fr/exhibitors/?page=20",
    ]

    add_exhibitors(edition, stand_type, 0, 100)
    small = {url: measure(client, url, rounds=ROUNDS, warm_up=3)[0] for url in urls}
    add_exhibitors(edition, stand_type, 100, 900)
    large = {url: measure(client, url, rounds=ROUNDS, warm_up=3) for url in urls}

    with capsys.disabled():
        print(f"\n{connection.vendor}, 1,000 confirmed exhibitors, {ROUNDS} requests a URL")
        print(f"{'url':<36}{'queries (100 / 1000)':>22}{'p50 ms':>10}{'p95 ms':>10}")
        for url in urls:
            count, p50, p95 = large[url]
            print(f"{url:<36}{small[url]:>12} / {count:<7}{p50:>10.1f}{p95:>10.1f}")
    for url in urls:
        assert small[url] == large[url][0], f"{url}: queries grow with the number of exhibitors"
