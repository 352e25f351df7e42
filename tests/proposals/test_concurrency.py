"""Two organisers accept the same proposal at the same instant: one session is made."""

import pytest
from django.db import connection

from programme.models import Session
from proposals import services
from proposals.choices import ProposalStatus
from proposals.errors import InvalidTransition
from proposals.models import Proposal
from tests.concurrency import at_once
from tests.factories import UserFactory
from tests.proposals.conftest import grant, make_proposal

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks between connections: runs on PostgreSQL (DATABASE_URL)",
    ),
]


def test_two_accepts_at_once_make_one_session(call, submitter, reviewers):
    proposal = make_proposal(call, submitter)
    for reviewer in reviewers:
        services.review_save(proposal=proposal, by=reviewer, score=5)
    organisers = [grant(UserFactory(), "change_proposal") for _ in range(4)]

    outcomes = at_once(
        lambda by: services.proposal_accept(proposal=Proposal.objects.get(pk=proposal.pk), by=by),
        organisers,
    )

    accepted = [o for o in outcomes if isinstance(o, Proposal)]
    refused = [o for o in outcomes if isinstance(o, InvalidTransition)]
    assert len(accepted) == 1 and len(refused) == 3, outcomes
    assert Session.objects.count() == 1
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.session == Session.objects.get()
