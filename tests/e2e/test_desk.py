"""The registration desk in Chromium: staff sign in, register a walk-in in Arabic, the badge
page prints itself on A6 (or a 62 mm label, remembered by the device), the QR code read off
that page is admitted at the gate page; the kiosk stays on its own pages in every language,
with large targets for fingers."""

import io

import pypdf
import pytest
import zxingcpp
from PIL import Image

from events.models import Badge, CheckIn
from events.services.badges import badges_issue_blank
from fairsite.services.site import home_pages_ensure
from tests.e2e.axe import axe_violations, describe
from tests.e2e.camera import camera_args, qr_video
from tests.e2e.conftest import DESK, sign_in, viewport_context
from tests.e2e.test_gate import gate_token, open_gate  # noqa: F401 (the gate's fixture)
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MM = 72 / 25.4  # PDF points in a millimetre
# window.print() opens the system's dialog: the test counts the calls instead.
COUNT_PRINTS = "window.printed = 0; window.print = () => { window.printed += 1; };"


def page_sizes_mm(pdf: bytes) -> list[tuple[int, int]]:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return [
        (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM))
        for page in pages
    ]


@pytest.fixture
def desk_staff(db):
    return UserFactory(email="desk@fair.example", groups=["Gate staff"])


def test_a_walk_in_registered_at_the_desk_is_printed_and_admitted_at_the_gate(
    live_server,
    fair_today,
    gate_token,  # noqa: F811 (the fixture imported above)
    desk_staff,
    browser,
    artifacts,
):
    context = viewport_context(browser, DESK)
    context.add_init_script(COUNT_PRINTS)
    page = context.new_page()
    sign_in(page, live_server.url, desk_staff.email, PASSWORD, next_path="/ar/desk/")
    page.wait_for_url(f"{live_server.url}/ar/desk/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    # The name is where the staff start typing.
    assert page.evaluate("document.activeElement.name") == "full_name"
    assert axe_violations(page) == [], describe(axe_violations(page))

    page.keyboard.type("سلمى العلوي")
    page.fill("input[name=organisation]", "تعاونية الزيتون بركان")
    page.click("main form.desk__form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/ar/desk/badge/**")

    # The print dialog opened by itself, once, on an A6 page holding the badge alone.
    page.wait_for_function("() => window.printed === 1")
    assert page.evaluate("document.documentElement.dataset.paper") == "a6"
    badge = Badge.objects.get(attendee__full_name="سلمى العلوي")
    assert page.locator(".print-badge").get_attribute("data-code") == badge.code
    assert page.inner_text(".print-badge__name") == "سلمى العلوي"
    page.screenshot(path=artifacts / "desk-badge-a6-ar.png", full_page=True)
    assert axe_violations(page) == [], describe(axe_violations(page))
    page.emulate_media(media="print")
    a6 = page.pdf(prefer_css_page_size=True, print_background=True)
    assert page_sizes_mm(a6) == [(105, 148)]
    page.emulate_media(media="screen")

    # The staff switch to the label printer: it prints on a 62 mm label, and the device
    # keeps the choice for the next badge.
    page.click("a[data-paper=label]")
    page.wait_for_function("() => window.printed === 2")
    page.emulate_media(media="print")
    label = page.pdf(prefer_css_page_size=True, print_background=True)
    assert page_sizes_mm(label) == [(62, 100)]
    page.emulate_media(media="screen")
    page.click("#desk-reprint")
    page.wait_for_function("() => window.printed === 3")
    page.reload()
    assert page.evaluate("document.documentElement.dataset.paper") == "label"

    # The QR code read off the page, as a scanner reads it from the paper.
    shot = page.locator(".print-badge__qr").screenshot()
    [read] = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))
    assert read.text == badge.code

    page.click("#desk-next")
    page.wait_for_url(f"{live_server.url}/ar/desk/")
    assert page.input_value("input[name=full_name]") == ""

    # The gate admits it.
    _gate_context, gate = open_gate(browser, live_server, gate_token)
    gate.keyboard.type(read.text)
    gate.keyboard.press("Enter")
    gate.wait_for_selector(".gate__result--ok")
    assert gate.inner_text(".gate__name") == "سلمى العلوي"
    gate.screenshot(path=artifacts / "desk-badge-admitted-ar.png", full_page=True)
    assert CheckIn.objects.get(badge=badge).result == "ok"
    assert Badge.objects.get(pk=badge.pk).attendee.registered_via == "desk"


