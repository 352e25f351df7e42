"""Fifty people scan into a twenty-seat session at the same instant, at the room's five
doors: twenty are admitted.

Runs on PostgreSQL (DATABASE_URL), through the real view, each thread with its own
connection, as concurrent requests are; on SQLite the transactions take the write lock one
after the other anyway.
"""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from events.services.badges import attendee_register
from events.services.devices import device_pair, device_pairing_start
from programme.models import RoomDevice, SessionAttendance
from programme.services.signups import session_signup
from tests.concurrency import at_once
from tests.factories import RoomFactory, SessionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks between connections: runs on PostgreSQL (DATABASE_URL)",
    ),
]

PEOPLE = 50
SEATS = 20
SIGNED_UP = 5
DOORS = 5


def test_fifty_people_scanning_into_twenty_seats_make_twenty_admissions(fair_today):
    starts = timezone.now() - datetime.timedelta(minutes=2)
    session = SessionFactory(
        edition=fair_today,
        room=RoomFactory(venue=fair_today.venue, capacity=SEATS),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        signup_required=True,
    )
    people = [
        attendee_register(edition=fair_today, category="visitor", full_name=f"V{n}")
        for n in range(PEOPLE)
    ]
    # The last five have places: they are let in whoever else comes first.
    for attendee, _badge in people[-SIGNED_UP:]:
        session_signup(session=session, attendee=attendee)

    tokens = []
    for _door in range(DOORS):
        _device, code = device_pairing_start(model=RoomDevice, post=session.room, by=None)
        tokens.append(device_pair(model=RoomDevice, code=code)[1])

    def scan(index):
        response = Client().post(
            "/api/rooms/scan",
            {"code": people[index][1].code, "scan_id": f"scan-{index}"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {tokens[index % DOORS]}",
        )
        return response.status_code, response.json()

    # A crash is a failure of the guarantee: it counts as a server error.
    responses = [
        (500, {"result": repr(outcome)}) if isinstance(outcome, Exception) else outcome
        for outcome in at_once(scan, list(range(PEOPLE)))
    ]

    assert [status for status, _answer in responses] == [200] * PEOPLE, responses
    results = [answer["result"] for _status, answer in responses]
    assert results.count("ok") == SEATS and results.count("full") == PEOPLE - SEATS
    assert results[-SIGNED_UP:] == ["ok"] * SIGNED_UP
    assert SessionAttendance.objects.filter(session=session).count() == SEATS
    assert max(answer["seats"]["taken"] for _status, answer in responses) == SEATS
