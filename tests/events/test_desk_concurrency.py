"""Desks binding blank badges at the same instant, through the real service and connections
of their own: one badge gets one holder, one number one badge."""

import pytest
from django.db import connection

from events.models import Attendee
from events.services.badges import badges_issue_blank
from events.services.desk import DeskRefused, blank_badge_bind
from tests.concurrency import at_once

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks between connections: runs on PostgreSQL (DATABASE_URL)",
    ),
]


def test_eight_desks_binding_one_blank_badge_at_once_bind_it_once(fair_today):
    [blank] = badges_issue_blank(edition=fair_today, category="visitor", count=1)
    names = [f"Visitor {n}" for n in range(8)]

    outcomes = at_once(lambda name: blank_badge_bind(code=blank.code, full_name=name), names)

    bound = [outcome for outcome in outcomes if not isinstance(outcome, Exception)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, DeskRefused)]
    assert len(bound) == 1 and len(refused) == 7, outcomes
    assert {refusal.code for refusal in refused} == {"not_blank"}
    winner = names[outcomes.index(bound[0])]
    assert Attendee.objects.get(pk=blank.attendee_id).full_name == winner


def test_one_number_bound_to_two_blank_badges_at_once_gets_one(fair_today):
    blanks = badges_issue_blank(edition=fair_today, category="visitor", count=6)

    outcomes = at_once(
        lambda badge: blank_badge_bind(code=badge.code, full_name="Youssef", phone="+212612345678"),
        blanks,
    )

    bound = [outcome for outcome in outcomes if not isinstance(outcome, Exception)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, DeskRefused)]
    assert len(bound) == 1 and len(refused) == 5, outcomes
    assert {refusal.code for refusal in refused} == {"already_registered"}
    assert Attendee.objects.filter(phone="+212612345678").count() == 1
    assert Attendee.objects.filter(full_name="").count() == 5
