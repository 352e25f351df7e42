"""The gate page in Chromium: a wedge scanner admits a badge, the second scan is "already in",
then the network drops, another badge is admitted offline, and once back online the server
has both scans."""

import time

import pytest

from events.models import CheckIn
from events.services.badges import attendee_register, gate_token_issue
from fairsite.services.site import home_pages_ensure
from tests.factories import PASSWORD, GateFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def wait_for(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_the_gate_page_online_then_offline(live_server, fair_today, browser, artifacts):
    home_pages_ensure()
    gate = GateFactory(slug="main")
    token = gate_token_issue(gate=gate)
    UserFactory(email="gate@fair.example", groups=["Gate staff"])
    first = attendee_register(edition=fair_today, category="visitor", full_name="سلمى العلوي")[1]
    second = attendee_register(edition=fair_today, category="visitor", full_name="Karim Benali")[1]
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(f"{live_server.url}/ar/accounts/login/?next=/ar/gate/")
    page.fill("input[name=login]", "gate@fair.example")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/ar/gate/")
    assert page.evaluate("document.documentElement.dir") == "rtl"

    page.fill("#gate-token", token)
    page.click("#gate-setup button[type=submit]")
    page.wait_for_function("JSON.parse(localStorage.getItem('gate.keys') || 'null') !== null")

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
    assert page.wait_for_function("JSON.parse(localStorage.getItem('gate.queue')).length === 0")


def test_the_gate_page_is_for_gate_staff_only(live_server, fair_today, client):
    UserFactory(email="visitor@fair.example")
    client.login(email="visitor@fair.example", password=PASSWORD)

    assert client.get("/ar/gate/").status_code == 403
