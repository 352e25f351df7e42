"""Reads of what came of the meetings: each side's statement, who may read them, and what the
two statements together say of a meeting.

The rule when the two sides disagree (`state_of`, and `with_state` which counts it in the
database for the observatory):

- a side that says the other did not come is believed: the other is recorded as a no-show,
  even if the other says the meeting took place (the one who came knows who sat at the table);
- both sides saying the other did not come: they missed each other, the meeting did not take
  place and neither is recorded as a no-show;
- otherwise one side saying it took place is enough (the other may not have answered, or may
  have answered "it did not take place" for a meeting that moved);
- otherwise the meeting did not take place if a side says so, and is not reported while
  neither side has said anything.
"""

import dataclasses

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from b2b.choices import MeetingHeld, MeetingOutcome, RequestStatus
from b2b.models import B2BMeeting, B2BParticipant, MeetingFeedback

HELD = "held"
NO_SHOW = "no_show"
NOT_HELD = "not_held"
UNREPORTED = "unreported"

# Outcomes that come with a value, in dirhams.
VALUED = (MeetingOutcome.ORDER, MeetingOutcome.DISTRIBUTION, MeetingOutcome.PARTNERSHIP)
# The outcomes from the least to the most, as MeetingOutcome lists them.
OUTCOME_RANK = {value: rank for rank, value in enumerate(MeetingOutcome.values)}


@dataclasses.dataclass(frozen=True)
class MeetingState:
    """What the two sides' statements say of a meeting: `kind` is HELD, NO_SHOW, NOT_HELD or
    UNREPORTED; `absent_id` is the participant who did not come, for a no-show."""

    kind: str
    absent_id: int | None = None


def state_of(statements: list[MeetingFeedback], sides: tuple[int, int]) -> MeetingState:
    """The meeting's state from its sides' statements (none, one or two); `sides` are the
    two participants' ids."""
    accusers = [s.participant_id for s in statements if s.held == MeetingHeld.OTHER_ABSENT]
    if len(accusers) == 1:
        absent = sides[1] if accusers[0] == sides[0] else sides[0]
        return MeetingState(NO_SHOW, absent)
    if len(accusers) > 1:
        return MeetingState(NOT_HELD)
    if any(s.held == MeetingHeld.HELD for s in statements):
        return MeetingState(HELD)
    if statements:
        return MeetingState(NOT_HELD)
    return MeetingState(UNREPORTED)


def meeting_state(meeting: B2BMeeting) -> MeetingState:
    """The meeting's state from what its sides said (reads `meeting.feedback.all()`, which a
    prefetch answers)."""
    sides = (meeting.request.requester_id, meeting.request.recipient_id)
    return state_of(list(meeting.feedback.all()), sides)


def with_state(meetings):
    """The meetings annotated with `state`: `state_of` counted by the database (HELD,
    NO_SHOW, NOT_HELD or UNREPORTED), to count meetings by state in one query."""
    statements = MeetingFeedback.objects.filter(meeting=OuterRef("pk"))
    absences = (
        statements.filter(held=MeetingHeld.OTHER_ABSENT)
        .order_by()
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return meetings.alias(
        _absences=Coalesce(Subquery(absences, output_field=IntegerField()), Value(0)),
        _held=Exists(statements.filter(held=MeetingHeld.HELD)),
        _said=Exists(statements),
    ).annotate(
        state=Case(
            When(_absences=1, then=Value(NO_SHOW)),
            When(_absences__gt=1, then=Value(NOT_HELD)),
            When(_held=True, then=Value(HELD)),
            When(_said=True, then=Value(NOT_HELD)),
            default=Value(UNREPORTED),
        )
    )


def outcome_rank_expression(field: str = "outcome"):
    """An outcome's rank (MeetingOutcome's order) as a database expression."""
    return Case(
        *(When(**{field: value}, then=Value(rank)) for value, rank in OUTCOME_RANK.items()),
        output_field=IntegerField(),
    )


def meetings_past(edition_id: int, now):
    """The edition's meetings that have started and were not called off: the ones whose
    sides may say what came of them."""
    return B2BMeeting.objects.filter(
        request__edition_id=edition_id,
        request__status=RequestStatus.ACCEPTED,
        cancelled_at__isnull=True,
        starts_at__lte=now,
    )


def meeting_of_participant(participant: B2BParticipant, pk: int) -> B2BMeeting | None:
    """One of the participant's own meetings, with its sides and their statements; None for
    anyone else's (the page answers 404, as if it did not exist)."""
    return (
        B2BMeeting.objects.filter(
            Q(request__requester=participant) | Q(request__recipient=participant), pk=pk
        )
        .select_related("request__requester", "request__recipient", "block", "request__edition")
        .prefetch_related("feedback")
        .first()
    )


def statements_by_side(meeting: B2BMeeting, participant: B2BParticipant):
    """(the participant's own statement, the other side's), each None when not given."""
    mine = other = None
    for statement in meeting.feedback.all():
        if statement.participant_id == participant.pk:
            mine = statement
        else:
            other = statement
    return mine, other


def statements_of(participant: B2BParticipant) -> dict[int, MeetingFeedback]:
    """Everything the participant said of their meetings, by meeting id: one query."""
    return {
        statement.meeting_id: statement
        for statement in MeetingFeedback.objects.filter(participant=participant)
    }
