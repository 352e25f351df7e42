"""No personal data in the logs or in the addresses: a visitor registers, asks for their
badge link again, is scanned at the gate, reads their data and asks to be erased, and an
account holder signs up; every log line written meanwhile (as the JSON lines production
writes, with their extra fields) and every address they were sent to is free of their name,
address and number."""

import json
import logging
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client

from events.models import Badge
from events.services.devices import gate_token_issue
from fairsite.logs import JsonFormatter
from tests.factories import GateFactory

pytestmark = pytest.mark.django_db

NAME = "خديجة المرابط"
EMAIL = "khadija.mrabet5@example.ma"
ORGANISATION = "Coopérative Tafilalet Mrabet"
NEEDLES = [NAME, EMAIL, ORGANISATION, "mrabet"]


class Everything(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines = []
        self.formatter = JsonFormatter()

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def every_log_line():
    handler = Everything()
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler.lines
    root.removeHandler(handler)
    root.setLevel(level)


def test_a_visitor_s_journey_leaves_their_data_out_of_logs_and_addresses(
    homes, registration_open, every_log_line
):
    visitor = Client()
    addresses = []

    def go(method, url, data=None, **extra):
        response = getattr(visitor, method)(url, data or {}, **extra)
        addresses.append(url)
        if response.has_header("Location"):
            addresses.append(response["Location"])
        return response

    form = BeautifulSoup(go("get", "/ar/visit/").content, "html.parser").find(
        "form", attrs={"method": "post"}
    )
    assert form is not None and form.find("input", attrs={"name": "email"})
    registered = go(
        "post",
        "/ar/visit/",
        {
            "full_name": NAME,
            "email": EMAIL,
            "organisation": ORGANISATION,
            "how_heard": "",
            "language": "ar",
            "consent_news": "on",
        },
    )
    assert registered.status_code == 302
    badge_page = registered["Location"]
    page = go("get", badge_page)
    assert NAME in page.content.decode()
    addresses += [a["href"] for a in BeautifulSoup(page.content, "html.parser").select("a[href]")]
    go("post", "/ar/visit/badge-link/", {"email": EMAIL})
    badge = Badge.objects.get(attendee__email=EMAIL)
    token = gate_token_issue(gate=GateFactory())
    scanned = go(
        "post",
        "/api/checkin/scan",
        json.dumps({"code": badge.code}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert scanned.json()["result"] == "ok"
    data_page = badge_page.replace("/visit/badge/", "/privacy/badge/").split("?")[0]
    assert NAME in go("get", data_page).content.decode()
    go("post", data_page)

    logged = "\n".join(every_log_line)
    assert "/ar/visit/" in logged, "the journey writes log lines, the request log among them"
    assert [needle for needle in NEEDLES if needle.lower() in logged.lower()] == []
    assert [
        address
        for address in addresses
        if any(needle.lower() in address.lower() for needle in NEEDLES)
    ] == []


def test_rate_limits_keep_no_address_in_the_cache(homes, registration_open):
    with mock.patch.object(cache, "add", wraps=cache.add) as counted:
        Client().post("/ar/visit/badge-link/", {"email": EMAIL})

    keys = [call.args[0] for call in counted.call_args_list]
    assert any(key.startswith("ratelimit:") for key in keys), "the counters are in the cache"
    assert not [key for key in keys if "mrabet" in key.lower()]
