import datetime

import pytest

from b2b.errors import B2BError
from b2b.models import B2BMeeting, MeetingRequest
from b2b.selectors import participant_meetings
from b2b.services.meetings import (
    meeting_place,
    meeting_request_answer,
    meeting_request_cancel,
    meeting_request_make,
    meeting_requests_expire,
    meetings_schedule,
)
from events.services.badges import attendee_register
from fairsite.models import OutboundEmail
from programme.services.signups import session_signup
from tests.factories import (
    B2BBlockFactory,
    B2BParticipantFactory,
    EditionFactory,
    SessionFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def live_meetings(participant) -> list:
    return list(participant_meetings(participant).filter(cancelled_at__isnull=True))


@pytest.fixture
def fair(db):
    """An edition three weeks from now, with one block of six slots at three tables."""
    starts = datetime.date.today() + datetime.timedelta(days=21)
    edition = EditionFactory(starts_on=starts, ends_on=starts + datetime.timedelta(days=2))
    B2BBlockFactory(edition=edition)
    return edition


def people(edition, count):
    return [B2BParticipantFactory(edition=edition) for _n in range(count)]


def test_ask_accept_and_the_meeting_is_placed_and_told(fair):
    salma, omar = people(fair, 2)

    request = meeting_request_make(
        requester=salma, recipient=omar, message="Vos produits m'intéressent"
    )
    assert meeting_request_make(requester=omar, recipient=salma) == request  # asked already
    meeting_request_answer(meeting_request=request, by=omar, accept=True)

    meeting = B2BMeeting.objects.get()
    assert meeting.starts_at == fair.b2b_blocks.get().starts_at and meeting.table == 1
    assert live_meetings(salma) == live_meetings(omar) == [meeting]
    told = list(OutboundEmail.objects.values_list("to", flat=True).order_by("pk"))
    assert told == [[omar.email], [salma.email], [omar.email]]


def test_only_the_person_asked_answers_and_only_once(fair):
    salma, omar, nadia = people(fair, 3)
    request = meeting_request_make(requester=salma, recipient=omar)

    for by in (salma, nadia):
        with pytest.raises(B2BError):
            meeting_request_answer(meeting_request=request, by=by, accept=True)
    meeting_request_answer(meeting_request=request, by=omar, accept=False)
    with pytest.raises(B2BError):
        meeting_request_answer(meeting_request=request, by=omar, accept=True)
    assert not B2BMeeting.objects.exists()


def test_no_request_to_oneself_or_to_another_edition(fair):
    salma = B2BParticipantFactory(edition=fair)
    for other in (salma, B2BParticipantFactory()):
        with pytest.raises(B2BError):
            meeting_request_make(requester=salma, recipient=other)


def test_pending_requests_expire_on_the_eve_of_the_fair(fair):
    salma, omar = people(fair, 2)
    request = meeting_request_make(requester=salma, recipient=omar)

    assert meeting_requests_expire(today=fair.starts_on - datetime.timedelta(days=2)) == 0
    assert meeting_requests_expire(today=fair.starts_on - datetime.timedelta(days=1)) == 1
    request.refresh_from_db()
    assert request.status == "expired"


def test_nobody_is_in_two_meetings_at_once_nor_during_their_sessions(fair):
    speaker = SpeakerFactory()
    busy_one = B2BParticipantFactory(edition=fair, speaker=speaker)
    block = fair.b2b_blocks.get()
    SessionFactory(
        edition=fair,
        starts_at=block.starts_at,
        ends_at=block.starts_at + datetime.timedelta(minutes=30),
        speakers=[speaker],
    )
    others = people(fair, 3)
    for other in others:
        request = meeting_request_make(requester=other, recipient=busy_one)
        meeting_request_answer(meeting_request=request, by=busy_one, accept=True)

    starts = sorted(m.starts_at for m in live_meetings(busy_one))
    minutes = [(s - block.starts_at).total_seconds() / 60 for s in starts]
    assert minutes == [40, 60, 80]  # not at 15:00 or 15:20: speaking until 15:30


def test_a_visitor_s_sign_ups_are_kept_free(fair):
    attendee = attendee_register(edition=fair, category="visitor", full_name="Hind")[0]
    block = fair.b2b_blocks.get()
    workshop = SessionFactory(
        edition=fair, starts_at=block.starts_at, ends_at=block.ends_at, signup_required=True
    )
    hind = B2BParticipantFactory(edition=fair, attendee=attendee)
    omar = B2BParticipantFactory(edition=fair)
    request = meeting_request_make(requester=omar, recipient=hind)
    session_signup(session=workshop, attendee=attendee)  # after the request: busy all along

    meeting_request_answer(meeting_request=request, by=hind, accept=True)

    assert meeting_place(meeting_request=request) is None
    report = meetings_schedule(edition=fair)
    assert report.placed == 0 and report.unplaced[0][0] == request


def test_the_organisers_run_places_the_rest_and_keeps_what_is_confirmed(fair):
    block = fair.b2b_blocks.get()
    block.tables = 1
    block.save()
    hub, *others = people(fair, 5)
    accepted = []
    for other in others:
        request = MeetingRequest.objects.create(
            edition=fair, requester=other, recipient=hub, status="accepted"
        )
        accepted.append(request)
    first = meeting_place(meeting_request=accepted[0])
    first.confirmed = True
    first.save()

    report = meetings_schedule(edition=fair)
    again = meetings_schedule(edition=fair)

    assert (report.placed, report.kept, report.unplaced) == (3, 1, [])
    assert (again.placed, again.kept) == (0, 4)
    assert B2BMeeting.objects.get(pk=first.pk).starts_at == first.starts_at
    assert report.upper_bound == 4
    reshuffled = meetings_schedule(edition=fair, reshuffle=True)
    assert (reshuffled.placed, reshuffled.kept) == (3, 1)
    assert B2BMeeting.objects.get(pk=first.pk).starts_at == first.starts_at


def test_calling_a_meeting_off_frees_the_slot_and_tells_the_other(fair):
    block = fair.b2b_blocks.get()
    block.tables = 1
    block.save()
    salma, omar, nadia = people(fair, 3)
    request = meeting_request_make(requester=salma, recipient=omar)
    meeting_request_answer(meeting_request=request, by=omar, accept=True)
    meeting = B2BMeeting.objects.get()
    OutboundEmail.objects.all().delete()

    with pytest.raises(B2BError):
        meeting_request_cancel(meeting_request=request, by=nadia)
    meeting_request_cancel(meeting_request=request, by=salma)

    meeting.refresh_from_db()
    assert meeting.cancelled_at is not None and meeting.sequence == 1
    assert live_meetings(salma) == []
    assert list(OutboundEmail.objects.values_list("to", flat=True)) == [[omar.email]]
    later = meeting_request_make(requester=nadia, recipient=salma)
    meeting_request_answer(meeting_request=later, by=salma, accept=True)
    assert later.meeting.starts_at == meeting.starts_at and later.meeting.table == 1
    with pytest.raises(B2BError):
        meeting_request_cancel(meeting_request=request, by=salma)  # once only


def test_a_meeting_placed_again_elsewhere_keeps_its_event_with_a_new_revision(fair):
    speaker = SpeakerFactory()
    salma = B2BParticipantFactory(edition=fair, speaker=speaker)
    omar = B2BParticipantFactory(edition=fair)
    request = meeting_request_make(requester=salma, recipient=omar)
    meeting_request_answer(meeting_request=request, by=omar, accept=True)
    first = B2BMeeting.objects.get()
    block = fair.b2b_blocks.get()
    SessionFactory(  # Salma is now due to speak when the meeting was
        edition=fair,
        starts_at=block.starts_at,
        ends_at=block.starts_at + datetime.timedelta(minutes=20),
        speakers=[speaker],
    )
    OutboundEmail.objects.all().delete()

    meetings_schedule(edition=fair, reshuffle=True)

    again = B2BMeeting.objects.get(request=request)
    assert again.starts_at > first.starts_at and again.sequence == first.sequence + 1
    assert OutboundEmail.objects.count() == 2  # both told of the new time


def test_placements_that_clash_with_a_meeting_placed_meanwhile_are_left_out(fair):
    from b2b import scheduler
    from b2b.services.meetings import _meetings_create

    block = fair.b2b_blocks.get()
    slot = scheduler.slots_of([block])[0]
    salma, omar, nadia, karim = people(fair, 4)
    taken = MeetingRequest.objects.create(
        edition=fair, requester=salma, recipient=omar, status="accepted"
    )
    meeting_place(meeting_request=taken)  # at the first slot, table 1
    late = MeetingRequest.objects.create(
        edition=fair, requester=nadia, recipient=salma, status="accepted"
    )
    other = MeetingRequest.objects.create(
        edition=fair, requester=karim, recipient=nadia, status="accepted"
    )

    made = _meetings_create([(late, slot, 2), (other, slot, 1)])

    assert made == {}  # table 1 is taken; Salma is in a meeting at that time
    made = _meetings_create([(late, slot, 2), (other, slot, 3)])
    assert made == {other.pk: True}


def test_a_meeting_whose_slot_is_gone_is_set_aside_and_its_people_told(fair):
    salma, omar = people(fair, 2)
    request = meeting_request_make(requester=salma, recipient=omar)
    meeting_request_answer(meeting_request=request, by=omar, accept=True)
    meeting = B2BMeeting.objects.get()
    block = fair.b2b_blocks.get()
    block.starts_at += datetime.timedelta(minutes=10)  # every slot moves by ten minutes
    block.save()
    OutboundEmail.objects.all().delete()

    report = meetings_schedule(edition=fair)

    meeting.refresh_from_db()
    assert report.placed == 1  # placed again in the new slots
    assert meeting.starts_at == block.starts_at and meeting.cancelled_at is None
    assert meeting.sequence == 1
    assert OutboundEmail.objects.count() == 2
    assert B2BMeeting.objects.count() == 1  # the same calendar event, moved


def test_blocks_of_one_edition_do_not_overlap(fair):
    from django.core.exceptions import ValidationError

    from b2b.models import B2BBlock

    block = fair.b2b_blocks.get()
    overlapping = B2BBlock(
        edition=fair,
        starts_at=block.starts_at + datetime.timedelta(minutes=30),
        ends_at=block.ends_at + datetime.timedelta(hours=1),
    )
    following = B2BBlock(
        edition=fair, starts_at=block.ends_at, ends_at=block.ends_at + datetime.timedelta(hours=1)
    )

    with pytest.raises(ValidationError):
        overlapping.full_clean()
    following.full_clean()
