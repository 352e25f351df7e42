"""The public site on a 360-px phone, in Arabic and French: a header under 80 px with a menu
button and the languages one tap away, the badge's QR code whole on a 360×640 first screen,
the gate page naming its gate in words for gate staff; and no WCAG 2.2 A/AA violation on these
pages, on a phone or a wide screen."""

import pytest

from events.models import Badge, Edition, Gate
from events.services.badge_links import badge_link_token
from events.services.devices import gate_token_issue
from exhibitors.models import Application
from fairsite.demo import DEMO_LOGINS
from fairsite.models import User
from tests.e2e.axe import axe_violations, describe
from tests.e2e.conftest import PHONE, sign_in, viewport_context

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["ar", "fr"]
SMALL_PHONE = {"width": 360, "height": 640}
WIDE = {"width": 1280, "height": 800}
GATE_NAMES = {"ar": "المدخل الرئيسي", "fr": "Entrée principale"}


def new_page(browser, viewport):
    return viewport_context(browser, viewport).new_page()


def box(page, selector) -> dict:
    return page.locator(selector).first.bounding_box()


def assert_accessible(page, where):
    violations = axe_violations(page)
    assert not violations, f"{where}:\n{describe(violations)}"


def directory_url(page, live_server, language) -> str:
    """The exhibitors' directory in `language`, as the language links give it."""
    page.goto(f"{live_server.url}/ar/exhibitors/")
    if language == "ar":
        return page.url
    return live_server.url + page.locator(
        f".language-switcher a[hreflang={language}]"
    ).get_attribute("href")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_is_one_short_bar_with_a_menu_button(live_server, demo_site, browser, language):
    page = new_page(browser, PHONE)
    for url in [f"{live_server.url}/{language}/", directory_url(page, live_server, language)]:
        page.goto(url)
        assert box(page, ".site-header")["height"] < 80, url
        notice = page.locator(".sample-notice")
        assert notice.bounding_box()["height"] <= 32, "the sample-data notice wraps"
        assert notice.evaluate("(el) => el.scrollWidth <= el.clientWidth"), "the notice is cut"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360

        # The other languages are in the bar itself, each a target of 24×24 px at least.
        switcher = page.get_by_role("navigation", name={"ar": "اللغة", "fr": "Langue"}[language])
        others = [code for code in ["ar", "fr", "en"] if code != language]
        for code in others:
            link = switcher.locator(f"a[hreflang={code}]")
            assert link.is_visible(), code
            target = link.bounding_box()
            assert target["width"] >= 24 and target["height"] >= 24, (code, target)
            assert target["y"] + target["height"] <= box(page, ".site-header")["y"] + 80

        # The menu is closed under its button; the button opens it and its links work.
        menu = page.locator(".main-menu")
        first_link = menu.locator("a").first
        assert not first_link.is_visible()
        assert page.locator(".account-nav a").first.is_hidden()
        toggle = page.locator("summary.site-nav__toggle")
        toggle_box = toggle.bounding_box()
        assert toggle_box["width"] >= 44 and toggle_box["height"] >= 44
        toggle.click()
        assert first_link.is_visible()
        assert page.locator(".account-nav a").first.is_visible()
        assert_accessible(page, f"{url}, menu open")
        href = first_link.get_attribute("href")
        first_link.click()
        page.wait_for_url(live_server.url + href)

    # The directory's search is folded under one line: the first exhibitor is on the first
    # screen, and the search opens with a tap.
    page.goto(directory_url(page, live_server, language))
    assert box(page, ".cards .card")["y"] < 640
    page.locator(".filters-disclosure summary").click()
    assert page.locator(".filters input[name=q]").is_visible()

    # One tap on the other language leads to it.
    page.goto(f"{live_server.url}/{language}/")
    other = "fr" if language == "ar" else "ar"
    page.locator(f".language-switcher a[hreflang={other}]").click()
    page.wait_for_url(f"{live_server.url}/{other}/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_badge_shows_its_whole_code_on_the_first_screen(
    live_server, demo_site, browser, artifacts, language
):
    badge = Badge.objects.filter(edition=Edition.objects.current()).first()
    url = f"{live_server.url}/{language}/visit/badge/{badge_link_token(badge)}/"
    page = new_page(browser, SMALL_PHONE)
    page.goto(url)
    page.wait_for_function("document.querySelector('.badge-card__qr').complete")

    qr = box(page, ".badge-card__qr")
    assert qr["x"] >= 0 and qr["y"] >= 0, qr
    assert qr["x"] + qr["width"] <= 360 and qr["y"] + qr["height"] <= 640, qr
    assert qr["width"] >= 200, "the code is too small to scan"
    assert page.evaluate("window.scrollY") == 0
    page.screenshot(path=artifacts / f"badge-{language}-360x640.png")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_gate_page_names_its_gate(live_server, demo_site, browser, artifacts, language):
    token = gate_token_issue(gate=Gate.objects.get(slug="main-entrance"))
    login = next(demo for demo in DEMO_LOGINS if demo.email == "gate@fair.example")
    page = new_page(browser, PHONE)
    sign_in(
        page,
        live_server.url,
        login.email,
        login.password,
        language=language,
        next_path=f"/{language}/gate/",
    )
    page.wait_for_url(f"{live_server.url}/{language}/gate/")

    page.wait_for_selector("#gate-setup:not([hidden])")
    assert "manage.py" not in page.inner_text("body")
    assert GATE_NAMES[language] not in page.inner_text("h1")
    page.screenshot(path=artifacts / f"gate-setup-{language}-phone.png")
    page.fill("#gate-token", token)
    page.click("#gate-setup button[type=submit]")

    page.wait_for_function(
        "(name) => document.querySelector('h1').textContent.includes(name)",
        arg=GATE_NAMES[language],
    )
    assert "manage.py" not in page.content()
    page.screenshot(path=artifacts / f"gate-{language}-phone.png", full_page=True)
    assert_accessible(page, f"gate ({language}), phone")

    # Opened again, the page still knows its gate.
    page.reload()
    page.wait_for_selector("#gate-scan:not([hidden])")
    assert GATE_NAMES[language] in page.inner_text("h1")

    page.set_viewport_size(WIDE)
    assert_accessible(page, f"gate ({language}), wide")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_phone_pages_pass_axe_on_a_phone_and_a_wide_screen(
    live_server, demo_site, browser, artifacts, language
):
    badge = Badge.objects.filter(edition=Edition.objects.current()).first()
    for viewport in [PHONE, WIDE]:
        page = new_page(browser, viewport)
        urls = {
            "home": f"{live_server.url}/{language}/",
            "directory": directory_url(page, live_server, language),
            "badge": f"{live_server.url}/{language}/visit/badge/{badge_link_token(badge)}/",
        }
        for name, url in urls.items():
            page.goto(url)
            assert_accessible(page, f"{name} ({language}) at {viewport['width']} px")
            if viewport is WIDE and name != "badge":
                # On a wide screen the menu is inline, the button gone.
                assert page.locator(".main-menu a").first.is_visible()
                assert page.locator(".account-nav a").first.is_visible()
                assert page.locator("summary.site-nav__toggle").is_hidden()
                assert box(page, ".site-header")["height"] < 160
            page.screenshot(path=artifacts / f"phone-{name}-{language}-{viewport['width']}.png")
        page.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_exhibitors_hall_plan_is_readable_on_a_phone(
    live_server, demo_site, browser, artifacts, language
):
    """The stand codes on the hall plan are 12 px tall, the plan scrolls in its frame (not
    the page) and opens on the exhibitor's own stand."""
    login = next(demo for demo in DEMO_LOGINS if demo.email == "exhibitor@fair.example")
    user = User.objects.get(email=login.email)
    application = (
        Application.objects.filter(cooperative__managers=user, stand__isnull=False)
        .order_by("pk")
        .first()
    )
    page = new_page(browser, PHONE)
    sign_in(page, live_server.url, login.email, login.password, language=language)
    page.goto(f"{live_server.url}/{language}/portal/applications/{application.pk}/")

    heights = page.eval_on_selector_all(
        ".hall-plan text", "(texts) => texts.map((t) => t.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 11, heights
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    frame, mine = box(page, ".hall-plan-frame"), box(page, ".hall-plan__stand--mine rect")
    stroke = 2  # the stand's outline may stand out of a frame's edge by half its width
    assert frame["x"] - stroke <= mine["x"]
    assert mine["x"] + mine["width"] <= frame["x"] + frame["width"] + stroke
    assert_accessible(page, f"application ({language}) on a phone")
    page.screenshot(path=artifacts / f"phone-hall-plan-{language}.png")
