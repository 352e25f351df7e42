"""A visitor on a phone, in Arabic and in French: the partner regions on the map and in the
list under it, then a region's page with its agreements and its session at the fair."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from fairsite.services.site import home_pages_ensure
from partnerships.models import PartnershipMeeting
from partnerships.services.agreements import agreement_save
from partnerships.services.pages import partnerships_pages_ensure
from programme.services.pages import programme_pages_ensure
from tests.factories import (
    AgreementFactory,
    EditionFactory,
    PartnerRegionFactory,
    RoomFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FAIR = ZoneInfo("Africa/Casablanca")
PHONE_WIDTH = 360

# slug, Arabic, French, country (ar, fr), code, latitude, longitude
REGIONS = [
    ("occitanie", "جهة أوكسيتاني", "Région Occitanie", ("فرنسا", "France"), "FR", 43.6, 1.44),
    ("dakar", "جهة داكار", "Région de Dakar", ("السنغال", "Sénégal"), "SN", 14.72, -17.47),
    (
        "abidjan",
        "مقاطعة أبيدجان",
        "District d'Abidjan",
        ("كوت ديفوار", "Côte d'Ivoire"),
        "CI",
        5.36,
        -4.01,
    ),
    (
        "nouakchott",
        "جهة نواكشوط",
        "Région de Nouakchott",
        ("موريتانيا", "Mauritanie"),
        "MR",
        18.07,
        -15.96,
    ),
    ("centre", "جهة الوسط", "Région du Centre", ("الكاميرون", "Cameroun"), "CM", 3.85, 11.5),
]


@pytest.fixture
def partners(transactional_db):
    homes = home_pages_ensure()
    programme_pages_ensure(homes=homes)
    partnerships_pages_ensure(homes=homes)
    edition = EditionFactory(is_current=True, year=2031)
    regions = {
        slug: PartnerRegionFactory(
            slug=slug,
            name_ar=ar,
            name_fr=fr,
            country_ar=country_ar,
            country_fr=country_fr,
            country_code=code,
            continent="europe" if code == "FR" else "africa",
            latitude=str(latitude),
            longitude=str(longitude),
            description_ar="معطيات نموذجية للعرض فقط.",
            description_fr="Données d'exemple pour la démonstration.",
            is_sample=True,
        )
        for slug, ar, fr, (country_ar, country_fr), code, latitude, longitude in REGIONS
    }
    for reference, slugs, kind, title_fr, title_ar, domains in [
        (
            "EXEMPLE-2022-01",
            ["occitanie"],
            "framework",
            "Accord-cadre de coopération décentralisée (exemple)",
            "اتفاقية إطار للتعاون اللامركزي (نموذج)",
            ["sse", "training", "culture"],
        ),
        (
            "EXEMPLE-2024-02",
            ["occitanie", "dakar"],
            "specific",
            "Convention spécifique : circuits courts et coopératives (exemple)",
            "اتفاقية خاصة: الدوائر القصيرة والتعاونيات (نموذج)",
            ["sse", "trade"],
        ),
    ]:
        agreement = AgreementFactory(
            reference=reference,
            partner_regions=[regions[slug] for slug in slugs],
            type=kind,
            title_fr=title_fr,
            title_ar=title_ar,
            summary_fr="Données d'exemple : aucune convention réelle n'est décrite ici.",
            summary_ar="معطيات نموذجية للعرض فقط: لا تصف أي اتفاقية حقيقية.",
            signed_at_ar="وجدة",
            signed_at_fr="Oujda",
            domains=domains,
            budget="1500000",
            budget_is_public=reference.endswith("01"),
            funded_by_fr="Exemple",
        )
        agreement_save(agreement=agreement)
    room = RoomFactory(venue=edition.venue, name_ar="القاعة الكبرى", name_fr="Grande salle")
    session = SessionFactory(
        edition=edition,
        room=room,
        type="partnership_meeting",
        title_ar="لقاء الشراكة مع جهة أوكسيتاني (نموذج)",
        title_fr="Rencontre de partenariat avec l'Occitanie (exemple)",
        starts_at=datetime.datetime.combine(edition.starts_on, datetime.time(16), tzinfo=FAIR),
        ends_at=datetime.datetime.combine(edition.starts_on, datetime.time(17), tzinfo=FAIR),
    )
    meeting = PartnershipMeeting.objects.create(
        title_ar=session.title_ar,
        title_fr=session.title_fr,
        starts_at=session.starts_at,
        session=session,
        is_public=True,
    )
    meeting.delegations.set([regions["occitanie"]])
    return {"session": session}


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def shot(page, artifacts, name):
    assert overflow(page) <= 0, f"{name}: the page is wider than a {PHONE_WIDTH}-px phone"
    page.screenshot(path=artifacts / f"{name}.png", full_page=True)


def label_boxes(page) -> list[dict]:
    """Each label's box as the browser measured it, in the map's own units."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.partner-map__svg text.map-label')].map(t => {
            const b = t.getBBox();
            return {text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height};
        })"""
    )


def assert_labels_fit(page):
    width, height = page.evaluate(
        "(() => { const v = document.querySelector('.partner-map__svg').viewBox.baseVal;"
        " return [v.width, v.height]; })()"
    )
    boxes = label_boxes(page)
    for box in boxes:
        assert box["x"] >= 0 and box["x"] + box["w"] <= width, box
        assert box["y"] >= 0 and box["y"] + box["h"] <= height, box
    for n, a in enumerate(boxes):
        for b in boxes[n + 1 :]:
            apart = (
                a["x"] + a["w"] <= b["x"]
                or b["x"] + b["w"] <= a["x"]
                or a["y"] + a["h"] <= b["y"]
                or b["y"] + b["h"] <= a["y"]
            )
            assert apart, (a, b)


def test_the_partner_regions_on_a_phone_in_arabic(live_server, partners, phone, artifacts):
    base = live_server.url

    phone.goto(f"{base}/ar/partnerships/")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    svg = phone.locator("svg.partner-map__svg")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] >= PHONE_WIDTH - 40 and box["height"] > box["width"]
    assert phone.locator("circle.map-marker").count() == len(REGIONS) + 1
    assert phone.locator(".region-item").count() == len(REGIONS)
    assert phone.locator(".region-item .sample-mark").count() == len(REGIONS)
    assert_labels_fit(phone)
    shot(phone, artifacts, "partnerships-ar-phone")

    phone.get_by_role("link", name="جهة أوكسيتاني").click()
    phone.wait_for_url(f"{base}/ar/partnerships/occitanie/")
    assert phone.locator("h1").inner_text().endswith("جهة أوكسيتاني")
    assert phone.locator(".sample-banner").is_visible()
    assert phone.locator(".agreement").count() == 2
    shot(phone, artifacts, "partnerships-region-ar-phone")

    # The meeting at the fair leads to its session in the programme.
    session = partners["session"]
    phone.get_by_role("link", name=session.title_ar).click()
    phone.wait_for_url(f"{base}/ar/programme/{session.uid}/")


def test_the_partner_regions_on_a_phone_in_french(live_server, partners, phone, browser, artifacts):
    base = live_server.url

    phone.goto(f"{base}/fr/partnerships/")
    assert phone.evaluate("document.documentElement.dir") == "ltr"
    assert phone.locator("svg.partner-map__svg").is_visible()
    assert_labels_fit(phone)
    shot(phone, artifacts, "partnerships-fr-phone")

    phone.get_by_role("link", name="Région de Dakar").click()
    phone.wait_for_url(f"{base}/fr/partnerships/dakar/")
    assert phone.locator(".agreement").count() == 1
    shot(phone, artifacts, "partnerships-region-dakar-fr-phone")

    phone.goto(f"{base}/fr/partnerships/occitanie/")
    assert phone.locator(".agreement").count() == 2
    assert phone.locator(".meeting__title a").count() == 1
    shot(phone, artifacts, "partnerships-region-fr-phone")

    # On a wide screen the list stands beside the map.
    desktop = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    desktop.goto(f"{base}/fr/partnerships/")
    map_box = desktop.locator("svg.partner-map__svg").bounding_box()
    list_box = desktop.locator(".region-list").bounding_box()
    assert list_box["x"] > map_box["x"] + map_box["width"]
    assert_labels_fit(desktop)
    desktop.screenshot(path=artifacts / "partnerships-fr-desktop.png", full_page=True)
    desktop.context.close()
