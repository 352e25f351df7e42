"""One-to-one meetings at the fair: asking, answering, placing in slots and tables, and
telling both sides of every change.

An accepted request is placed at once in the earliest slot where both people and a table
are free. The database refuses a second meeting for anyone in a slot and a second meeting
at a table, so two acceptances at the same moment cannot clash: the one that loses the race
takes the next slot. Organisers can also run the scheduler over everything not yet placed
(`meetings_schedule`), which keeps confirmed meetings where they are.
"""

import dataclasses
import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.choices import SessionStatus, SignupStatus
from events.models import Edition, Session
from partnerships import scheduler
from partnerships.choices import RequestStatus
from partnerships.models import B2BBlock, B2BMeeting, B2BParticipant, B2BSeat, MeetingRequest
from partnerships.services.agreements import PartnershipError

REASONS = {
    scheduler.NO_COMMON_TIME: gettext_lazy("The two people have no free slot in common."),
    scheduler.NO_TABLE: gettext_lazy("Every table is taken whenever both are free."),
}


def requests_open(edition: Edition, today: datetime.date | None = None) -> bool:
    """Requests are made and answered until the eve of the fair."""
    today = today or timezone.localdate()
    return today < edition.starts_on - datetime.timedelta(days=1)


@transaction.atomic
def request_make(
    *, requester: B2BParticipant, recipient: B2BParticipant, message: str = ""
) -> MeetingRequest:
    """Ask for a meeting; asking again gives back the request already made."""
    if requester.pk == recipient.pk:
        raise PartnershipError(_("You cannot ask yourself for a meeting."))
    if requester.edition_id != recipient.edition_id or not recipient.is_active:
        raise PartnershipError(_("This person does not take part in the meetings."))
    if not requests_open(requester.edition):
        raise PartnershipError(_("Meeting requests are closed: the fair is about to start."))
    existing = MeetingRequest.objects.filter(
        Q(requester=requester, recipient=recipient) | Q(requester=recipient, recipient=requester),
        status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED],
    ).first()
    if existing is not None:
        return existing
    request = MeetingRequest.objects.create(
        edition=requester.edition, requester=requester, recipient=recipient, message=message
    )
    _tell(recipient, "request_received", request=request)
    return request


def request_answer(*, request: MeetingRequest, by: B2BParticipant, accept: bool) -> MeetingRequest:
    """The person asked accepts (the meeting is placed at once) or declines."""
    with transaction.atomic():
        request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
        if request.recipient_id != by.pk:
            raise PartnershipError(_("Only the person asked can answer this request."))
        if request.status != RequestStatus.PENDING:
            raise PartnershipError(_("This request has already been answered."))
        if not requests_open(request.edition):
            raise PartnershipError(_("Meeting requests are closed: the fair is about to start."))
        request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
        request.answered_at = timezone.now()
        request.save(update_fields=["status", "answered_at"])
        if not accept:
            _tell(request.requester, "request_declined", request=request)
            return request
    meeting = meeting_place(request=request)
    for person in (request.requester, request.recipient):
        _tell(person, "meeting_placed" if meeting else "request_accepted", request=request)
    return request


def requests_expire(*, today: datetime.date | None = None) -> int:
    """Requests still waiting on the eve of the fair lapse; returns how many."""
    today = today or timezone.localdate()
    return MeetingRequest.objects.filter(
        status=RequestStatus.PENDING,
        edition__starts_on__lte=today + datetime.timedelta(days=1),
    ).update(status=RequestStatus.EXPIRED, answered_at=timezone.now())


def meeting_place(*, request: MeetingRequest) -> B2BMeeting | None:
    """Put an accepted request in the earliest slot where both people and a table are free;
    None when there is none (the organisers' scheduler report lists it)."""
    if hasattr(request, "meeting"):
        return request.meeting
    slots = scheduler.slots_of(B2BBlock.objects.filter(edition_id=request.edition_id))
    people = [request.requester_id, request.recipient_id]
    busy = busy_periods(people)
    for slot in slots:
        if any(
            start < slot.ends_at and slot.starts_at < end
            for person in people
            for start, end in busy.get(person, [])
        ):
            continue
        if B2BSeat.objects.filter(participant_id__in=people, starts_at=slot.starts_at).exists():
            continue
        used = set(
            B2BMeeting.objects.filter(
                block_id=slot.block_id, starts_at=slot.starts_at, cancelled_at__isnull=True
            ).values_list("table", flat=True)
        )
        free = [table for table in range(1, slot.tables + 1) if table not in used]
        for table in free:
            try:
                with transaction.atomic():
                    return _meeting_create(request, slot, table)
            except IntegrityError:
                # Taken a moment ago by another acceptance: the next table, or if one of
                # the two is now in a meeting at this time, the next slot.
                if B2BSeat.objects.filter(
                    participant_id__in=people, starts_at=slot.starts_at
                ).exists():
                    break
    return None


