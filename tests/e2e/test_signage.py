"""Screens at the fair: the venue's and a room's now-and-next pages fill a 1920×1080 (and a
1280×720) screen without a scrollbar, and follow the programme without being reloaded,
keeping what they know while the network is down."""

import datetime

import pytest
from django.utils import timezone

from fairsite.services.site import home_pages_ensure
from programme.services.sessions import session_cancel
from tests.e2e.axe import axe_violations, describe
from tests.factories import EditionFactory, RoomFactory, SessionFactory, TrackFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FULL_HD = {"width": 1920, "height": 1080}
HD = {"width": 1280, "height": 720}
ROOMS = [
    ("القاعة الكبرى للندوات", "Grande salle des conférences"),
    ("قاعة الورشات", "Salle des ateliers"),
    ("قاعة الشراكات", "Salle des partenariats"),
    ("الفضاء الرقمي", "Espace numérique"),
    ("قاعة الصحافة", "Salle de presse"),
    ("مدرج الجامعة", "Amphithéâtre de l'université"),
]


def around_now(edition, room, minutes, *, length=60, **fields):
    starts = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(minutes=minutes)
    return SessionFactory(
        edition=edition,
        room=room,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=length),
        **fields,
    )


@pytest.fixture
def fair(transactional_db):
    local = timezone.localtime()
    if local.hour >= 22 or local.hour < 1:
        pytest.skip("the sessions around now must fit in the fair's day")
    home_pages_ensure()
    today = timezone.localdate()
    edition = EditionFactory(
        is_current=True, starts_on=today, ends_on=today + datetime.timedelta(days=2)
    )
    track = TrackFactory(edition=edition, colour="#b8860b")
    rooms = [
        RoomFactory(venue=edition.venue, name_ar=ar, name_fr=fr, order=n)
        for n, (ar, fr) in enumerate(ROOMS)
    ]
    for n, room in enumerate(rooms):
        around_now(
            edition,
            room,
            -20,
            track=track,
            title_ar="التعاونيات النسائية في الجهة الشرقية: من الإنتاج إلى التصدير "
            "نحو أوروبا وإفريقيا",
            title_fr="Les coopératives féminines de l'Oriental : de la production à l'export vers "
            "l'Europe et l'Afrique, retours d'expérience",
        )
        around_now(
            edition,
            room,
            50,
            title_ar=f"ورشة التمويل التضامني {n + 1}",
            title_fr=f"Atelier de finance solidaire {n + 1}",
            status="cancelled" if n == 1 else "published",
        )
    return edition, rooms


def no_scrollbars(page):
    return page.evaluate(
        """() => {
            const html = document.documentElement;
            const rows = [...document.querySelectorAll(".signage-room, .signage-slot")];
            return html.scrollHeight <= innerHeight && html.scrollWidth <= innerWidth
                && rows.every((row) => row.getBoundingClientRect().bottom <= innerHeight);
        }"""
    )


def test_the_venue_screen_fills_the_screen_in_arabic_and_french(
    live_server, fair, launch_browser, artifacts
):
    browser = launch_browser()
    for viewport in (FULL_HD, HD):
        page = browser.new_page(viewport=viewport)
        for language in ("ar", "fr"):
            page.goto(f"{live_server.url}/{language}/signage/")
            page.wait_for_function("document.fonts.status === 'loaded'")
            assert page.locator(".signage-room").count() == len(ROOMS)
            assert page.locator(".signage-flag--cancelled").count() == 1
            name = f"signage-venue-{language}-{viewport['width']}x{viewport['height']}.png"
            page.screenshot(path=str(artifacts / name))
            assert no_scrollbars(page), (language, viewport)
        violations = axe_violations(page)
        assert violations == [], describe(violations)
        page.close()


def test_a_room_screen_follows_the_programme_without_reloading(
    live_server, fair, launch_browser, artifacts
):
    edition, rooms = fair
    room = rooms[0]
    page = launch_browser().new_page(viewport=FULL_HD)
    page.goto(f"{live_server.url}/fr/signage/room/{room.pk}/")
    page.evaluate("window.notReloaded = true")
    now_title = page.locator(".signage-slot--now .signage-session__title .bi--1")
    assert "coopératives féminines" in now_title.inner_text()
    assert no_scrollbars(page)
    page.screenshot(path=str(artifacts / "signage-room-fr-1920x1080.png"))
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    # The session on now is cancelled and one is added for later: the screen says so at its
    # next question to the server (asked at once here, as when the network comes back).
    current = room.sessions.order_by("starts_at").first()
    session_cancel(session=current)
    around_now(edition, room, 120, title_fr="Clôture de la journée", title_ar="اختتام اليوم")
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_selector(".signage-slot--now .signage-flag--cancelled")
    page.wait_for_selector(".signage-later :text('Clôture de la journée')")
    assert page.evaluate("window.notReloaded") is True

    # Offline: the screen keeps what it knows.
    page.route("**/signage/now.json*", lambda route: route.abort())
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_timeout(1000)
    assert page.locator(".signage-later :text('Clôture de la journée')").count() == 1
    assert page.evaluate("window.notReloaded") is True
