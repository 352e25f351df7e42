"""One-to-one meetings at the fair: asking, answering, placing in slots and tables, and
telling both sides of every change.

An accepted request is placed at once in the earliest slot where both people and a table
are free. The database refuses a second meeting for anyone in a slot and a second meeting
at a table, so two acceptances at the same moment cannot clash: the one that loses the race
takes the next slot. Organisers can also run the scheduler over everything not yet placed
(`meetings_schedule`), which keeps confirmed meetings where they are.

Neither puts a meeting where one of the two is busy: a slot they blocked
(b2b.services.availability), a session of the programme, another meeting. Placing takes a
lock on both people's rows before it reads when they are busy, as changing one's blocked
slots does, so a slot blocked at the same moment as a meeting is placed there cannot end up
holding both.
"""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from b2b import scheduler
from b2b.choices import RequestStatus
from b2b.errors import B2BError
from b2b.models import (
    B2BBlock,
    B2BMeeting,
    B2BParticipant,
    B2BSeat,
    B2BUnavailability,
    MeetingRequest,
)
from b2b.services.suggestions import suggestions_refresh_later
from events.models import Edition
from fairsite.audit import audit_log
from fairsite.models import User
from fairsite.services.mail import email_render_and_queue
from fairsite.services.site import public_url
from programme.choices import SessionStatus, SignupStatus
from programme.models import Session

REASONS = {
    scheduler.NO_COMMON_TIME: gettext_lazy("The two people have no free slot in common."),
    scheduler.NO_TABLE: gettext_lazy("Every table is taken whenever both are free."),
}

# The page each message's link opens: where its reader acts on the news.
TOLD_PAGES = {
    "request_received": "b2b:requests",  # accept or decline
    "request_accepted": "b2b:availability",  # free a time, and the meeting is placed
    "request_declined": "b2b:directory",  # ask someone else
    "request_cancelled": "b2b:directory",
    "meeting_placed": "b2b:agenda",
    "meeting_video": "b2b:agenda",
}

# The admin log's actions (registered in b2b/viewsets.py).
MADE_ACTION = "b2b.request.made"
ACCEPTED_ACTION = "b2b.request.accepted"
DECLINED_ACTION = "b2b.request.declined"
CANCELLED_ACTION = "b2b.request.cancelled"
CONFIRMED_ACTION = "b2b.meeting.confirmed"
PLACED_ACTION = "b2b.meetings.placed"
VIDEO_ACTION = "b2b.meeting.video"


def meeting_requests_open(edition: Edition, today: datetime.date | None = None) -> bool:
    """Requests are made and answered until the eve of the fair."""
    today = today or edition.today()
    return today < edition.starts_on - datetime.timedelta(days=1)


@transaction.atomic
def meeting_request_make(
    *, requester: B2BParticipant, recipient: B2BParticipant, message: str = ""
) -> MeetingRequest:
    """Ask for a meeting; asking again gives back the request already made."""
    if requester.pk == recipient.pk:
        raise B2BError(_("You cannot ask yourself for a meeting."), code="asking_oneself")
    if not requester.is_active:
        raise B2BError(
            _("Your participation in the meetings is suspended."), code="participant_suspended"
        )
    if requester.edition_id != recipient.edition_id or not recipient.is_active:
        raise B2BError(
            _("This person does not take part in the meetings."), code="not_a_participant"
        )
    if not meeting_requests_open(requester.edition):
        raise B2BError(
            _("Meeting requests are closed: the fair is about to start."), code="requests_closed"
        )
    existing = MeetingRequest.objects.filter(
        Q(requester=requester, recipient=recipient) | Q(requester=recipient, recipient=requester),
        status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED],
    ).first()
    if existing is not None:
        return existing
    slots = scheduler.slots_of(B2BBlock.objects.filter(edition_id=requester.edition_id))
    if slots and not free_slots_in_common(requester, recipient, slots=slots):
        raise B2BError(
            _(
                "You and %(name)s have no meeting time free in common: at every slot one of "
                "you is in a meeting, at a session of the programme, or not available. Free a "
                "slot on your availability page, or call off a meeting, and ask again."
            )
            % {"name": recipient.name},
            code="no_common_slot",
        )
    meeting_request = MeetingRequest.objects.create(
        edition=requester.edition, requester=requester, recipient=recipient, message=message
    )
    audit_log(instance=meeting_request, action=MADE_ACTION, by=requester.user)
    participant_tell(recipient, "request_received", request=meeting_request)
    suggestions_refresh_later(edition_id=requester.edition_id)
    return meeting_request