def _meeting_create(request, slot: scheduler.Slot, table: int, sequence: int = 0) -> B2BMeeting:
    meeting = B2BMeeting.objects.create(
        request=request,
        block_id=slot.block_id,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        table=table,
        sequence=sequence,
    )
    B2BSeat.objects.bulk_create(
        B2BSeat(meeting=meeting, participant_id=person, starts_at=slot.starts_at)
        for person in (request.requester_id, request.recipient_id)
    )
    return meeting


def busy_periods(participant_ids) -> dict[int, list[tuple]]:
    """When each participant is at the programme: speaking, or signed up for a session."""
    participants = B2BParticipant.objects.filter(pk__in=participant_ids).values(
        "pk", "speaker_id", "attendee_id"
    )
    periods: dict[int, list[tuple]] = {p["pk"]: [] for p in participants}
    speakers = {p["speaker_id"]: p["pk"] for p in participants if p["speaker_id"]}
    attendees = {p["attendee_id"]: p["pk"] for p in participants if p["attendee_id"]}
    live = Session.objects.filter(status=SessionStatus.PUBLISHED)
    for speaker_id, starts_at, ends_at in live.filter(speakers__in=speakers).values_list(
        "speakers", "starts_at", "ends_at"
    ):
        periods[speakers[speaker_id]].append((starts_at, ends_at))
    signed_up = live.filter(
        signups__attendee__in=attendees, signups__status=SignupStatus.CONFIRMED
    ).values_list("signups__attendee", "starts_at", "ends_at")
    for attendee_id, starts_at, ends_at in signed_up:
        periods[attendees[attendee_id]].append((starts_at, ends_at))
    return periods


@dataclasses.dataclass
class ScheduleReport:
    placed: int
    kept: int
    unplaced: list[tuple[MeetingRequest, str]]
    upper_bound: int


@transaction.atomic
def meetings_schedule(
    *, edition: Edition, reshuffle: bool = False, notify: bool = True
) -> ScheduleReport:
    """Place every accepted request that has no meeting yet. Confirmed meetings stay where
    they are; with `reshuffle`, unconfirmed ones are placed again from scratch (which can
    fit more in). Both sides of each new placement are told unless `notify` is false."""
    blocks = list(B2BBlock.objects.filter(edition=edition))
    slots = scheduler.slots_of(blocks)
    index = {(slot.block_id, slot.starts_at): n for n, slot in enumerate(slots)}
    # Serialise runs and acceptances for the edition: every request's row is locked.
    accepted = list(
        MeetingRequest.objects.select_for_update()
        .filter(edition=edition, status=RequestStatus.ACCEPTED)
        .select_related("requester", "recipient")
    )
    meetings = {m.request_id: m for m in B2BMeeting.objects.filter(request__in=accepted)}
    # A meeting placed again keeps its calendar event (its UID is the request's) with a
    # higher revision, so that calendar apps take the new time.
    before = {}
    if reshuffle:
        moved = [m for m in meetings.values() if not m.confirmed]
        before = {m.request_id: m for m in moved}
        B2BMeeting.objects.filter(pk__in=[m.pk for m in moved]).delete()
        meetings = {rid: m for rid, m in meetings.items() if m.confirmed}
    fixed = {
        rid: scheduler.Placement(index[(m.block_id, m.starts_at)], m.table)
        for rid, m in meetings.items()
        if (m.block_id, m.starts_at) in index
    }
    wanted = [scheduler.Wanted(r.pk, r.requester_id, r.recipient_id) for r in accepted]
    people = {p for r in accepted for p in (r.requester_id, r.recipient_id)}
    result = scheduler.schedule(slots, wanted, busy=busy_periods(people), fixed=fixed)
    by_id = {r.pk: r for r in accepted}
    unplaced = dict(result.unplaced)
    new = []  # (request, slot, table, revision, moved)
    for request_id, placement in result.placed.items():
        if request_id in fixed:
            continue
        slot, old = slots[placement.slot], before.get(request_id)
        unchanged = bool(old) and (old.starts_at, old.table) == (slot.starts_at, placement.table)
        sequence = (old.sequence + (0 if unchanged else 1)) if old else 0
        new.append((by_id[request_id], slot, placement.table, sequence, not unchanged))
    made = _meetings_create(new)
    for request, _slot, _table, _sequence, moved in new:
        if request.pk not in made:  # an acceptance took the place meanwhile
            unplaced[request.pk] = scheduler.NO_TABLE
        elif notify and moved:  # placed again where it was: nothing to tell
            for person in (request.requester, request.recipient):
                _tell(person, "meeting_placed", request=request)
    placed = len(made)
    return ScheduleReport(
        placed=placed,
        kept=len(fixed),
        unplaced=[(by_id[rid], str(REASONS[reason])) for rid, reason in unplaced.items()],
        upper_bound=scheduler.upper_bound(slots, wanted),
    )


