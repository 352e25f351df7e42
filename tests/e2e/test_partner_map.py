"""The partner regions' map and flags in a real browser, with the sample data: in French and
Arabic, on a 360-px phone and a 1280-px screen, no label covers another label or a marker as
the browser draws them, every flag image loads, no flag is left as emoji (regional indicator
letters, which show as empty boxes or two letters where no emoji font is installed), and
axe finds nothing against WCAG 2.2 A/AA."""

import pytest

from tests.e2e.axe import axe_violations, describe

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SAMPLE_REGIONS = 5  # partnerships/demo.py

MEASURE = """() => {
    const svg = document.querySelector('svg.partner-map__svg');
    const view = svg.viewBox.baseVal;
    const box = (b, grow = 0) => ({
        x: b.x - grow, y: b.y - grow, w: b.width + 2 * grow, h: b.height + 2 * grow,
    });
    return {
        view: {w: view.width, h: view.height},
        labels: [...svg.querySelectorAll('text.map-label')].map(t => ({
            name: t.textContent, ...box(t.getBBox()),
            size: parseFloat(getComputedStyle(t).fontSize),
        })),
        // A dot with its outline: half the stroke lies outside the circle.
        dots: [...svg.querySelectorAll('circle.map-marker')].map(c => ({
            name: c.dataset.region || 'home',
            ...box(c.getBBox(), parseFloat(getComputedStyle(c).strokeWidth) / 2),
        })),
        screen: [...svg.querySelectorAll('text.map-label')].map(t => {
            const r = t.getBoundingClientRect();
            return {name: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height};
        }),
    };
}"""

REGIONAL_INDICATOR_TEXT = """() => {
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (/[\\u{1F1E6}-\\u{1F1FF}]/u.test(node.nodeValue)) found.push(node.nodeValue);
    }
    return found;
}"""

FLAGS = """() => [...document.querySelectorAll('img.flag')].map(img => ({
    src: img.currentSrc, complete: img.complete, natural: img.naturalWidth,
    alt: img.getAttribute('alt'), height: img.getBoundingClientRect().height,
    line: parseFloat(getComputedStyle(img.parentElement).fontSize),
}))"""


def overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["w"]
        and b["x"] < a["x"] + a["w"]
        and a["y"] < b["y"] + b["h"]
        and b["y"] < a["y"] + a["h"]
    )


def assert_flags_loaded(page, count: int):
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.flag')].every(img => img.complete)"
    )
    flags = page.evaluate(FLAGS)
    assert len(flags) == count, flags
    for flag in flags:
        assert flag["natural"] > 0, flag
        assert "/vendor/flags/" in flag["src"] and flag["src"].endswith(".svg"), flag
        assert flag["alt"] == "", flag  # the country's name is written beside it
        assert 8 <= flag["height"] <= 2.5 * flag["line"], flag
    assert page.evaluate(REGIONAL_INDICATOR_TEXT) == []


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_map_labels_cover_nothing_and_the_flags_are_images(
    live_server, demo_site, browser, artifacts, language
):
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"{live_server.url}/{language}/partnerships/")
        page.evaluate("document.fonts.ready.then(() => true)")

        drawn = page.evaluate(MEASURE)
        labels, dots = drawn["labels"], drawn["dots"]
        assert len(labels) == len(dots) == SAMPLE_REGIONS + 1
        where = f"{language} at {width} px"
        for label in labels:
            assert label["x"] >= 0 and label["x"] + label["w"] <= drawn["view"]["w"], (where, label)
            assert label["y"] >= 0 and label["y"] + label["h"] <= drawn["view"]["h"], (where, label)
            for dot in dots:
                assert not overlap(label, dot), (where, label, dot)
        for n, label in enumerate(labels):
            for other in labels[n + 1 :]:
                assert not overlap(label, other), (where, label, other)
        # The same on the screen, in CSS pixels.
        for n, label in enumerate(drawn["screen"]):
            for other in drawn["screen"][n + 1 :]:
                assert not overlap(label, other), (where, label, other)

        assert_flags_loaded(page, SAMPLE_REGIONS)
        assert not axe_violations(page), describe(axe_violations(page))
        page.screenshot(path=artifacts / f"partner-map-{language}-{width}.png", full_page=True)
        context.close()


def test_a_region_page_shows_its_flag_as_an_image(live_server, demo_site, phone, artifacts):
    phone.goto(f"{live_server.url}/ar/partnerships/dakar/")

    assert_flags_loaded(phone, 1)
    flag, heading = phone.locator("h1 img.flag"), phone.locator("h1")
    assert flag.count() == 1
    # On the heading's line, at its start: the right in Arabic.
    flag_box, heading_box = flag.bounding_box(), heading.bounding_box()
    assert heading_box["y"] <= flag_box["y"] <= heading_box["y"] + heading_box["height"]
    assert flag_box["x"] + flag_box["width"] > heading_box["x"] + heading_box["width"] - 60
    assert not axe_violations(phone), describe(axe_violations(phone))
    phone.screenshot(path=artifacts / "partner-region-flag-ar-phone.png", full_page=True)
