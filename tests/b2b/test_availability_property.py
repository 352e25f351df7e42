"""Whatever the blocks, the people, their blocked slots and their requests, no meeting is
ever placed in a slot one of its two people blocked: not by an acceptance, not by the
organisers' run (placing the rest, or reshuffling), not after people change their blocked
slots between runs. Real services on the real database, one fresh edition an example."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.db.models import Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from b2b import scheduler
from b2b.errors import B2BError
from b2b.models import B2BBlock, B2BMeeting, B2BParticipant, B2BUnavailability, MeetingRequest
from b2b.services.availability import availability_set
from b2b.services.meetings import (
    meeting_request_answer,
    meeting_request_make,
    meetings_schedule,
)
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db

FAIR = ZoneInfo("Africa/Casablanca")

bounded = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Rollback(Exception):
    """Ends an example's transaction: the next example starts from an empty edition."""


blocks = st.lists(
    st.tuples(
        st.sampled_from([15, 20, 30]),  # minutes a meeting
        st.integers(1, 4),  # slots
        st.integers(1, 3),  # tables
        st.integers(0, 90),  # minutes after the previous block
    ),
    min_size=1,
    max_size=2,
)


@st.composite
def fairs(draw):
    shape = draw(blocks)
    slot_count = sum(count for _m, count, _t, _g in shape)
    people = draw(st.integers(2, 6))
    pairs = [(a, b) for a in range(people) for b in range(a + 1, people)]
    slot_sets = st.lists(st.sets(st.integers(0, slot_count - 1)), min_size=people, max_size=people)
    return {
        "blocks": shape,
        "people": people,
        "blocked": draw(slot_sets),
        "requests": draw(
            st.lists(
                st.tuples(st.sampled_from(pairs), st.sampled_from(["answer", "accepted"])),
                max_size=10,
                unique_by=lambda r: r[0],
            )
        ),
        "blocked_later": draw(slot_sets),
        "reshuffle": draw(st.booleans()),
    }


def build(case):
    edition = EditionFactory(
        starts_on=datetime.date(2031, 5, 13), ends_on=datetime.date(2031, 5, 15)
    )
    start = datetime.datetime(2031, 5, 13, 9, tzinfo=FAIR)
    for minutes, count, tables, gap in case["blocks"]:
        start += datetime.timedelta(minutes=gap)
        ends = start + datetime.timedelta(minutes=minutes * count)
        B2BBlock.objects.create(
            edition=edition, starts_at=start, ends_at=ends, slot_minutes=minutes, tables=tables
        )
        start = ends
    people = [
        B2BParticipant.objects.create(
            edition=edition, kind="buyer", name=f"P{n}", email=f"p{n}@fair.example"
        )
        for n in range(case["people"])
    ]
    return edition, people


def block(person, indexes, slots):
    """Block the slots; refused when one holds a meeting, as the page would be."""
    try:
        availability_set(participant=person, starts=[slots[n].starts_at for n in indexes], by=None)
    except B2BError as error:
        assert error.code == "meeting_in_slot"


def assert_no_meeting_in_a_blocked_slot(edition):
    blocked = {}
    for person, starts_at, ends_at in B2BUnavailability.objects.filter(
        participant__edition=edition
    ).values_list("participant", "starts_at", "ends_at"):
        blocked.setdefault(person, []).append((starts_at, ends_at))
    live = B2BMeeting.objects.filter(
        request__edition=edition, cancelled_at__isnull=True
    ).select_related("request")
    seen = set()
    for meeting in live:
        slot = scheduler.Slot(meeting.starts_at, meeting.ends_at, 1)
        for person in (meeting.request.requester_id, meeting.request.recipient_id):
            assert not scheduler.slot_overlaps(slot, blocked.get(person, [])), (
                f"meeting {meeting} in a slot P{person} blocked"
            )
            assert (person, meeting.starts_at) not in seen
            seen.add((person, meeting.starts_at))


@bounded
@given(case=fairs())
def test_no_meeting_is_ever_placed_in_a_blocked_slot(case):
    try:
        with transaction.atomic():
            edition, people = build(case)
            slots = scheduler.slots_of(edition.b2b_blocks.all())
            for person, indexes in zip(people, case["blocked"], strict=True):
                block(person, indexes, slots)
            for (a, b), route in case["requests"]:
                if route == "accepted":  # accepted earlier, left for the organisers' run
                    MeetingRequest.objects.create(
                        edition=edition, requester=people[a], recipient=people[b], status="accepted"
                    )
                    continue
                try:
                    asked = meeting_request_make(requester=people[a], recipient=people[b])
                except B2BError as error:
                    assert error.code == "no_common_slot"
                    continue
                meeting_request_answer(meeting_request=asked, by=people[b], accept=True)
            assert_no_meeting_in_a_blocked_slot(edition)

            meetings_schedule(edition=edition, notify=False)
            assert_no_meeting_in_a_blocked_slot(edition)

            # People change their minds; acceptances still waiting may be placed then.
            for person, indexes in zip(people, case["blocked_later"], strict=True):
                block(person, indexes, slots)
            assert_no_meeting_in_a_blocked_slot(edition)
            meetings_schedule(edition=edition, reshuffle=case["reshuffle"], notify=False)
            assert_no_meeting_in_a_blocked_slot(edition)
            placed = B2BMeeting.objects.filter(
                request__edition=edition, cancelled_at__isnull=True
            ).count()
            accepted = MeetingRequest.objects.filter(edition=edition, status="accepted").count()
            assert placed <= accepted
            raise Rollback
    except Rollback:
        pass


def test_the_property_test_sees_a_meeting_in_a_blocked_slot(db):
    """The check above is not blind: a meeting put in a blocked slot by hand is caught."""
    case = {"blocks": [(20, 2, 1, 0)], "people": 2}
    edition, (salma, omar) = build(case)
    slots = scheduler.slots_of(edition.b2b_blocks.all())
    block(salma, [0], slots)
    request = MeetingRequest.objects.create(
        edition=edition, requester=salma, recipient=omar, status="accepted"
    )
    B2BMeeting.objects.create(
        request=request,
        block=edition.b2b_blocks.get(),
        starts_at=slots[0].starts_at,
        ends_at=slots[0].ends_at,
        table=1,
    )
    assert B2BMeeting.objects.filter(Q(request__requester=salma)).exists()

    with pytest.raises(AssertionError, match="blocked"):
        assert_no_meeting_in_a_blocked_slot(edition)
