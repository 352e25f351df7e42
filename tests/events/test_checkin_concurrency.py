"""Twenty gates scan one once-a-day badge at the same instant: exactly one admits it.

Runs on SQLite (a file database: the default) and on PostgreSQL (DATABASE_URL), through the
real view, each thread with its own connection, as concurrent requests are.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from events.models import CheckIn
from events.services.badges import attendee_register, gate_token_issue
from tests.factories import GateFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCANS = 20


def test_twenty_simultaneous_scans_admit_exactly_one(fair_today):
    _attendee, badge = attendee_register(
        edition=fair_today, category="visitor", full_name="Yassine"
    )
    gates = [GateFactory() for _n in range(SCANS)]
    tokens = [gate_token_issue(gate=gate) for gate in gates]
    start = threading.Barrier(SCANS)
    responses = []

    def scan(token):
        client = Client()
        try:
            start.wait()
            response = client.post(
                "/api/checkin/scan",
                {"code": badge.code},
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Bearer {token}",
            )
            responses.append((response.status_code, response.json().get("result")))
        except Exception as error:  # a crash is a failure of the guarantee, reported below
            responses.append((500, repr(error)))
        finally:
            connection.close()

    threads = [threading.Thread(target=scan, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [status for status, _result in responses] == [200] * SCANS, responses
    results = sorted(result for _status, result in responses)
    assert results == ["already_in"] * (SCANS - 1) + ["ok"]
    assert CheckIn.objects.filter(badge=badge).count() == SCANS
    assert CheckIn.objects.filter(badge=badge, result="ok").count() == 1
