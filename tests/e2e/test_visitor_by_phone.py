"""A visitor with a phone and no e-mail, in Arabic, in Chromium: registers with a mobile
number, types the code the SMS brought, gets the badge link by SMS, opens the badge page, and
the QR code read off that page is admitted at the gate. The text messages are read where a
developer reads them: the files the development backend writes."""

import io
import re

import pytest
import requests
import zxingcpp
from PIL import Image

from events.models import Badge, CheckIn
from events.services.devices import gate_token_issue
from tests.e2e.conftest import PHONE, viewport_context
from tests.factories import GateFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NUMBER = "+212612345678"


@pytest.fixture(autouse=True)
def sms_files(settings, tmp_path):
    settings.SMS_BACKEND = "filebased"
    settings.SMS_FILE_PATH = tmp_path / "sms"
    return settings.SMS_FILE_PATH


def received(folder) -> list[tuple[str, str]]:
    """(number, text) of each message the development backend wrote, oldest first."""
    messages = []
    for path in sorted(folder.glob("*.sms")):
        head, _blank, body = path.read_text(encoding="utf-8").partition("\n\n")
        to = next(line for line in head.splitlines() if line.startswith("To: "))[4:]
        messages.append((to, body.strip()))
    return messages


def test_a_visitor_registers_by_phone_and_is_admitted_at_the_gate(
    live_server, served_site, registration_open, browser, sms_files
):
    token = gate_token_issue(gate=GateFactory(slug="main"))
    page = viewport_context(browser, PHONE).new_page()

    page.goto(f"{live_server.url}/ar/visit/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.fill("input[name=full_name]", "حليمة الزناتي")
    page.fill("input[name=phone]", "06 12 34 56 78")
    page.click("main form.stacked-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/ar/visit/verify/")

    # The code, from the text message the phone received.
    [(to, text)] = received(sms_files)
    assert to == NUMBER
    code = re.search(r"\b\d{6}\b", text).group(0)
    assert page.locator("main bdi").inner_text() == "06 12 34 56 78"
    page.fill("input[name=code]", code)
    page.click("main form.stacked-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/ar/visit/badge/[^/]+/$"))
    assert page.locator(".badge-card__name").inner_text() == "حليمة الزناتي"

    # The badge link, by SMS: the visitor opens it later, in another tab.
    messages = received(sms_files)
    assert len(messages) == 2 and messages[-1][0] == NUMBER
    link = re.search(r"https?://\S+/ar/visit/badge/\S+/", messages[-1][1]).group(0)
    assert link.startswith(live_server.url)
    badge_page = page.context.new_page()
    badge_page.goto(link)
    assert badge_page.locator(".badge-card__name").inner_text() == "حليمة الزناتي"
    whatsapp = badge_page.locator('a[href^="https://wa.me/?text="]')
    assert whatsapp.get_attribute("target") == "_blank"

    # The gate reads the QR code off the phone's screen, and lets the visitor in.
    shot = badge_page.locator(".badge-card__qr").screenshot()
    [read] = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))
    assert read.text == Badge.objects.get(attendee__phone=NUMBER).code
    answer = requests.post(
        f"{live_server.url}/api/checkin/scan",
        json={"code": read.text, "gate": "main"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["result"] == "ok"
    assert CheckIn.objects.filter(badge__attendee__phone=NUMBER).count() == 1
