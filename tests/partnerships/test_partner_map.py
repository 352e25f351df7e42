"""The partner regions' map and flags as the pages draw them, with the sample data: no label
covers another label or a marker in any language, at the labels' size on a phone and on a
wide screen; flags are SVG images from flag-icons, not emoji."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template

from events.models import Edition
from partnerships import flags
from partnerships import map as partner_map_module
from partnerships.demo import REGIONS, demo_partnerships_ensure
from partnerships.map import Marker, boxes_overlap, dot_box, label_box
from partnerships.services.pages import partnerships_pages_ensure
from programme.services.pages import programme_pages_ensure
from tests.factories import EditionFactory, PartnerRegionFactory

pytestmark = pytest.mark.django_db

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "partnerships.css"
REGIONAL_INDICATORS = re.compile("[\U0001f1e6-\U0001f1ff]")


def wide_screen_label_size() -> float:
    """The labels' font size on wide screens, from the stylesheet."""
    found = re.search(r"\.partner-map__labels\s*\{\s*font-size:\s*([\d.]+)px", CSS.read_text())
    assert found, "partnerships.css sets the labels' size for wide screens"
    return float(found[1])


@pytest.fixture
def sample_site(homes):
    programme_pages_ensure(homes=homes)
    partnerships_pages_ensure(homes=homes)
    demo_partnerships_ensure(edition=EditionFactory(is_current=True, year=2031))
    assert Edition.objects.exists()


def drawn(client, language):
    response = client.get(f"/{language}/partnerships/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    svg = soup.select_one("svg.partner-map__svg")
    labels = [
        Marker(
            key="",
            label=text.get_text(),
            x=0,
            y=0,
            label_x=float(text["x"]),
            label_y=float(text["y"]),
            anchor=text["text-anchor"],
            direction=text["direction"],
            radius=0,
        )
        for text in svg.select("text.map-label")
    ]
    dots = [
        Marker(
            key=circle.get("data-region", ""),
            label="",
            x=float(circle["cx"]),
            y=float(circle["cy"]),
            label_x=0,
            label_y=0,
            anchor="start",
            direction="ltr",
            radius=float(circle["r"]),
        )
        for circle in svg.select("circle.map-marker")
    ]
    return soup, labels, dots


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_no_label_covers_another_label_or_a_marker(client, sample_site, language):
    _soup, labels, dots = drawn(client, language)
    _, _, width, height = map(float, _soup.select_one("svg.partner-map__svg")["viewbox"].split())

    assert len(labels) == len(dots) == len(REGIONS) + 1
    for size in (partner_map_module.LABEL_SIZE, wide_screen_label_size()):
        boxes = [(label.label, label_box(label, font_size=size)) for label in labels]
        for name, box in boxes:
            assert box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height, name
            for dot in dots:
                assert not boxes_overlap(box, dot_box(dot)), (size, name, dot.key or "home")
        for n, (name, box) in enumerate(boxes):
            for other, other_box in boxes[n + 1 :]:
                assert not boxes_overlap(box, other_box), (size, name, other)


def test_the_french_labels_of_abidjan_and_the_centre_stay_apart(client, sample_site):
    """The case a visitor found: Abidjan's label lay over the Centre region's marker."""
    _soup, labels, dots = drawn(client, "fr")

    abidjan = next(label for label in labels if label.label == "District d'Abidjan")
    centre = next(dot for dot in dots if dot.key == "centre-cameroun")

    assert not boxes_overlap(label_box(abidjan), dot_box(centre))


def test_a_leader_line_joins_a_label_set_off_from_its_marker():
    # Three markers close together: the labels do not all fit beside them.
    places = [
        partner_map_module.Place("a", "Région de Nouakchott", 18.07, -15.96),
        partner_map_module.Place("b", "Région de Dakar", 14.72, -17.47),
        partner_map_module.Place("c", "Région de Thiès", 14.79, -16.93),
        partner_map_module.Place("d", "Région de Saint-Louis", 16.03, -16.49),
    ]
    home = partner_map_module.Place("", "Région de l'Oriental", *partner_map_module.OUJDA)

    drawn_map = partner_map_module.partner_map(home=home, partners=places)

    boxes = [label_box(marker) for marker in drawn_map.markers]
    for n, box in enumerate(boxes):
        for marker in drawn_map.markers:
            assert not boxes_overlap(box, dot_box(marker))
        for other in boxes[n + 1 :]:
            assert not boxes_overlap(box, other)
    assert drawn_map.leaders
    assert all(leader.startswith("M") and "L" in leader for leader in drawn_map.leaders)


def test_flags_are_images_of_the_copied_svgs_not_emoji(client, sample_site):
    for language in ("ar", "fr", "en"):
        page = client.get(f"/{language}/partnerships/").content.decode()
        assert not REGIONAL_INDICATORS.search(page), language
        soup = BeautifulSoup(page, "html.parser")
        for item in soup.select(".region-item"):
            flag = item.select_one("img.flag")
            assert flag["alt"] == ""  # the country's name is written beside it
            assert re.search(r"/vendor/flags/[a-z]{2}\.svg$", flag["src"]), flag["src"]
            assert (flag["width"], flag["height"]) == ("24", "18")
    region = client.get("/ar/partnerships/dakar/").content.decode()
    assert not REGIONAL_INDICATORS.search(region)
    h1 = BeautifulSoup(region, "html.parser").select_one("h1")
    assert h1.select_one("img.flag")["src"].endswith("/vendor/flags/sn.svg")
    assert h1.get_text(strip=True) == "جهة داكار"


def test_every_country_of_the_sample_data_and_morocco_has_its_flag():
    codes = {region[5] for region in REGIONS} | {"MA"}
    assert all(flags.flag_path(code) for code in codes), "run `make static`"


def test_a_country_without_a_flag_file_shows_no_image(client, sample_site):
    PartnerRegionFactory(slug="tunis", name_fr="Gouvernorat de Tunis", country_code="TN")
    assert flags.flag_path("TN") == ""
    assert flags.flag_path("") == flags.flag_path("../x") == ""

    soup = BeautifulSoup(client.get("/fr/partnerships/").content.decode(), "html.parser")

    item = next(i for i in soup.select(".region-item") if "Tunis" in i.get_text())
    assert item.select("img") == []


def test_the_flag_tag_names_the_country_when_asked():
    rendered = Template(
        '{% load partnerships_tags %}{% country_flag "ma" alt="Maroc" css_class="x" %}'
    ).render(Context())

    img = BeautifulSoup(rendered, "html.parser").select_one("img")
    assert img["alt"] == "Maroc" and img["class"] == ["flag", "x"]
    assert img["src"].endswith("/vendor/flags/ma.svg")
