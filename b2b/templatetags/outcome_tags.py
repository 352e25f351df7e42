"""What a participant said of each of their meetings, for the cards of their agenda."""

import dataclasses

from django import template
from django.utils import timezone

from b2b.models import B2BMeeting, B2BParticipant, MeetingFeedback
from b2b.selectors_outcome import statements_of

register = template.Library()


@dataclasses.dataclass(frozen=True)
class CardOutcome:
    started: bool
    answer: MeetingFeedback | None


@register.simple_tag
def outcome_of(meeting: B2BMeeting, participant: B2BParticipant) -> CardOutcome:
    """Whether the meeting has started and what the participant said of it. The first card
    reads the participant's statements on all their meetings at once (one query a page), kept
    on the participant for the cards after it."""
    said = getattr(participant, "_outcome_statements", None)
    if said is None:
        said = participant._outcome_statements = statements_of(participant)
    return CardOutcome(started=meeting.starts_at <= timezone.now(), answer=said.get(meeting.pk))
