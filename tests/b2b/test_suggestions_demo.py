"""Over the sample data, every sample participant is suggested at least three people they
have not met nor asked, whoever asked."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Q

from b2b.models import B2BParticipant, B2BSuggestion, MeetingRequest

pytestmark = pytest.mark.django_db


def test_every_sample_participant_gets_three_suggestions_not_met(homes):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # again, as a demo is seeded again

    participants = list(B2BParticipant.objects.filter(is_active=True))
    assert len(participants) >= 16
    for participant in participants:
        asked = MeetingRequest.objects.filter(
            Q(requester=participant) | Q(recipient=participant)
        ).values_list("requester_id", "recipient_id")
        known = {person for pair in asked for person in pair}
        suggested = set(
            B2BSuggestion.objects.filter(participant=participant).values_list("other_id", flat=True)
        )
        assert len(suggested - known - {participant.pk}) >= 3, participant
        assert not suggested & known, participant
    # Someone of each kind of reason shows in the sample: the page has something to say.
    codes = {
        code
        for reasons in B2BSuggestion.objects.values_list("reasons", flat=True)
        for code, _value in reasons
    }
    assert {
        "offers",
        "seeks",
        "is",
        "wants",
        "market",
        "language",
        "region",
        "recommended",
    } <= codes
