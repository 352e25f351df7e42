"""The observatory in a browser: the dashboard in Arabic, its charts right to left, and the
public figures on a phone."""

import pytest

from tests.e2e.conftest import PHONE
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def bars(page, key: str) -> list[dict]:
    """Each bar of the indicator's chart with its label and value, as laid out on screen."""
    return page.evaluate(
        """(key) => {
            const section = document.querySelector(`#ind-${key}`).closest('section');
            const svg = section.querySelector('svg');
            const box = (el) => {
                const r = el.getBoundingClientRect();
                return {left: r.left, right: r.right};
            };
            const labels = svg.querySelectorAll('.chart__label');
            const values = svg.querySelectorAll('.chart__value');
            return [...svg.querySelectorAll('.chart__bar')].map((bar, i) => ({
                bar: box(bar), label: box(labels[i]), value: box(values[i]),
                svg: box(svg), text: labels[i].textContent,
            }));
        }""",
        key,
    )


def test_the_dashboard_in_arabic_draws_its_charts_right_to_left(
    live_server, demo_site, browser, artifacts
):
    UserFactory(email="analyst@fair.example", groups=["Organisers"], language="ar")
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{live_server.url}/ar/accounts/login/")
    page.fill("input[name=login]", "analyst@fair.example")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/admin/observatory/")

    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("h2#ind-applications").text_content() == "طلبات المشاركة حسب الحالة"
    rows = [
        row for row in bars(page, "exhibitors_sector") if row["bar"]["right"] > row["bar"]["left"]
    ]
    assert len(rows) >= 2
    for row in rows:
        # The label on the right, the bar growing leftwards from it, the value at its end,
        # and nothing cut off by the chart's edges.
        assert row["label"]["left"] >= row["bar"]["right"] - 1, row["text"]
        assert row["value"]["right"] <= row["bar"]["left"] + 1, row["text"]
        assert row["svg"]["left"] <= min(row["value"]["left"], row["label"]["left"])
        assert row["label"]["right"] <= row["svg"]["right"]
    assert len({round(row["bar"]["right"]) for row in rows}) == 1  # all start at one edge
    assert page.locator("[data-province=nador]").count() == 1
    page.screenshot(path=artifacts / "observatory-dashboard-ar.png", full_page=True)

    page.goto(f"{live_server.url}/admin/")
    assert page.locator("#indicators-content, #indicators").count() >= 1
    page.screenshot(path=artifacts / "admin-home-ar.png")


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_public_figures_on_a_phone(live_server, demo_site, phone, artifacts, language):
    phone.goto(f"{live_server.url}/{language}/figures/")

    assert phone.locator("svg[role=img]").count() >= 3
    assert phone.locator("[data-province]").count() == 8
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is wider than a {PHONE['width']}-px phone"
    phone.screenshot(path=artifacts / f"figures-{language}-phone.png", full_page=True)
    phone.goto(f"{live_server.url}/{language}/")
    assert phone.locator(".key-figures__list li").count() >= 4
