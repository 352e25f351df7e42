"""A proposer's and an invited speaker's data: exported, then erased; accepted proposals stay."""

import pytest

from fairsite.personal_data import Subject
from proposals import services
from proposals.choices import ProposalStatus
from proposals.models import InvitedSpeaker, Proposal
from proposals.personal_data import ProposalRecords
from tests.proposals.conftest import make_proposal

pytestmark = pytest.mark.django_db


def test_proposer_and_speaker_data_exported_then_erased(call, submitter, reviewers, organiser):
    accepted = make_proposal(call, submitter, title="ورشة مقبولة")
    services.speaker_invite(
        proposal=accepted, by=submitter, name="Souad", email="souad@fair.example", language="fr"
    )
    for reviewer in reviewers:
        services.review_save(proposal=accepted, by=reviewer, score=4)
    services.proposal_accept(proposal=accepted, by=organiser)
    make_proposal(call, submitter, title="مسودة", submit=False)
    records = ProposalRecords()

    proposer = Subject(user_ids={submitter.pk}, emails={submitter.email})
    exported = [value for rows in records.collect(proposer) for _label, value in rows]
    assert "ورشة مقبولة" in exported and "مسودة" in exported
    speaker = Subject(emails={"souad@fair.example"})
    assert "souad@fair.example" in [v for rows in records.collect(speaker) for _l, v in rows]

    records.erase(proposer)
    records.erase(speaker)

    assert list(Proposal.objects.values_list("title", "status")) == [
        ("ورشة مقبولة", ProposalStatus.ACCEPTED)
    ]
    invited = InvitedSpeaker.objects.get()
    assert "souad" not in invited.email and invited.name == "—"
    assert records.collect(speaker) == []
    assert services.invitation_by_token("anything") is None
