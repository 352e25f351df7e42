"""The meeting times a participant says they cannot make.

A participant blocks slots of the edition's meeting blocks (one B2BUnavailability row a
slot). No meeting is placed in a blocked slot, by an acceptance or by the organisers' run:
`b2b.services.meetings.busy_periods` counts them.

A slot that already holds one of their meetings cannot be blocked: the meeting would stay
there while the page says they are away. They call the meeting off first (the other side is
told), then block the time. Freeing a slot places at once the accepted meetings that were
waiting for a time.
"""

import dataclasses
import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import dateformat
from django.utils.translation import gettext as _

from b2b import scheduler
from b2b.choices import RequestStatus
from b2b.errors import B2BError
from b2b.models import B2BBlock, B2BMeeting, B2BParticipant, B2BUnavailability, MeetingRequest
from b2b.selectors import other_side
from b2b.services.meetings import meeting_place, participant_tell, people_lock
from b2b.services.suggestions import suggestions_refresh_later
from fairsite.audit import audit_log
from fairsite.models import User
from programme.choices import SessionStatus, SignupStatus
from programme.models import Session

AVAILABILITY_ACTION = "b2b.availability.set"


@dataclasses.dataclass
class SlotState:
    """One meeting slot as the participant sees it: blocked or not, or taken by one of
    their meetings, or by sessions of the programme."""

    slot: scheduler.Slot
    blocked: bool = False
    meeting: B2BMeeting | None = None
    sessions: list = dataclasses.field(default_factory=list)

    @property
    def key(self) -> str:
        return slot_key(self.slot.starts_at)

    @property
    def can_block(self) -> bool:
        return self.meeting is None and not self.sessions


def slot_key(starts_at: datetime.datetime) -> str:
    """A slot's name in a form: its start in UTC, to the minute."""
    return starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%MZ")


def participant_slots(participant: B2BParticipant) -> list[SlotState]:
    """Every slot of the edition's meeting blocks, in time order, with what the participant
    has then. A read in a fixed number of queries, whatever the number of slots."""
    slots = scheduler.slots_of(B2BBlock.objects.filter(edition_id=participant.edition_id))
    if not slots:
        return []
    blocked = list(participant.unavailabilities.values_list("starts_at", "ends_at"))
    meetings = list(
        B2BMeeting.objects.filter(
            Q(request__requester=participant) | Q(request__recipient=participant),
            cancelled_at__isnull=True,
            request__status=RequestStatus.ACCEPTED,
        ).select_related("request__requester", "request__recipient")
    )
    for meeting in meetings:
        meeting.other = other_side(meeting.request, participant)
    sessions = list(_sessions_of(participant, slots[0].starts_at, slots[-1].ends_at))
    states = []
    for slot in slots:
        states.append(
            SlotState(
                slot=slot,
                blocked=scheduler.slot_overlaps(slot, blocked),
                meeting=next(
                    (
                        m
                        for m in meetings
                        if scheduler.slot_overlaps(slot, [(m.starts_at, m.ends_at)])
                    ),
                    None,
                ),
                sessions=[
                    s for s in sessions if scheduler.slot_overlaps(slot, [(s.starts_at, s.ends_at)])
                ],
            )
        )
    return states


def _sessions_of(participant: B2BParticipant, starts_at, ends_at):
    """The published sessions between the two moments where the participant speaks or that
    they signed up for: the programme keeps them busy (as busy_periods counts them)."""
    mine = Q(pk__in=[])
    if participant.speaker_id:
        mine |= Q(speakers=participant.speaker_id)
    if participant.attendee_id:
        mine |= Q(signups__attendee=participant.attendee_id, signups__status=SignupStatus.CONFIRMED)
    return (
        Session.objects.filter(
            mine, status=SessionStatus.PUBLISHED, starts_at__lt=ends_at, ends_at__gt=starts_at
        )
        .distinct()
        .order_by("starts_at")
    )


@dataclasses.dataclass
class AvailabilitySaved:
    blocked: int  # slots blocked now
    placed: list  # meetings that were waiting for a time and now have one


def availability_set(
    *, participant: B2BParticipant, starts: Iterable[datetime.datetime], by: User | None
) -> AvailabilitySaved:
    """Block the slots starting at `starts`, and only those: the participant's previous set
    is replaced, in one transaction.

    Raises B2BError for a time that is not a slot of the edition's blocks, or a slot where
    the participant has a meeting (named, so that they can call it off first). Then the
    accepted requests of theirs still waiting for a time are placed if they now can be, and
    both sides told; the edition's suggestions are computed again after commit.
    """
    if not participant.is_active:
        raise B2BError(
            _("Your participation in the meetings is suspended."), code="participant_suspended"
        )
    wanted = {slot_key(moment) for moment in starts}
    with transaction.atomic():
        # The same order of locks as the organisers' run (requests, then people): an
        # acceptance or a run waits for the new set, or this waits for their meetings.
        waiting = list(
            MeetingRequest.objects.select_for_update(of=("self",))
            .filter(Q(requester=participant) | Q(recipient=participant))
            .filter(status=RequestStatus.ACCEPTED)
            .filter(
                ~Exists(
                    B2BMeeting.objects.filter(request=OuterRef("pk"), cancelled_at__isnull=True)
                )
            )
            .select_related("requester", "recipient")
            .order_by("pk")
        )
        people_lock(
            {participant.pk} | {p for r in waiting for p in (r.requester_id, r.recipient_id)}
        )
        states = {state.key: state for state in participant_slots(participant)}
        unknown = wanted - set(states)
        if unknown:
            raise B2BError(
                _("One of these times is not a meeting slot any more: reload the page."),
                code="not_a_slot",
            )
        chosen = [states[key] for key in sorted(wanted)]
        clashes = [state.meeting for state in chosen if state.meeting is not None]
        if clashes:
            zone = participant.edition.zone
            raise B2BError(
                _(
                    "You have a meeting at a time you want to block: %(meetings)s. Call it "
                    "off first on your requests page (the other side is told), then block "
                    "the time."
                )
                % {
                    "meetings": _("; ").join(
                        _("%(when)s with %(name)s")
                        % {
                            "when": dateformat.format(
                                meeting.starts_at.astimezone(zone), "l j F, H:i"
                            ),
                            "name": meeting.other.name,
                        }
                        for meeting in dict.fromkeys(clashes)
                    )
                },
                code="meeting_in_slot",
            )
        before = set(participant.unavailabilities.values_list("starts_at", flat=True))
        after = {state.slot.starts_at for state in chosen}
        participant.unavailabilities.all().delete()
        B2BUnavailability.objects.bulk_create(
            B2BUnavailability(
                participant=participant,
                starts_at=state.slot.starts_at,
                ends_at=state.slot.ends_at,
            )
            for state in chosen
        )
        audit_log(
            instance=participant,
            action=AVAILABILITY_ACTION,
            by=by,
            data={
                "blocked": len(after),
                "added": len(after - before),
                "freed": len(before - after),
            },
        )
        placed = []
        for meeting_request in waiting:
            meeting = meeting_place(meeting_request=meeting_request)
            if meeting is not None:
                placed.append(meeting)
                for person in (meeting_request.requester, meeting_request.recipient):
                    participant_tell(person, "meeting_placed", request=meeting_request)
        if after != before or placed:
            suggestions_refresh_later(edition_id=participant.edition_id)
    return AvailabilitySaved(blocked=len(after), placed=placed)
