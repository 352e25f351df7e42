"""A partner's site on another origin embeds the programme with the script tag: the widget
shows the programme in the partner's language, filtered, as tall as its content; the fair's
other pages still refuse to be framed there."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from fairsite.services.site import home_pages_ensure
from programme.services.pages import programme_pages_ensure
from tests.e2e.axe import axe_violations, describe
from tests.e2e.conftest import viewport_context
from tests.e2e.partner import partner_page, script_tag, widget_frame
from tests.factories import (
    EditionFactory,
    PartnerRegionFactory,
    RoomFactory,
    SessionFactory,
    TrackFactory,
)
from tests.factories.records import PartnershipMeetingFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FAIR = ZoneInfo("Africa/Casablanca")


def at(edition, hour, minute=0, day=0):
    date = edition.starts_on + datetime.timedelta(days=day)
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=FAIR)


@pytest.fixture
def fair(transactional_db):
    programme_pages_ensure(homes=home_pages_ensure())
    edition = EditionFactory(is_current=True, year=2031)
    export = TrackFactory(
        edition=edition, slug="export", name_ar="التصدير", name_fr="Export", colour="#b8860b"
    )
    hall = RoomFactory(venue=edition.venue, name_ar="القاعة الكبرى", name_fr="Grande salle")
    occitanie = PartnerRegionFactory(slug="occitanie", name_ar="أوكسيتانيا", name_fr="Occitanie")
    for hour, title_ar, title_fr in [
        (9, "الجلسة الافتتاحية للمعرض الجهوي", "Séance d'ouverture du salon régional"),
        (11, "التعاونيات والتصدير نحو إفريقيا", "Les coopératives et l'export vers l'Afrique"),
        (15, "تمويل المقاولات الاجتماعية", "Financer les entreprises sociales"),
    ]:
        SessionFactory(
            edition=edition,
            room=hall,
            track=export,
            title_ar=title_ar,
            title_fr=title_fr,
            starts_at=at(edition, hour),
        )
    meeting = SessionFactory(
        edition=edition,
        room=hall,
        title_ar="لقاء مع وفد أوكسيتانيا",
        title_fr="Rencontre avec la délégation d'Occitanie",
        starts_at=at(edition, 10, day=1),
    )
    PartnershipMeetingFactory(session=meeting, is_public=True).delegations.set([occitanie])
    SessionFactory(
        edition=edition,
        room=hall,
        title_fr="Atelier annulé",
        title_ar="ورشة ملغاة",
        status="cancelled",
        starts_at=at(edition, 16, day=1),
    )
    return edition


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_partner_site_shows_the_programme_by_script_tag(
    live_server, fair, partner, launch_browser, artifacts, language
):
    base = live_server.url
    browser = launch_browser()
    context = viewport_context(browser, {"width": 360, "height": 780})
    page = context.new_page()

    partner_page(page, partner, script_tag(base, lang=language, track="export"))
    frame_element, frame = widget_frame(page)

    assert frame.url.startswith(f"{base}/{language}/programme-widget/?track=export")
    assert frame.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    titles = frame.locator(".widget-session__title").all_inner_texts()
    expected = {
        "fr": "Séance d'ouverture du salon régional",
        "ar": "الجلسة الافتتاحية للمعرض الجهوي",
    }[language]
    assert titles[0] == expected and len(titles) == 3  # the export track only
    # As tall as its content: nothing hidden inside the frame, the partner's text after it.
    height = frame_element.bounding_box()["height"]
    content = frame.evaluate("document.documentElement.scrollHeight")
    assert abs(height - content) <= 2 and height > 300
    after = page.locator("#after").bounding_box()
    assert after["y"] >= frame_element.bounding_box()["y"] + height - 1
    page.screenshot(path=str(artifacts / f"widget-{language}-360.png"), full_page=True)

    page.goto(f"{base}/{language}/programme-widget/")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    context.close()


def test_the_widget_by_partner_region_and_no_other_page_framed(
    live_server, fair, partner, launch_browser
):
    base = live_server.url
    page = launch_browser().new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text))

    partner_page(
        page,
        partner,
        script_tag(base, lang="fr", region="occitanie")
        + f'<iframe id="programme" title="Programme" src="{base}/fr/programme/"></iframe>',
    )
    _element, frame = widget_frame(page)

    assert frame.locator(".widget-session__title").all_inner_texts() == [
        "Rencontre avec la délégation d'Occitanie"
    ]
    # The programme page itself stays out of the partner's frame.
    page.wait_for_timeout(500)
    programme = page.locator("#programme").element_handle().content_frame()
    assert not programme.url.startswith(base)  # Chromium's error page instead
    assert programme.locator("main").count() == 0
    assert any("frame-ancestors" in text for text in refused), refused