def free_slots_in_common(
    first: B2BParticipant, second: B2BParticipant, *, slots: list | None = None
) -> list[scheduler.Slot]:
    """The edition's meeting slots where both people are free: neither blocked it, speaks
    at or signed up for a session then, or has a meeting then. Tables are not counted: the
    organisers' run may still find one."""
    if slots is None:
        slots = scheduler.slots_of(B2BBlock.objects.filter(edition_id=first.edition_id))
    people = [first.pk, second.pk]
    busy = busy_periods(people)
    for person, periods in meeting_periods(people).items():
        busy.setdefault(person, []).extend(periods)
    return [
        slot
        for slot in slots
        if not any(scheduler.slot_overlaps(slot, busy.get(person, [])) for person in people)
    ]


def meeting_periods(participant_ids) -> dict[int, list[tuple]]:
    """When each participant is in a meeting already placed (not cancelled)."""
    periods: dict[int, list[tuple]] = {pk: [] for pk in participant_ids}
    placed = B2BMeeting.objects.filter(
        Q(request__requester__in=participant_ids) | Q(request__recipient__in=participant_ids),
        cancelled_at__isnull=True,
    ).values_list("request__requester", "request__recipient", "starts_at", "ends_at")
    for requester, recipient, starts_at, ends_at in placed:
        for person in (requester, recipient):
            if person in periods:
                periods[person].append((starts_at, ends_at))
    return periods


def meeting_request_answer(
    *, meeting_request: MeetingRequest, by: B2BParticipant, accept: bool
) -> MeetingRequest:
    """The person asked accepts (the meeting is placed at once) or declines.

    An acceptance holds even when the two have no free slot in common any more (one of them
    blocked slots or took other meetings since the request): they agreed to meet, and the
    meeting waits, "accepted, time to come", until a slot frees up. Freeing a slot on the
    availability page places it at once; the organisers' run places it too.
    """
    with transaction.atomic():
        meeting_request = MeetingRequest.objects.select_for_update().get(pk=meeting_request.pk)
        if meeting_request.recipient_id != by.pk:
            raise B2BError(
                _("Only the person asked can answer this request."), code="not_the_recipient"
            )
        if not by.is_active:
            raise B2BError(
                _("Your participation in the meetings is suspended."), code="participant_suspended"
            )
        if meeting_request.status != RequestStatus.PENDING:
            raise B2BError(_("This request has already been answered."), code="already_answered")
        if not meeting_requests_open(meeting_request.edition):
            raise B2BError(
                _("Meeting requests are closed: the fair is about to start."),
                code="requests_closed",
            )
        meeting_request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
        meeting_request.answered_at = timezone.now()
        meeting_request.save(update_fields=["status", "answered_at"])
        action = ACCEPTED_ACTION if accept else DECLINED_ACTION
        audit_log(instance=meeting_request, action=action, by=by.user)
        suggestions_refresh_later(edition_id=meeting_request.edition_id)
        if not accept:
            participant_tell(meeting_request.requester, "request_declined", request=meeting_request)
            return meeting_request
        # Placed while the request is locked: the organisers' run, which locks the accepted
        # requests, cannot place it at the same time.
        meeting = meeting_place(meeting_request=meeting_request)
        for person in (meeting_request.requester, meeting_request.recipient):
            participant_tell(
                person, "meeting_placed" if meeting else "request_accepted", request=meeting_request
            )
    return meeting_request