def _meetings_create(new: list) -> set[int]:
    """Write the placements, all at once; if one clashes with a meeting placed meanwhile,
    one by one, leaving out those that clash. Returns the ids of the requests placed."""
    try:
        with transaction.atomic():
            meetings = B2BMeeting.objects.bulk_create(
                B2BMeeting(
                    request=request,
                    block_id=slot.block_id,
                    starts_at=slot.starts_at,
                    ends_at=slot.ends_at,
                    table=table,
                    sequence=sequence,
                )
                for request, slot, table, sequence, _moved in new
            )
            B2BSeat.objects.bulk_create(
                B2BSeat(meeting=meeting, participant_id=person, starts_at=meeting.starts_at)
                for meeting in meetings
                for person in (meeting.request.requester_id, meeting.request.recipient_id)
            )
        return {request.pk for request, *_rest in new}
    except IntegrityError:
        pass
    made = set()
    for request, slot, table, sequence, _moved in new:
        try:
            with transaction.atomic():
                _meeting_create(request, slot, table, sequence)
        except IntegrityError:
            continue
        made.add(request.pk)
    return made


def meetings_confirm(*, meetings) -> int:
    """Confirm meetings: placing the meetings again keeps them where they are."""
    ids = [meeting.pk for meeting in meetings if not meeting.confirmed]
    return B2BMeeting.objects.filter(pk__in=ids, cancelled_at__isnull=True).update(confirmed=True)


def request_cancel(*, request: MeetingRequest, by: B2BParticipant | None = None) -> None:
    """Call off a request or its meeting, by one of the two people (or by the organisers,
    `by` None). The meeting stays on record, cancelled, so calendars drop it; its slot and
    table are freed, and the other side is told."""
    with transaction.atomic():
        request = (
            MeetingRequest.objects.select_for_update()
            .select_related("requester", "recipient")
            .get(pk=request.pk)
        )
        if by is not None and by.pk not in (request.requester_id, request.recipient_id):
            raise PartnershipError(_("Only the two people concerned can call this meeting off."))
        if request.status not in (RequestStatus.PENDING, RequestStatus.ACCEPTED):
            raise PartnershipError(_("This request is no longer open."))
        request.status = RequestStatus.CANCELLED
        request.answered_at = request.answered_at or timezone.now()
        request.save(update_fields=["status", "answered_at"])
        meeting = B2BMeeting.objects.filter(request=request, cancelled_at__isnull=True).first()
        if meeting is not None:
            meeting.cancelled_at = timezone.now()
            meeting.sequence += 1
            meeting.save(update_fields=["cancelled_at", "sequence", "updated_at"])
            meeting.seats.all().delete()
        for person in (request.requester, request.recipient):
            if by is None or person.pk != by.pk:
                _tell(person, "request_cancelled", request=request, meeting=meeting)


def meetings_of(participant: B2BParticipant):
    return (
        B2BMeeting.objects.filter(seats__participant=participant, cancelled_at__isnull=True)
        .select_related("request__requester", "request__recipient", "block")
        .order_by("starts_at")
    )


def _tell(participant: B2BParticipant, template: str, **context) -> None:
    from fairsite.services.mail import email_render_and_queue

    email_render_and_queue(
        to=[participant.email],
        template_prefix=f"partnerships/email/{template}",
        context={"participant": participant, **context},
        language=participant.language,
    )
