import datetime
import importlib
import json
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from partnerships import atlas
from partnerships import map as partner_map_module
from partnerships.models import (
    Decision,
    MeetingParticipant,
    PartnershipMeeting,
    PartnershipsPage,
)
from partnerships.services.agreements import agreement_save
from partnerships.services.pages import partnerships_pages_ensure
from programme.services.pages import programme_pages_ensure
from tests.factories import (
    AgreementFactory,
    CommitmentFactory,
    EditionFactory,
    PartnerRegionFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

FAIR = ZoneInfo("Africa/Casablanca")


@pytest.fixture
def pages(homes):
    programme_pages_ensure(homes=homes)
    return partnerships_pages_ensure(homes=homes)


@pytest.fixture
def fair(db):
    return EditionFactory(is_current=True, year=2031)


def occitanie(**fields):
    defaults = dict(
        slug="occitanie",
        name_ar="جهة أوكسيتاني",
        name_fr="Région Occitanie",
        name_en="Occitanie Region",
        country_ar="فرنسا",
        country_fr="France",
        country_en="France",
        country_code="FR",
        continent="europe",
        latitude="43.60470",
        longitude="1.44420",
    )
    return PartnerRegionFactory(**{**defaults, **fields})


def dakar(**fields):
    defaults = dict(
        slug="dakar",
        name_ar="جهة داكار",
        name_fr="Région de Dakar",
        name_en="Dakar Region",
        latitude="14.71670",
        longitude="-17.46770",
    )
    return PartnerRegionFactory(**{**defaults, **fields})


def centre(**fields):
    defaults = dict(
        slug="centre-cameroun",
        name_ar="جهة الوسط",
        name_fr="Région du Centre",
        country_ar="الكاميرون",
        country_fr="Cameroun",
        country_code="CM",
        latitude="3.84803",
        longitude="11.50208",
    )
    return PartnerRegionFactory(**{**defaults, **fields})


def agreement(regions, **fields):
    made = AgreementFactory(partner_regions=regions, **fields)
    return agreement_save(agreement=made, today=datetime.date(2026, 1, 15))


def meeting(regions, *, is_public=True, **fields):
    fields.setdefault("title_fr", "Réunion de partenariat")
    fields.setdefault("title_ar", "لقاء الشراكة")
    fields.setdefault("starts_at", datetime.datetime(2025, 10, 2, 10, tzinfo=FAIR))
    made = PartnershipMeeting.objects.create(is_public=is_public, **fields)
    made.delegations.set(regions)
    return made


def html(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def tr(language, text, **values):
    """An interface string as the page shows it in `language`."""
    with translation.override(language):
        message = str(translation.gettext(text))
    return message % values if values else message


def markers(soup):
    return {
        circle.get("data-region", "home"): (float(circle["cx"]), float(circle["cy"]))
        for circle in soup.select("svg.partner-map__svg circle.map-marker")
    }


def test_the_map_puts_each_region_where_it_lies_relative_to_oujda(client, pages):
    occitanie(), dakar(), centre()

    soup = html(client.get("/fr/partnerships/"))

    points = markers(soup)
    assert set(points) == {"home", "occitanie", "dakar", "centre-cameroun"}
    home_x, home_y = points["home"]
    assert points["occitanie"][1] < home_y  # north of Oujda
    assert abs(points["occitanie"][0] - home_x) < 50  # about the same meridian
    assert points["dakar"][0] < home_x and points["dakar"][1] > home_y  # south-west
    assert points["centre-cameroun"][0] > home_x and points["centre-cameroun"][1] > home_y
    # Equirectangular: ten units a degree, from 25°W and 62°N.
    assert points["home"] == pytest.approx((231.0, 273.0), abs=0.5)
    assert points["dakar"] == pytest.approx((75.3, 472.8), abs=0.5)


def test_the_map_is_an_image_with_a_title_and_a_description(client, pages):
    occitanie(), dakar()

    svg = html(client.get("/fr/partnerships/")).select_one("svg.partner-map__svg")

    assert svg["role"] == "img"
    title, desc = svg.select_one("title"), svg.select_one("desc")
    assert svg["aria-labelledby"] == f"{title['id']} {desc['id']}"
    assert "Région Occitanie" in desc.get_text() and "Région de Dakar" in desc.get_text()
    assert len(svg.select_one("path.partner-map__land")["d"]) > 1000
    assert svg.select_one("path.partner-map__borders")["d"]
    assert len(svg.select(".partner-map__links path")) == 2
    # No tile server, no script: everything is in the page.
    assert svg.select("image, script") == []


def test_the_labels_read_in_the_direction_of_their_script(client, pages):
    occitanie(), dakar(name_en="")

    arabic = html(client.get("/ar/partnerships/")).select("text.map-label")
    english = html(client.get("/en/partnerships/")).select("text.map-label")

    assert {(label.get_text(), label["direction"]) for label in arabic} == {
        (tr("ar", "Oriental Region"), "rtl"),
        ("جهة أوكسيتاني", "rtl"),
        ("جهة داكار", "rtl"),
    }
    # A name missing in English falls back to French, in its own direction.
    assert {(label.get_text(), label["direction"]) for label in english} == {
        (tr("en", "Oriental Region"), "ltr"),
        ("Occitanie Region", "ltr"),
        ("Région de Dakar", "ltr"),
    }


def test_the_labels_of_close_regions_do_not_overlap():
    nouakchott = partner_map_module.Place("nouakchott", "Région de Nouakchott", 18.07, -15.96)
    places = [
        partner_map_module.Place("dakar", "Région de Dakar", 14.72, -17.47),
        nouakchott,
        partner_map_module.Place("abidjan", "District d'Abidjan", 5.36, -4.01),
    ]
    home = partner_map_module.Place("", "Région de l'Oriental", *partner_map_module.OUJDA)

    drawn = partner_map_module.partner_map(home=home, partners=places)

    boxes = []
    for marker in drawn.markers:
        width = partner_map_module._label_width(marker.label)
        left = {
            "start": marker.label_x,
            "end": marker.label_x - width,
            "middle": marker.label_x - width / 2,
        }[marker.anchor]
        top = marker.label_y - partner_map_module.LABEL_SIZE
        boxes.append((left, top, left + width, top + partner_map_module.LABEL_SIZE))
        assert left >= 0 and left + width <= drawn.width
    for n, a in enumerate(boxes):
        for b in boxes[n + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_morocco_is_drawn_whole():
    with open(finders.find(atlas.ATLAS), encoding="utf-8") as file:
        topology = json.load(file)
    arcs = atlas._decode_arcs(topology)
    used = {}
    for country in topology["objects"]["countries"]["geometries"]:
        for polygon in atlas._polygons(country):
            for ring in polygon:
                for index in ring:
                    used.setdefault(atlas._arc_index(index), set()).add(country.get("id"))
    inner = [index for index, codes in used.items() if codes == {"504", "732"}]
    with_algeria = [index for index, codes in used.items() if codes == {"504", "012"}]
    assert inner and with_algeria

    borders = atlas.base_map().borders

    def drawn(index):
        return atlas._path_data([arcs[index]], closed=False) in borders

    assert not any(drawn(index) for index in inner)
    assert all(drawn(index) for index in with_algeria)


def test_a_region_beyond_the_edges_is_listed_not_drawn(client, pages):
    occitanie()
    PartnerRegionFactory(slug="quebec", name_fr="Québec", latitude="46.81", longitude="-71.21")

    soup = html(client.get("/fr/partnerships/"))

    assert set(markers(soup)) == {"home", "occitanie"}
    assert "Québec" in soup.select_one(".partner-map figcaption").get_text()
    assert "Québec" in soup.select_one(".region-list").get_text()


def test_the_index_lists_the_regions_with_flag_country_and_public_agreements(client, pages):
    france, senegal = occitanie(is_sample=True), dakar()
    agreement([france])
    agreement([france, senegal])
    agreement([france], is_public=False)

    soup = html(client.get("/fr/partnerships/"))

    items = soup.select(".region-item")
    assert [item.select_one(".region-item__name").get_text() for item in items] == [
        "Région de Dakar",
        "Région Occitanie",
    ]
    dakar_item, occitanie_item = items
    assert dakar_item.select_one("img.region-item__flag")["src"].endswith("/vendor/flags/sn.svg")
    assert occitanie_item.select_one("img.region-item__flag")["src"].endswith(
        "/vendor/flags/fr.svg"
    )
    with translation.override("fr"):
        two = translation.ngettext("%(count)s agreement", "%(count)s agreements", 2) % {"count": 2}
        one = translation.ngettext("%(count)s agreement", "%(count)s agreements", 1) % {"count": 1}
    assert occitanie_item.select_one(".region-item__meta").get_text() == f"France · {two}"
    assert dakar_item.select_one(".region-item__meta").get_text() == f"Sénégal · {one}"
    assert occitanie_item.select_one(".region-item__link")["href"] == (
        "/fr/partnerships/occitanie/"
    )
    # Sample data says so.
    assert occitanie_item.select_one(".sample-mark").get_text() == tr("fr", "Sample data")
    assert dakar_item.select_one(".sample-mark") is None


def test_the_index_in_arabic_reads_right_to_left(client, pages):
    occitanie()

    soup = html(client.get("/ar/partnerships/"))

    assert soup.html["dir"] == "rtl"
    assert soup.select_one(".region-item__name").get_text() == "جهة أوكسيتاني"
    assert "فرنسا" in soup.select_one(".region-item__meta").get_text()


def test_the_index_without_regions(client, pages):
    soup = html(client.get("/fr/partnerships/"))

    assert soup.select(".region-item") == []
    assert set(markers(soup)) == {"home"}


def test_a_region_page_shows_its_public_agreements(client, pages):
    region, other = occitanie(description_fr="Une région du sud de la France."), dakar()
    agreement(
        [region, other],
        reference="CONV-2025-007",
        title_fr="Convention de coopération : circuits courts",
        title_ar="اتفاقية تعاون: الدوائر القصيرة",
        summary_fr="Former les coopératives aux circuits courts.",
        domains=["sse", "training", "unknown"],
        signed_at_fr="Oujda",
        budget="1250000.00",
        budget_is_public=True,
        funded_by_fr="Conseil de la Région de l'Oriental",
        other_parties_fr="Agence de développement de l'Oriental",
    )

    soup = html(client.get("/fr/partnerships/occitanie/"))

    assert soup.select_one("h1").get_text(" ", strip=True).endswith("Région Occitanie")
    assert "Une région du sud de la France." in soup.select_one(".prose").get_text()
    card = soup.select_one(".agreement")
    text = card.get_text(" ", strip=True)
    assert card.select_one(".agreement__reference").get_text() == "CONV-2025-007"
    assert tr("fr", "Cooperation convention") in card.select_one(".agreement__kind").get_text()
    assert card.select_one(".agreement__title").get_text() == (
        "Convention de coopération : circuits courts"
    )
    assert "Former les coopératives aux circuits courts." in text
    assert card.select_one(".agreement-status").get_text() == tr("fr", "In force")
    assert "1 mars 2025, Oujda" in text  # signed on, at
    assert "29 février 2028" in text  # the day before 36 months after 1 March 2025
    assert [li.get_text() for li in card.select(".agreement__domains li")] == [
        tr("fr", "Social and solidarity economy"),
        tr("fr", "Training"),
    ]
    assert "1 250 000" in text.replace("\u202f", " ").replace("\xa0", " ")
    assert "Conseil de la Région de l'Oriental" in text
    assert card.select_one(f"a[href='/fr/partnerships/{other.slug}/']").get_text() == (
        "Région de Dakar"
    )
    assert "Agence de développement de l'Oriental" in text


def test_a_region_page_in_arabic(client, pages):
    region = occitanie()
    agreement([region], title_ar="اتفاقية تعاون: الدوائر القصيرة", summary_ar="تكوين التعاونيات.")

    soup = html(client.get("/ar/partnerships/occitanie/"))

    assert soup.html["dir"] == "rtl"
    assert soup.select_one(".agreement__title").get_text() == "اتفاقية تعاون: الدوائر القصيرة"
    assert "تكوين التعاونيات." in soup.select_one(".agreement__summary").get_text()


def test_an_arabic_page_gives_texts_in_arabic_and_marks_the_ones_only_in_french(client, pages):
    region = occitanie()
    agreement(
        [region],
        signed_on=datetime.date(2025, 3, 1),
        signed_at_ar="وجدة",
        signed_at_fr="Oujda",
        other_parties_fr="Agence de développement de l'Oriental\nUniversité Mohammed Premier",
    )
    meeting([region], place_ar="القاعة الكبرى", place_fr="Grande salle")
    meeting([region], title_fr="Visite", place_fr="Toulouse")

    soup = html(client.get("/ar/partnerships/occitanie/"))

    card = soup.select_one(".agreement")
    assert "وجدة" in card.get_text() and "Oujda" not in card.get_text()
    parties = card.select("dd span[lang=fr]")
    assert [(p.get_text(), p["dir"]) for p in parties] == [
        ("Agence de développement de l'Oriental", "ltr"),
        ("Université Mohammed Premier", "ltr"),
    ]
    places = [p.get_text(" ", strip=True) for p in soup.select(".meeting__when")]
    assert any("القاعة الكبرى" in place for place in places)
    toulouse = soup.select_one(".meeting__when span[lang=fr]")
    assert toulouse.get_text() == "Toulouse" and toulouse["dir"] == "ltr"


def test_a_sample_region_is_marked_as_such(client, pages):
    occitanie(is_sample=True)
    dakar()

    sample = html(client.get("/fr/partnerships/occitanie/"))
    real = html(client.get("/fr/partnerships/dakar/"))

    assert sample.select_one(".sample-banner .sample-mark").get_text() == tr("fr", "Sample data")
    assert real.select_one(".sample-banner") is None


def test_a_region_page_shows_its_meetings_and_its_sessions_at_the_fair(client, pages, fair):
    region = occitanie()
    at_the_fair = SessionFactory(
        edition=fair,
        title_fr="Rencontre de partenariat avec l'Occitanie",
        type="partnership_meeting",
    )
    meeting(
        [region],
        title_fr="Rencontre au salon",
        session=at_the_fair,
        starts_at=at_the_fair.starts_at,
    )
    meeting([region], title_fr="Visite à Toulouse", place_fr="Toulouse")
    draft = SessionFactory(edition=fair, title_fr="Séance en préparation", status="draft")
    meeting([region], title_fr="Réunion en préparation", session=draft)
    earlier = EditionFactory(year=2029)
    past = SessionFactory(edition=earlier, title_fr="Rencontre de 2029")
    meeting([region], title_fr="Rencontre au salon 2029", session=past)

    soup = html(client.get("/fr/partnerships/occitanie/"))

    fair_section = soup.select_one("#fair-title").find_parent("section")
    links = fair_section.select(".meeting__title a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Rencontre de partenariat avec l'Occitanie", f"/fr/programme/{at_the_fair.uid}/")
    ]
    with translation.override("fr"):
        assert at_the_fair.room.name in fair_section.get_text()

    meetings = soup.select_one("#meetings-title").find_parent("section").select(".meeting")
    by_title = {m.select_one(".meeting__title").get_text(): m for m in meetings}
    assert set(by_title) == {
        "Rencontre au salon",
        "Visite à Toulouse",
        "Réunion en préparation",
        "Rencontre au salon 2029",
    }
    assert by_title["Rencontre au salon"].select_one(".meeting__session a")["href"] == (
        f"/fr/programme/{at_the_fair.uid}/"
    )
    assert by_title["Rencontre au salon 2029"].select_one(".meeting__session a")["href"] == (
        f"/fr/programme/{past.uid}/"
    )
    # A session not yet published has no page to link to.
    assert by_title["Réunion en préparation"].select_one(".meeting__session") is None
    toulouse = by_title["Visite à Toulouse"]
    assert "2 octobre 2025 · Toulouse" in toulouse.select_one(".meeting__when").get_text()
    assert toulouse.select_one("a") is None


def test_an_unknown_region_is_not_found(client, pages):
    occitanie()

    assert client.get("/fr/partnerships/atlantis/").status_code == 404
    assert client.get("/ar/partnerships/atlantis/").status_code == 404


PRIVATE = [
    "SECRET-NOTES-7f3a",
    "SECRET-DOC-7f3a",
    "987654321",
    "987 654 321",
    "SECRET-FUNDER-7f3a",
    "SECRET-REF-7f3a",
    "SECRET-TITLE-7f3a",
    "SECRET-SUMMARY-7f3a",
    "SECRET-MEETING-7f3a",
    "SECRET-SESSION-7f3a",
    "SECRET-MINUTES-7f3a",
    "SECRET-AGENDA-7f3a",
    "SECRET-DECISION-7f3a",
    "secret.participant.7f3a@example.org",
    "SECRET-PARTICIPANT-7f3a",
    "SECRET-COMMITMENT-7f3a",
]


def test_nothing_private_appears_on_any_public_page(client, pages, fair):
    region, other = occitanie(is_sample=True), dakar()
    public = agreement(
        [region, other],
        reference="PUBLIC-REF-1",
        title_fr="Convention publique",
        internal_notes="SECRET-NOTES-7f3a",
        budget="987654321.00",
        budget_is_public=False,
        funded_by_fr="SECRET-FUNDER-7f3a",
    )
    public.document.name = "agreements/SECRET-DOC-7f3a.pdf"
    public.save(update_fields=["document"])
    CommitmentFactory(agreement=public, description="SECRET-COMMITMENT-7f3a")
    agreement(
        [region, other],
        reference="SECRET-REF-7f3a",
        title_fr="SECRET-TITLE-7f3a",
        title_ar="SECRET-TITLE-7f3a",
        summary_fr="SECRET-SUMMARY-7f3a",
        is_public=False,
    )
    open_meeting = meeting(
        [region, other],
        title_fr="Réunion publique",
        minutes="SECRET-MINUTES-7f3a",
        agenda="SECRET-AGENDA-7f3a",
    )
    MeetingParticipant.objects.create(
        meeting=open_meeting,
        full_name="SECRET-PARTICIPANT-7f3a",
        email="secret.participant.7f3a@example.org",
        partner_region=region,
    )
    Decision.objects.create(meeting=open_meeting, text="SECRET-DECISION-7f3a")
    # A closed meeting, even one held as a published session of the fair.
    closed_session = SessionFactory(edition=fair, title_fr="SECRET-SESSION-7f3a")
    meeting(
        [region, other],
        title_fr="SECRET-MEETING-7f3a",
        title_ar="SECRET-MEETING-7f3a",
        session=closed_session,
        is_public=False,
    )

    for language in ("ar", "fr", "en"):
        for path in ("", "occitanie/", "dakar/"):
            response = client.get(f"/{language}/partnerships/{path}")
            assert response.status_code == 200
            page = response.content.decode()
            leaks = [value for value in PRIVATE if value in page]
            assert leaks == [], (language, path, leaks)
            # The public agreement is there all the same, without its document.
            if path:
                assert "PUBLIC-REF-1" in page
                assert "/media/" not in page and ".pdf" not in page


def programme_of(fair, regions, count):
    """`count` agreements and public meetings held as sessions, for each region."""
    for n in range(count):
        agreement(regions, domains=["sse", "trade"], budget="1000", budget_is_public=n % 2 == 0)
        session = SessionFactory(edition=fair)
        meeting(regions, title_fr=f"Réunion {n}", session=session, place_fr=f"Salle {n}")
        meeting(regions, title_fr=f"Visite {n}", place_fr="Dakar")


def test_the_number_of_queries_does_not_grow_with_the_regions(pages):
    counts = []
    client = Client()
    for count in (2, 8):
        regions = [
            PartnerRegionFactory(latitude=str(10 + n), longitude=str(-10 + n)) for n in range(count)
        ]
        for region in regions:
            agreement([region])
        for _warm_up in range(2):  # the first creates the site's settings, which is a change
            client.get("/fr/partnerships/")  # warm the caches of Wagtail's site and locales
        with CaptureQueriesContext(connection) as queries:
            soup = html(client.get("/fr/partnerships/"))
        counts.append(len(queries))
        assert len(soup.select(".region-item")) == len(markers(soup)) - 1

    assert counts[0] == counts[1], counts


def test_the_number_of_queries_does_not_grow_with_the_agreements_and_meetings(pages, fair):
    counts = []
    client = Client()
    for count in (1, 6):
        region, other = PartnerRegionFactory(), PartnerRegionFactory()
        programme_of(fair, [region, other], count)
        url = f"/fr/partnerships/{region.slug}/"
        for _warm_up in range(2):  # the first creates the site's settings, which is a change
            client.get(url)
        with CaptureQueriesContext(connection) as queries:
            soup = html(client.get(url))
        assert len(soup.select(".agreement")) == count
        assert len(soup.select("#meetings-title ~ .meetings .meeting")) == 2 * count
        counts.append(len(queries))

    assert counts[0] == counts[1], counts


def test_the_pages_are_in_the_main_menu_of_each_language(client, pages):
    assert {code: page.url for code, page in pages.items()} == {
        "ar": "/ar/partnerships/",
        "fr": "/fr/partnerships/",
        "en": "/en/partnerships/",
    }
    assert len({page.translation_key for page in pages.values()}) == 1
    soup = html(client.get("/fr/"))
    menu = [a["href"] for a in soup.select(".main-menu a")]
    assert "/fr/partnerships/" in menu


def test_ensuring_the_pages_twice_adds_nothing(homes):
    first = partnerships_pages_ensure(homes=homes)
    again = partnerships_pages_ensure(homes=homes)

    assert first == again and PartnershipsPage.objects.count() == 3


def test_the_migration_puts_the_page_under_homes_made_before_it(client, homes):
    from django.apps import apps
    from wagtail.models import Page

    migration = importlib.import_module("partnerships.migrations.0003_partnerships_page")

    migration.partnerships_pages_create(apps, None)
    migration.partnerships_pages_create(apps, None)  # a second run adds nothing

    pages = PartnershipsPage.objects.order_by("locale__language_code")
    assert [(page.locale.language_code, page.url, page.title) for page in pages] == [
        ("ar", "/ar/partnerships/", "الشراكات"),
        ("en", "/en/partnerships/", "Partnerships"),
        ("fr", "/fr/partnerships/", "Partenariats"),
    ]
    assert len({page.translation_key for page in pages}) == 1
    assert all(page.show_in_menus and page.live for page in pages)
    assert Page.find_problems() == ([], [], [], [], [])
    assert client.get("/ar/partnerships/").status_code == 200
    assert partnerships_pages_ensure(homes=homes) == {
        page.locale.language_code: page for page in pages
    }


def test_a_confidential_partnership_and_a_draft_stay_off_the_public_pages(client, pages):
    secret = occitanie(is_public=False, name_fr="Région Confidentielle")
    known = dakar()
    agreement([known], reference="BROUILLON-1", signed_on=None, is_public=True)

    index = client.get("/fr/partnerships/").content.decode()
    region = client.get("/fr/partnerships/dakar/").content.decode()

    assert "Région Confidentielle" not in index and "Région de Dakar" in index
    assert client.get(f"/fr/partnerships/{secret.slug}/").status_code == 404
    assert "BROUILLON-1" not in region