def test_the_kiosk_keeps_to_itself_with_large_targets(
    live_server, fair_today, desk_staff, browser, artifacts
):
    home_pages_ensure()
    context = viewport_context(browser, {"width": 800, "height": 1280})
    context.add_init_script(COUNT_PRINTS)
    page = context.new_page()
    sign_in(page, live_server.url, desk_staff.email, PASSWORD, next_path="/ar/desk/kiosk/")
    page.wait_for_url(f"{live_server.url}/ar/desk/kiosk/")

    # The language switch stays in the kiosk, and every link leads into it.
    page.click("a[hreflang=fr]")
    page.wait_for_url(f"{live_server.url}/fr/desk/kiosk/")
    assert page.evaluate("document.documentElement.lang") == "fr"
    links = page.eval_on_selector_all("a", "(links) => links.map((link) => link.pathname)")
    assert sorted(links) == ["/ar/desk/kiosk/", "/en/desk/kiosk/", "/fr/desk/kiosk/"]
    targets = page.eval_on_selector_all(
        "main input:not([type=hidden]):not([type=checkbox]), main select, main button, header a",
        "(nodes) => nodes.map((node) => node.getBoundingClientRect().height)",
    )
    assert targets and min(targets) >= 48, targets
    assert axe_violations(page) == [], describe(axe_violations(page))
    page.screenshot(path=artifacts / "desk-kiosk-fr.png", full_page=True)

    page.fill("input[name=full_name]", "Awa Ndiaye")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/fr/desk/kiosk/badge/**")
    page.wait_for_function("() => window.printed === 1")
    assert page.inner_text(".print-badge__name") == "Awa Ndiaye"
    assert Badge.objects.get().attendee.registered_via == "kiosk"
    # Then back to an empty form for the next visitor, by itself.
    page.wait_for_url(f"{live_server.url}/fr/desk/kiosk/", timeout=30000)
    assert page.input_value("input[name=full_name]") == ""


def test_blank_badges_are_bound_by_camera_and_by_scanner(
    live_server, fair_today, desk_staff, launch_browser, tmp_path, artifacts
):
    home_pages_ensure()
    by_camera, by_scanner = badges_issue_blank(edition=fair_today, category="visitor", count=2)
    browser = launch_browser(*camera_args(qr_video(by_camera.code, tmp_path / "blank.y4m")))
    page = viewport_context(browser, DESK).new_page()
    sign_in(page, live_server.url, desk_staff.email, PASSWORD, next_path="/ar/desk/bind/")
    page.wait_for_url(f"{live_server.url}/ar/desk/bind/")

    # The camera reads the badge into the code field; the name is next.
    page.click("#desk-camera")
    page.wait_for_function("() => document.activeElement.name === 'full_name'", timeout=15000)
    assert page.input_value("input[name=code]") == by_camera.code
    page.keyboard.type("يوسف العمراني")
    page.click("main form#desk-bind button[type=submit]")
    page.wait_for_selector(".message--success")
    assert "يوسف العمراني" in page.inner_text(".message--success")
    assert axe_violations(page) == [], describe(axe_violations(page))
    page.screenshot(path=artifacts / "desk-bind-ar.png", full_page=True)

    # A wedge scanner types the code and Enter: that moves on to the name, sends nothing.
    assert page.evaluate("document.activeElement.name") == "code"
    page.keyboard.type(by_scanner.code)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "full_name"
    page.keyboard.type("Karim Benali")
    page.keyboard.press("Enter")
    page.wait_for_selector(".message--success")

    # The same badge scanned again is refused: it has its holder.
    page.fill("input[name=code]", by_scanner.code)
    page.fill("input[name=full_name]", "Someone else")
    page.click("main form#desk-bind button[type=submit]")
    page.wait_for_selector(".errorlist")
    names = Badge.objects.filter(pk__in=[by_camera.pk, by_scanner.pk]).order_by("pk")
    assert [badge.attendee.full_name for badge in names] == ["يوسف العمراني", "Karim Benali"]
    assert {badge.attendee.registered_via for badge in names} == {"blank_badge"}
