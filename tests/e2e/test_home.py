import pytest

# The live server reads through its own connection, so the data must be committed; the
# serialized rollback puts back what migrations made (locales, root page, roles) after each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def page_state(page) -> dict:
    return page.evaluate(
        """() => ({
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
            direction: getComputedStyle(document.body).direction,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            h1: document.querySelector('h1').textContent.trim(),
        })"""
    )


def test_arabic_home_is_right_to_left_and_switches_to_french(
    live_server, demo_site, phone, artifacts
):
    phone.goto(f"{live_server.url}/ar/")

    arabic = page_state(phone)
    assert (arabic["lang"], arabic["dir"], arabic["direction"]) == ("ar", "rtl", "rtl")
    assert arabic["overflow"] <= 0, "the page is wider than a 360-px phone"
    assert arabic["h1"] == "المعرض الجهوي للاقتصاد الاجتماعي والتضامني"
    phone.screenshot(path=artifacts / "home-ar-phone.png", full_page=True)

    phone.get_by_role("navigation", name="اللغة").get_by_role("link", name="Français").click()
    phone.wait_for_url(f"{live_server.url}/fr/")

    french = page_state(phone)
    assert (french["lang"], french["dir"], french["direction"]) == ("fr", "ltr", "ltr")
    assert french["overflow"] <= 0
    assert french["h1"] == "Salon régional de l'économie sociale et solidaire"
    phone.screenshot(path=artifacts / "home-fr-phone.png", full_page=True)


def test_switcher_keeps_the_reader_on_the_same_page(live_server, demo_site, phone):
    phone.goto(f"{live_server.url}/ar/about/")

    phone.get_by_role("navigation", name="اللغة").get_by_role("link", name="Français").click()

    phone.wait_for_url(f"{live_server.url}/fr/a-propos/")
    assert page_state(phone)["h1"] == "À propos du salon"


def test_english_home_on_a_phone(live_server, demo_site, phone, artifacts):
    phone.goto(f"{live_server.url}/en/")

    state = page_state(phone)
    assert (state["lang"], state["dir"]) == ("en", "ltr")
    assert state["overflow"] <= 0
    phone.screenshot(path=artifacts / "home-en-phone.png", full_page=True)


def test_keyboard_users_can_skip_to_the_content(live_server, demo_site, phone):
    phone.goto(f"{live_server.url}/fr/")

    phone.keyboard.press("Tab")
    focused = phone.evaluate("document.activeElement.textContent.trim()")
    phone.keyboard.press("Enter")

    assert focused == "Aller au contenu"
    assert phone.evaluate("location.hash") == "#main"
