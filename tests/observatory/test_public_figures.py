"""What the council publishes: the choice of indicators, the home page's key figures, the
figures page; and the organisers' panel and downloads."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from observatory.charts import PROVINCE_TILES, province_map
from observatory.models import PublishedFigures
from observatory.services.figures import figures_kept
from observatory.services.pages import figures_pages_ensure
from tests.factories import (
    AgreementFactory,
    ApplicationFactory,
    CooperativeFactory,
    EditionFactory,
    PartnerRegionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def site(homes):
    figures_pages_ensure(homes=homes)
    edition = EditionFactory(is_current=True)
    for province in ("nador", "nador", "figuig"):
        ApplicationFactory(
            edition=edition, status="confirmed", cooperative=CooperativeFactory(province=province)
        )
    ApplicationFactory(edition=edition, status="submitted")
    return edition


def publish(*keys):
    published = PublishedFigures.load()
    published.indicators = list(keys)
    published.save()


def test_nothing_is_published_until_the_council_chooses(client, site):
    home = client.get("/fr/")
    page = client.get("/fr/figures/")

    assert home.status_code == page.status_code == 200
    assert "key-figure__value" not in home.content.decode()
    assert 'role="img"' not in page.content.decode()


def test_organisers_choose_the_published_indicators_in_the_dashboard_s_order(client, site):
    client.force_login(UserFactory(groups=["Organisers"], language="en"))
    url = client.get("/admin/settings/observatory/publishedfigures/", follow=True).request[
        "PATH_INFO"
    ]

    form = client.get(url)
    saved = client.post(url, {"indicators": ["led_by", "exhibitors_province"]})
    refused = client.post(url, {"indicators": ["exhibitors_province", "secret_sauce"]})

    assert form.status_code == 200 and 'value="agreements_region"' in form.content.decode()
    assert saved.status_code == 302
    assert PublishedFigures.load().indicators == ["exhibitors_province", "led_by"]
    assert refused.status_code == 200  # the form again, with its error
    assert PublishedFigures.load().indicators == ["exhibitors_province", "led_by"]


def test_the_published_figures_on_the_home_page_and_the_figures_page(client, site):
    publish("exhibitors_province", "led_by")

    home = client.get("/fr/").content.decode()
    page = client.get("/fr/figures/").content.decode()
    arabic = client.get("/ar/figures/").content.decode()

    assert "Exposants" in home and '<span class="key-figure__value">3</span>' in home
    assert 'href="/fr/figures/"' in home
    assert 'id="ind-exhibitors_province"' in page and 'id="ind-led_by"' in page
    assert 'id="ind-applications"' not in page  # not published
    assert 'data-province="nador"' in page and ".csv" not in page  # no downloads in public
    assert "الناظور" in arabic and 'dir="rtl"' in arabic


def test_a_confidential_partner_never_reaches_the_public(client, site):
    AgreementFactory(
        partner_regions=[PartnerRegionFactory(name_fr="Région secrète", is_public=False)]
    )
    publish("agreements_region")

    page = client.get("/fr/figures/").content.decode()

    assert "Région secrète" not in page
    with translation.override("fr"):
        assert gettext("Confidential partners") in page


def test_public_pages_never_all_count_at_once(site):
    cache.clear()
    cache.add(f"observatory:{site.pk}:fr:counting", 1, 60)  # another request is counting

    with CaptureQueriesContext(connection) as queries:
        figures = figures_kept(edition=site, language="fr")

    assert figures is None
    assert not any("exhibitors_application" in q["sql"] for q in queries.captured_queries)
    cache.delete(f"observatory:{site.pk}:fr:counting")
    assert figures_kept(edition=site, language="fr").indicators  # now counted, and kept


def test_the_admin_home_shows_the_edition_s_figures_to_organisers_only(client, site):
    client.force_login(UserFactory(groups=["Organisers"], language="en"))
    organiser = client.get("/admin/").content.decode()
    client.force_login(UserFactory(groups=["Logistics unit"], language="en"))
    officer = client.get("/admin/").content.decode()

    with translation.override("ar"):  # the admin speaks the organiser's language
        assert 'id="indicators' in organiser and gettext("People inside now") in organiser
    assert "/admin/observatory/" in organiser
    assert 'id="indicators' not in officer


def test_xlsx_downloads_one_indicator_and_every_indicator(client, site):
    older = EditionFactory(year=site.year - 1)
    ApplicationFactory(
        edition=older, status="confirmed", cooperative=CooperativeFactory(province="nador")
    )
    client.force_login(UserFactory(groups=["Organisers"], language="ar"))

    one = client.get(f"/admin/observatory/exhibitors_province.xlsx?edition={site.pk}")
    every = client.get(f"/admin/observatory/indicators.xlsx?edition={site.pk}")

    sheet = load_workbook(io.BytesIO(one.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1:] == (str(site.year), str(older.year))
    assert ("الناظور", 2, 1) in rows and ("فجيج", 1, 0) in rows
    assert sheet.sheet_view.rightToLeft
    book = load_workbook(io.BytesIO(every.content))
    assert len(book.sheetnames) >= 14 and len(set(book.sheetnames)) == len(book.sheetnames)
    assert client.get("/admin/observatory/nothing.xlsx").status_code == 404


def test_the_province_map_puts_each_province_where_it_lies_in_every_language():
    rows = [("Nador", 4), ("Figuig", 1), ("<b>", 0)]
    svg = ET.fromstring(province_map(rows, ["nador", "figuig", "jerada"], title="T"))

    tiles = {g.get("data-province"): g for g in svg.iter(f"{SVG}g")}
    x = {code: int(tile.find(f"{SVG}rect").get("x")) for code, tile in tiles.items()}
    y = {code: int(tile.find(f"{SVG}rect").get("y")) for code, tile in tiles.items()}
    shade = {
        code: float(tile.findall(f"{SVG}rect")[1].get("fill-opacity"))
        for code, tile in tiles.items()
    }
    assert y["nador"] < y["figuig"]  # the coast on top
    assert x["jerada"] > x["figuig"]  # Jerada to the east
    assert shade["nador"] > shade["figuig"] > shade["jerada"] == 0
    assert len(PROVINCE_TILES) == 8
    assert "<b>" in [t.text for t in svg.iter(f"{SVG}text")]  # escaped, read back as text
