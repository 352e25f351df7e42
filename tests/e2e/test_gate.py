"""The gate page in Chromium: a wedge scanner admits a badge, the second scan is "already in",
then the network drops, another badge is admitted offline, and once back online the server
has both scans; a phone's camera reads a badge; the page opens again with no network."""

import datetime
import re
import time
from zoneinfo import ZoneInfo

import pytest

from events.models import CheckIn
from events.services.badges import attendee_register
from events.services.devices import gate_token_issue
from fairsite.services.site import home_pages_ensure
from tests.e2e.camera import camera_args, qr_video
from tests.factories import PASSWORD, GateFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def wait_for(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def gate_token(db):
    home_pages_ensure()
    UserFactory(email="gate@fair.example", groups=["Gate staff"])
    return gate_token_issue(gate=GateFactory(slug="main"))


def open_gate(browser, live_server, token, **context_options):
    """Gate staff sign in on a phone, open the gate page and enter the gate's token."""
    context = browser.new_context(viewport={"width": 360, "height": 780}, **context_options)
    page = context.new_page()
    page.goto(f"{live_server.url}/ar/accounts/login/?next=/ar/gate/")
    page.fill("input[name=login]", "gate@fair.example")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/ar/gate/")
    page.fill("#gate-token", token)
    page.click("#gate-setup button[type=submit]")
    page.wait_for_function("() => JSON.parse(localStorage.getItem('gate.keys') || 'null') !== null")
    return context, page


def test_the_gate_page_online_then_offline(live_server, fair_today, gate_token, browser, artifacts):
    first = attendee_register(edition=fair_today, category="visitor", full_name="سلمى العلوي")[1]
    second = attendee_register(edition=fair_today, category="visitor", full_name="Karim Benali")[1]
    context, page = open_gate(browser, live_server, gate_token)
    assert page.evaluate("document.documentElement.dir") == "rtl"

    # A keyboard-wedge scanner types the code and Enter into the focused field.
    page.keyboard.type(first.code)
    page.keyboard.press("Enter")
    page.wait_for_selector(".gate__result--ok")
    assert page.inner_text(".gate__name") == "سلمى العلوي"
    page.keyboard.type(first.code)
    page.keyboard.press("Enter")
    page.wait_for_selector(".gate__result--warning")
    page.screenshot(path=artifacts / "gate-already-in-ar.png", full_page=True)

    context.set_offline(True)
    page.keyboard.type(second.code)
    page.keyboard.press("Enter")
    page.wait_for_selector(".gate__result--ok")
    assert page.evaluate("JSON.parse(localStorage.getItem('gate.queue')).length") == 1
    assert not CheckIn.objects.filter(badge=second).exists()
    page.screenshot(path=artifacts / "gate-offline-ar.png", full_page=True)

    context.set_offline(False)
    synced = CheckIn.objects.filter(badge=second, offline=True, result="ok")
    assert wait_for(synced.exists)
    assert CheckIn.objects.filter(badge=first).count() == 2
    assert page.wait_for_function(
        "() => JSON.parse(localStorage.getItem('gate.queue')).length === 0"
    )


def test_a_phone_set_to_another_zone_shows_the_fairs_clock(
    live_server, fair_today, gate_token, browser
):
    badge = attendee_register(edition=fair_today, category="visitor", full_name="Karim Benali")[1]
    _context, page = open_gate(browser, live_server, gate_token, timezone_id="America/New_York")

    for _scan in range(2):
        page.keyboard.type(badge.code)
        page.keyboard.press("Enter")
    page.wait_for_selector(".gate__result--warning")

    entry = CheckIn.objects.get(badge=badge, result="ok").scanned_at.astimezone(
        ZoneInfo(fair_today.time_zone)
    )
    assert entry.strftime("%H:%M:%S") in page.inner_text("#gate-result")
    # The list of last scans carries the device's own moment of each scan, a second or so
    # from the server's: on the fair's clock it is within a minute, on New York's hours off.
    times = re.findall(r"\d\d:\d\d:\d\d", page.inner_text("#gate-last"))
    assert len(times) == 2
    for shown in times:
        moment = datetime.datetime.combine(
            entry.date(), datetime.time.fromisoformat(shown), tzinfo=entry.tzinfo
        )
        assert abs(moment - entry) < datetime.timedelta(minutes=1), shown


def test_the_camera_reads_a_badge(
    live_server, fair_today, gate_token, launch_browser, tmp_path, artifacts
):
    badge = attendee_register(edition=fair_today, category="speaker", full_name="Aïcha Diop")[1]
    browser = launch_browser(*camera_args(qr_video(badge.code, tmp_path / "badge.y4m")))
    _context, page = open_gate(browser, live_server, gate_token)
    # Chromium on Linux has no BarcodeDetector: the page reads the frames with jsQR.
    assert page.evaluate("'BarcodeDetector' in window") is False

    page.click("#gate-camera")

    page.wait_for_selector(".gate__result--ok", timeout=15000)
    assert page.inner_text(".gate__name") == "Aïcha Diop"
    page.screenshot(path=artifacts / "gate-camera-ar.png", full_page=True)
    assert CheckIn.objects.filter(badge=badge, result="ok").exists()


def test_the_gate_page_opens_again_with_no_network(
    live_server, fair_today, gate_token, browser, artifacts
):
    badge = attendee_register(edition=fair_today, category="visitor", full_name="Youssef Amrani")[1]
    context, page = open_gate(browser, live_server, gate_token)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function(
        "() => caches.open('fairsite-gate-v1').then((cache) => cache.keys())"
        ".then((keys) => keys.some((request) => request.url.endsWith('/ar/gate/')))"
    )

    context.set_offline(True)
    page.reload()

    page.wait_for_selector("#gate-scan:not([hidden])")
    page.keyboard.type(badge.code)
    page.keyboard.press("Enter")
    page.wait_for_selector(".gate__result--ok")
    assert page.inner_text(".gate__name") == ""  # offline, the device knows no names
    page.screenshot(path=artifacts / "gate-reopened-offline-ar.png", full_page=True)
    context.set_offline(False)
    assert wait_for(CheckIn.objects.filter(badge=badge, offline=True, result="ok").exists)


def test_the_gate_page_is_for_gate_staff_only(live_server, fair_today, client):
    UserFactory(email="visitor@fair.example")
    client.login(email="visitor@fair.example", password=PASSWORD)

    assert client.get("/ar/gate/").status_code == 403
