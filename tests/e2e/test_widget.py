"""A partner's site on another origin embeds the programme with the script tag: the widget
shows the programme in the partner's language, filtered, as tall as its content; the fair's
other pages still refuse to be framed there."""

import datetime
import functools
import http.server
import threading
from zoneinfo import ZoneInfo

import pytest

from fairsite.services.site import home_pages_ensure
from programme.services.pages import programme_pages_ensure
from tests.e2e.axe import axe_violations, describe
from tests.e2e.conftest import viewport_context
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


@pytest.fixture
def partner(tmp_path):
    """A partner's site: its own small web server, on another origin than the fair's
    (127.0.0.1 and a port of its own, where the fair's live server is localhost)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def partner_page(page, partner, body):
    """The partner's page, on its own origin, as the partner writes it."""
    folder, origin = partner
    (folder / "agenda.html").write_text(
        f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Partenaire</title></head>
        <body style="margin:0;font-family:sans-serif"><main><h1>Notre agenda</h1>{body}
        <p id="after">Pied de page du partenaire</p></main></body></html>""",
        encoding="utf-8",
    )
    page.goto(f"{origin}/agenda.html")


def script_tag(base, **attributes):
    data = " ".join(f'data-{name}="{value}"' for name, value in attributes.items())
    return f'<script src="{base}/static/js/programme-widget.js" {data} async></script>'


def widget_frame(page):
    frame_element = page.wait_for_selector("iframe.fairsite-programme-widget")
    frame = frame_element.content_frame()
    frame.wait_for_selector(".widget-session")
    # Sized to its content by its own message: taller than the default, no scrolling inside.
    page.wait_for_function(
        """() => {
            const frame = document.querySelector("iframe.fairsite-programme-widget");
            const inner = frame.contentDocument ? null : frame.getBoundingClientRect().height;
            return inner !== null && frame.style.height !== "";
        }"""
    )
    return frame_element, frame


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
