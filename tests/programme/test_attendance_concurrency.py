"""Fifty people scan into a twenty-seat session at the same instant: twenty are admitted.

Runs on PostgreSQL (DATABASE_URL), each thread with its own connection, as concurrent
requests are; on SQLite the transactions take the write lock one after the other anyway.
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from events.services.badges import attendee_register
from programme.models import SessionAttendance
from programme.services.attendance import attendance_scan
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

    outcomes = at_once(
        lambda badge: attendance_scan(room=session.room, code=badge.code),
        [badge for _attendee, badge in people],
    )

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    results = [o.result for o in outcomes]
    assert results.count("ok") == SEATS and results.count("full") == PEOPLE - SEATS
    assert [o.result for o in outcomes[-SIGNED_UP:]] == ["ok"] * SIGNED_UP
    assert SessionAttendance.objects.filter(session=session).count() == SEATS
    assert max(o.taken for o in outcomes) == SEATS
