"""Twenty phones at one stand scan one visitor's badge at the same instant: one visit, one
lead, every scan counted on it.

Runs on SQLite (a file database: the default) and on PostgreSQL (DATABASE_URL), through the
real view, each thread with its own connection, as concurrent requests are.
"""

import pytest
from django.test import Client

from exhibitors.models import StandVisit
from tests.concurrency import at_once
from tests.exhibitors.leads import paired_token, stand_at, visitor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCANS = 20


def test_twenty_simultaneous_scans_of_a_badge_make_one_lead(fair_today):
    stand = stand_at(fair_today)
    badge = visitor(fair_today, findable=True, name="Salma Alaoui")
    tokens = [paired_token(stand, name=f"Phone {n}") for n in range(SCANS)]

    def scan(index):
        response = Client().post(
            "/en/portal/stand-scanner/scan",
            {"code": badge.code, "scan_id": f"phone-{index}"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {tokens[index]}",
        )
        answer = response.json()
        return response.status_code, answer.get("result"), answer.get("tone"), answer.get("lead")

    # A crash is a failure of the guarantee: it counts as a server error.
    responses = [
        (500, repr(outcome), None, None) if isinstance(outcome, Exception) else outcome
        for outcome in at_once(scan, list(range(SCANS)))
    ]

    assert [status for status, *_rest in responses] == [200] * SCANS, responses
    assert {result for _status, result, _tone, _lead in responses} == {"lead"}
    tones = sorted(tone for _status, _result, tone, _lead in responses)
    assert tones == ["ok"] + ["warning"] * (SCANS - 1)  # one first scan, the others again
    visit = StandVisit.objects.get()
    assert {lead["id"] for *_rest, lead in responses} == {visit.pk}
    assert (visit.application, visit.attendee, visit.scans) == (stand, badge.attendee, SCANS)
    assert sorted(visit.scan_ids) == sorted(f"phone-{n}" for n in range(SCANS))


def test_twenty_simultaneous_visitors_at_one_stand_each_make_a_visit(fair_today):
    stand = stand_at(fair_today)
    token = paired_token(stand)
    badges = [visitor(fair_today, findable=n % 2 == 0, number=n) for n in range(SCANS)]

    def scan(badge):
        response = Client().post(
            "/en/portal/stand-scanner/scan",
            {"code": badge.code},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        return response.status_code, response.json().get("result")

    responses = [
        (500, repr(outcome)) if isinstance(outcome, Exception) else outcome
        for outcome in at_once(scan, badges)
    ]

    assert sorted(responses) == sorted([(200, "lead")] * 10 + [(200, "visit")] * 10), responses
    assert StandVisit.objects.filter(application=stand).count() == SCANS