def meeting_requests_expire(*, today: datetime.date | None = None) -> int:
    """Requests still waiting on the eve of the fair lapse; returns how many."""
    today = today or timezone.localdate()
    return MeetingRequest.objects.filter(
        status=RequestStatus.PENDING,
        edition__starts_on__lte=today + datetime.timedelta(days=1),
    ).update(status=RequestStatus.EXPIRED, answered_at=timezone.now())


def meeting_place(*, meeting_request: MeetingRequest) -> B2BMeeting | None:
    """Put an accepted request in the earliest slot where both people and a table are free;
    None when there is none (the organisers' scheduler report lists it).

    Both people's rows stay locked until the transaction ends, so that neither blocks the
    slot meanwhile (b2b.services.availability.availability_set takes the same lock).
    """
    with transaction.atomic():
        return _meeting_place(meeting_request)


def _meeting_place(meeting_request: MeetingRequest) -> B2BMeeting | None:
    placed = B2BMeeting.objects.filter(request=meeting_request, cancelled_at__isnull=True).first()
    if placed is not None:
        return placed
    people = [meeting_request.requester_id, meeting_request.recipient_id]
    people_lock(people)
    slots = scheduler.slots_of(B2BBlock.objects.filter(edition_id=meeting_request.edition_id))
    busy = busy_periods(people)
    for slot in slots:
        if any(scheduler.slot_overlaps(slot, busy.get(person, [])) for person in people):
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
                    return _meeting_create(meeting_request, slot, table)[0]
            except IntegrityError:
                # Taken a moment ago by another acceptance: the next table, or if one of
                # the two is now in a meeting at this time, the next slot.
                if B2BSeat.objects.filter(
                    participant_id__in=people, starts_at=slot.starts_at
                ).exists():
                    break
    return None


def _meeting_create(meeting_request, slot: scheduler.Slot, table: int) -> tuple[B2BMeeting, bool]:
    """Place the request's meeting; (the meeting, whether it is new or moved).

    A request has one meeting row for good: its calendar event. A row set aside (a meeting
    being placed again) is put back, with a higher revision if its time or table changed.
    """
    meeting = B2BMeeting.objects.filter(request=meeting_request).first()
    if meeting is None:
        meeting = B2BMeeting.objects.create(
            request=meeting_request,
            block_id=slot.block_id,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            table=table,
        )
        moved = True
    else:
        moved = (meeting.block_id, meeting.starts_at, meeting.table) != (
            slot.block_id,
            slot.starts_at,
            table,
        )
        meeting.block_id, meeting.starts_at, meeting.ends_at = (
            slot.block_id,
            slot.starts_at,
            slot.ends_at,
        )
        meeting.table, meeting.cancelled_at = table, None
        meeting.sequence += 1 if moved else 0
        meeting.save()
    B2BSeat.objects.bulk_create(
        B2BSeat(meeting=meeting, participant_id=person, starts_at=slot.starts_at)
        for person in (meeting_request.requester_id, meeting_request.recipient_id)
    )
    return meeting, moved


