"""Fifty people sign up for the last places at the same instant."""

import pytest
from django.db import connection

from events.services.badges import attendee_register
from programme.choices import SignupStatus
from programme.models import SessionSignup
from programme.services.signups import session_signup
from tests.concurrency import at_once
from tests.factories import SessionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks between connections: runs on PostgreSQL (DATABASE_URL)",
    ),
]

PEOPLE = 50
PLACES = 12


def test_fifty_simultaneous_sign_ups_never_exceed_the_places(fair_today):
    session = SessionFactory(edition=fair_today, ahead=True, capacity=PLACES, signup_required=True)
    people = [
        attendee_register(edition=fair_today, category="visitor", full_name=f"V{n}")[0]
        for n in range(PEOPLE)
    ]

    outcomes = at_once(lambda person: session_signup(session=session, attendee=person), people)

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    confirmed = SessionSignup.objects.filter(session=session, status=SignupStatus.CONFIRMED)
    waiting = SessionSignup.objects.filter(session=session, status=SignupStatus.WAITING)
    assert (confirmed.count(), waiting.count()) == (PLACES, PEOPLE - PLACES)
