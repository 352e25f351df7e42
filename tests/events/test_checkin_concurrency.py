"""Twenty gates scan one once-a-day badge at the same instant: exactly one admits it.

Runs on SQLite (a file database: the default) and on PostgreSQL (DATABASE_URL), through the
real view, each thread with its own connection, as concurrent requests are.
"""

import pytest
from django.test import Client

from events.models import CheckIn
from events.services.badges import attendee_register
from events.services.devices import gate_token_issue
from tests.concurrency import at_once
from tests.factories import GateFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCANS = 20


def test_twenty_simultaneous_scans_admit_exactly_one(fair_today):
    _attendee, badge = attendee_register(
        edition=fair_today, category="visitor", full_name="Yassine"
    )
    gates = [GateFactory() for _n in range(SCANS)]
    tokens = [gate_token_issue(gate=gate) for gate in gates]

    def scan(token):
        response = Client().post(
            "/api/checkin/scan",
            {"code": badge.code},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        return response.status_code, response.json().get("result")

    # A crash is a failure of the guarantee: it counts as a server error.
    responses = [
        (500, repr(outcome)) if isinstance(outcome, Exception) else outcome
        for outcome in at_once(scan, tokens)
    ]

    assert [status for status, _result in responses] == [200] * SCANS, responses
    results = sorted(result for _status, result in responses)
    assert results == ["already_in"] * (SCANS - 1) + ["ok"]
    assert CheckIn.objects.filter(badge=badge).count() == SCANS
    assert CheckIn.objects.filter(badge=badge, result="ok").count() == 1