def people_lock(participant_ids) -> None:
    """Lock participants' rows, in one order (no deadlock between two placings): who
    changes when they are free, or is given a meeting, waits for the other to finish."""
    list(
        B2BParticipant.objects.select_for_update()
        .filter(pk__in=participant_ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def busy_periods(participant_ids) -> dict[int, list[tuple]]:
    """When each participant cannot meet: the times they said they cannot make, and the
    programme's sessions where they speak or that they signed up for."""
    participants = B2BParticipant.objects.filter(pk__in=participant_ids).values(
        "pk", "speaker_id", "attendee_id"
    )
    periods: dict[int, list[tuple]] = {p["pk"]: [] for p in participants}
    for person, starts_at, ends_at in B2BUnavailability.objects.filter(
        participant__in=list(periods)
    ).values_list("participant", "starts_at", "ends_at"):
        periods[person].append((starts_at, ends_at))
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
    *, edition: Edition, reshuffle: bool = False, notify: bool = True, by: User | None = None
) -> ScheduleReport:
    """Place every accepted request that has no meeting yet. Confirmed meetings stay where
    they are; with `reshuffle`, unconfirmed ones may move to fit more in, but none is lost:
    one the new plan cannot place keeps its place. Both sides of each new or moved meeting
    are told unless `notify` is false; a moved meeting's calendar event gets a new revision.
    """
    slots = scheduler.slots_of(list(B2BBlock.objects.filter(edition=edition)))
    # Serialise runs and acceptances for the edition: every accepted request's row is locked.
    accepted = list(
        MeetingRequest.objects.select_for_update(of=("self",))
        .filter(edition=edition, status=RequestStatus.ACCEPTED)
        .select_related("requester", "recipient")
        .order_by("pk")
    )
    people_lock({p for r in accepted for p in (r.requester_id, r.recipient_id)})
    plan = _plan(slots, accepted, reshuffle=reshuffle)
    # Set aside the meetings that may move (out of the tables' and seats' constraints), then
    # put every placement down.
    movable = list(plan.movable.values())
    B2BMeeting.objects.filter(pk__in=[m.pk for m in movable]).update(cancelled_at=timezone.now())
    B2BSeat.objects.filter(meeting__in=movable).delete()
    by_id = {r.pk: r for r in accepted}
    new = [
        (by_id[rid], slots[placement.slot], placement.table)
        for rid, placement in plan.result.placed.items()
        if rid not in plan.staying
    ]
    made = _meetings_create(new)
    unplaced = _schedule_told(plan, new, made, notify=notify)
    report = ScheduleReport(
        placed=len(made),
        kept=len(plan.staying),
        unplaced=[(by_id[rid], str(REASONS[reason])) for rid, reason in unplaced.items()],
        upper_bound=scheduler.upper_bound(slots, plan.wanted),
    )
    audit_log(
        instance=edition,
        action=PLACED_ACTION,
        by=by,
        data={"placed": report.placed, "kept": report.kept, "reshuffle": reshuffle},
    )
    suggestions_refresh_later(edition_id=edition.pk)
    return report


@dataclasses.dataclass
class _Plan:
    staying: dict  # request id -> Placement kept
    movable: dict  # request id -> B2BMeeting that may move
    wanted: list
    result: scheduler.Schedule


def _plan(slots, accepted, *, reshuffle: bool) -> _Plan:
    """Where each accepted request goes: the meetings that stay, and the scheduler's plan
    for the others, run again if it would leave a movable meeting with no place."""
    index = {(slot.block_id, slot.starts_at): n for n, slot in enumerate(slots)}
    placed_now = {
        m.request_id: m
        for m in B2BMeeting.objects.filter(request__in=accepted, cancelled_at__isnull=True)
    }

    def where(meeting):
        slot = index.get((meeting.block_id, meeting.starts_at))
        return None if slot is None else scheduler.Placement(slot, meeting.table)

    staying = {
        rid: where(m)
        for rid, m in placed_now.items()
        if (m.confirmed or not reshuffle) and where(m) is not None
    }
    movable = {rid: m for rid, m in placed_now.items() if rid not in staying}
    wanted = [scheduler.Wanted(r.pk, r.requester_id, r.recipient_id) for r in accepted]
    busy = busy_periods({p for r in accepted for p in (r.requester_id, r.recipient_id)})
    result = scheduler.schedule(slots, wanted, busy=busy, fixed=staying)
    stranded = {
        rid: where(m)
        for rid, m in movable.items()
        if rid not in result.placed and where(m) is not None
    }
    if stranded:  # placed again, they would be lost: they keep their places
        result = scheduler.schedule(slots, wanted, busy=busy, fixed={**staying, **stranded})
    return _Plan(staying=staying, movable=movable, wanted=wanted, result=result)


def _schedule_told(plan: _Plan, new: list, made: dict, *, notify: bool) -> dict:
    """Tell both people of each meeting placed, or set adrift; returns the requests left
    unplaced, with why."""
    # Set aside with no place left (their slot is gone from the blocks): calendars drop the
    # event, and both people hear that a new time will follow.
    adrift = [m for rid, m in plan.movable.items() if rid not in made]
    B2BMeeting.objects.filter(pk__in=[m.pk for m in adrift]).update(sequence=F("sequence") + 1)
    for meeting in adrift if notify else []:
        for person in (meeting.request.requester, meeting.request.recipient):
            participant_tell(person, "request_accepted", request=meeting.request)
    unplaced = dict(plan.result.unplaced)
    for meeting_request, _slot, _table in new:
        if meeting_request.pk not in made:  # an acceptance took the place meanwhile
            unplaced[meeting_request.pk] = scheduler.NO_TABLE
        elif notify and made[meeting_request.pk]:  # placed where it was: nothing to tell
            for person in (meeting_request.requester, meeting_request.recipient):
                participant_tell(person, "meeting_placed", request=meeting_request)
    return unplaced


def _meetings_create(new: list) -> dict[int, bool]:
    """Put the placements down, all at once when none of the requests had a meeting before;
    one by one otherwise, or when one clashes with a meeting placed meanwhile (it is left
    out). Returns, for each request placed, whether its meeting is new or moved."""
    if not B2BMeeting.objects.filter(
        request__in=[meeting_request for meeting_request, *_ in new]
    ).exists():
        try:
            with transaction.atomic():
                meetings = B2BMeeting.objects.bulk_create(
                    B2BMeeting(
                        request=meeting_request,
                        block_id=slot.block_id,
                        starts_at=slot.starts_at,
                        ends_at=slot.ends_at,
                        table=table,
                    )
                    for meeting_request, slot, table in new
                )
                B2BSeat.objects.bulk_create(
                    B2BSeat(meeting=meeting, participant_id=person, starts_at=meeting.starts_at)
                    for meeting in meetings
                    for person in (meeting.request.requester_id, meeting.request.recipient_id)
                )
            return {meeting_request.pk: True for meeting_request, *_rest in new}
        except IntegrityError:
            pass
    made = {}
    for meeting_request, slot, table in new:
        try:
            with transaction.atomic():
                _meeting, moved = _meeting_create(meeting_request, slot, table)
        except IntegrityError:
            continue
        made[meeting_request.pk] = moved
    return made


@transaction.atomic
def meetings_confirm(*, meetings, by: User | None = None) -> int:
    """Confirm meetings: placing the meetings again keeps them where they are."""
    ids = [meeting.pk for meeting in meetings if not meeting.confirmed]
    confirmed = list(
        B2BMeeting.objects.select_for_update().filter(pk__in=ids, cancelled_at__isnull=True)
    )
    B2BMeeting.objects.filter(pk__in=[meeting.pk for meeting in confirmed]).update(confirmed=True)
    for meeting in confirmed:
        audit_log(instance=meeting, action=CONFIRMED_ACTION, by=by)
    return len(confirmed)


def meeting_request_cancel(
    *, meeting_request: MeetingRequest, by: B2BParticipant | User | None = None
) -> None:
    """Call off a request or its meeting, by one of the two people (a participant) or by an
    organiser (a user; None for the site itself). The meeting stays on record, cancelled, so
    calendars drop it; its slot and table are freed, and the other side is told."""
    participant = by if isinstance(by, B2BParticipant) else None
    with transaction.atomic():
        meeting_request = (
            MeetingRequest.objects.select_for_update()
            .select_related("requester", "recipient")
            .get(pk=meeting_request.pk)
        )
        if participant is not None and participant.pk not in (
            meeting_request.requester_id,
            meeting_request.recipient_id,
        ):
            raise B2BError(
                _("Only the two people concerned can call this meeting off."), code="not_concerned"
            )
        if meeting_request.status not in (RequestStatus.PENDING, RequestStatus.ACCEPTED):
            raise B2BError(_("This request is no longer open."), code="request_closed")
        meeting_request.status = RequestStatus.CANCELLED
        meeting_request.answered_at = meeting_request.answered_at or timezone.now()
        meeting_request.save(update_fields=["status", "answered_at"])
        meeting = B2BMeeting.objects.filter(
            request=meeting_request, cancelled_at__isnull=True
        ).first()
        if meeting is not None:
            meeting.cancelled_at = timezone.now()
            meeting.sequence += 1
            meeting.save(update_fields=["cancelled_at", "sequence", "updated_at"])
            meeting.seats.all().delete()
        actor = participant.user if participant is not None else by
        audit_log(instance=meeting_request, action=CANCELLED_ACTION, by=actor)
        suggestions_refresh_later(edition_id=meeting_request.edition_id)
        for person in (meeting_request.requester, meeting_request.recipient):
            if participant is None or person.pk != participant.pk:
                participant_tell(
                    person, "request_cancelled", request=meeting_request, meeting=meeting
                )


def participant_tell(participant: B2BParticipant, template: str, **context) -> None:
    """E-mail the participant in their language, with the link (`url`, at the site's public
    address, in that language) to the page where they act on the news; a request received
    opens on that request, with its answer buttons."""
    with translation.override(participant.language):
        url = public_url(reverse(TOLD_PAGES[template]))
    if template == "request_received":
        url += f"#request-{context['request'].pk}"
    email_render_and_queue(
        to=[participant.email],
        template_prefix=f"b2b/email/{template}",
        context={"participant": participant, "url": url, **context},
        language=participant.language,
    )


def meeting_video_set(
    *, meeting: B2BMeeting, by: B2BParticipant | User | None, url: str
) -> B2BMeeting:
    """Set (or with an empty `url`, remove) the address of a meeting's video call, for a
    side that cannot travel: by one of the two people (a participant) or an organiser (a
    user). Only https addresses: the link opens from e-mails and calendars.

    The calendar event gets a new revision, so subscribed calendars show the link; the other
    side is told (both sides when an organiser sets it). Nothing happens if the link is the
    same.
    """
    participant = by if isinstance(by, B2BParticipant) else None
    url = url.strip()
    if url:
        try:
            URLValidator(schemes=["https"])(url)
        except ValidationError:
            raise B2BError(
                _("Give the full address of the video call, starting with %(scheme)s.")
                % {"scheme": "https://"},
                code="video_url_invalid",
            ) from None
        if len(url) > B2BMeeting._meta.get_field("video_url").max_length:
            raise B2BError(_("This address is too long."), code="video_url_invalid")
    with transaction.atomic():
        meeting = (
            B2BMeeting.objects.select_for_update(of=("self",))
            .select_related("request__requester", "request__recipient", "block")
            .get(pk=meeting.pk)
        )
        meeting_request = meeting.request
        if participant is not None and participant.pk not in (
            meeting_request.requester_id,
            meeting_request.recipient_id,
        ):
            raise B2BError(
                _("Only the two people concerned can set this meeting's video link."),
                code="not_concerned",
            )
        if meeting.is_cancelled or meeting_request.status != RequestStatus.ACCEPTED:
            raise B2BError(_("This meeting is called off."), code="meeting_cancelled")
        if meeting.video_url == url:
            return meeting
        meeting.video_url = url
        meeting.sequence += 1
        meeting.save(update_fields=["video_url", "sequence", "updated_at"])
        # The address itself stays out of the log: it may carry the call's password.
        audit_log(
            instance=meeting,
            action=VIDEO_ACTION,
            by=participant.user if participant is not None else by,
            data={"video_link": bool(url)},
        )
        for person in (meeting_request.requester, meeting_request.recipient):
            if participant is None or person.pk != participant.pk:
                participant_tell(
                    person,
                    "meeting_video",
                    request=meeting_request,
                    meeting=meeting,
                    by_name=participant.name if participant is not None else "",
                )
    return meeting
