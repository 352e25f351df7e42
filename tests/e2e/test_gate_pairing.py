"""A gate phone is paired by pointing its camera at the pairing QR, then the sample data's
test badge is admitted at the gate page in orange, as a rehearsal, online and offline."""

import pytest

from events.demo import demo_rehearsal_badge_ensure
from events.models import CheckIn, Edition, Gate, GateDevice
from events.services.badges import attendee_register
from events.services.devices import PAIRING_PREFIX, device_pairing_start
from tests.e2e.camera import camera_args, qr_video
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_phone_pairs_in_one_scan_and_admits_the_rehearsal_badge(
    live_server, demo_site, launch_browser, tmp_path, artifacts
):
    edition = Edition.objects.current()
    badge = demo_rehearsal_badge_ensure(edition=edition)
    gate = Gate.objects.get(slug="main-entrance")
    _device, code = device_pairing_start(model=GateDevice, post=gate, by=None, name="Phone 3")
    browser = launch_browser(*camera_args(qr_video(PAIRING_PREFIX + code, tmp_path / "p.y4m")))
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    sign_in(page, live_server.url, "gate@fair.example", "oriental-gate", next_path="/ar/gate/")
    page.wait_for_url(f"{live_server.url}/ar/gate/")
    page.screenshot(path=artifacts / "gate-pairing-ar.png", full_page=True)

    page.click("#gate-pair-camera")

    page.wait_for_selector("#gate-scan:not([hidden])", timeout=15000)
    page.wait_for_function(
        "() => document.getElementById('gate-name').textContent.includes('المدخل')"
    )
    assert GateDevice.objects.paired().filter(gate=gate, name="Phone 3").exists()
    page.fill("#gate-code", badge.code)
    page.keyboard.press("Enter")
    page.wait_for_selector(".gate__result--rehearsal")
    assert page.inner_text(".gate__name") == badge.attendee.full_name
    page.screenshot(path=artifacts / "gate-rehearsal-ar.png", full_page=True)
    assert CheckIn.objects.filter(badge=badge, result="ok").count() == 1

    # Offline, the page judges a second test badge itself: orange too.
    other = attendee_register(edition=edition, category="test", full_name="Essai 2")[1]
    page.wait_for_function("() => JSON.parse(localStorage.getItem('gate.keys') || 'null') !== null")
    context.set_offline(True)
    page.fill("#gate-code", other.code)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelectorAll('#gate-last li.rehearsal').length === 2"
    )
    assert page.evaluate("JSON.parse(localStorage.getItem('gate.queue')).length") == 1
    context.close()


def test_a_wrong_pairing_code_is_explained_in_the_pages_language(live_server, demo_site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="fr-FR")
    page = context.new_page()
    sign_in(
        page,
        live_server.url,
        "gate@fair.example",
        "oriental-gate",
        language="fr",
        next_path="/fr/gate/",
    )
    page.wait_for_url(f"{live_server.url}/fr/gate/")

    page.fill("#gate-token", "ABCDE-FGHIJ")
    page.click("#gate-setup button[type=submit]")

    page.wait_for_function("() => document.getElementById('gate-setup-error').textContent")
    assert "appairage" in page.inner_text("#gate-setup-error")
    assert page.is_visible("#gate-setup")
    context.close()
