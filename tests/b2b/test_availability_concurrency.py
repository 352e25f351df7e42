"""Someone blocks slots at the same instant as a meeting with them is accepted: the meeting
never lands in a slot they blocked. Either the acceptance waits and places it in a free
slot, or the blocking waits and is refused, naming the meeting."""

import datetime

import pytest
from django.db import connection

from b2b import scheduler
from b2b.errors import B2BError
from b2b.models import B2BMeeting
from b2b.services.availability import availability_set
from b2b.services.meetings import meeting_request_answer, meeting_request_make
from tests.concurrency import at_once
from tests.factories import B2BBlockFactory, B2BParticipantFactory, EditionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks between connections: runs on PostgreSQL (DATABASE_URL)",
    ),
]


def test_blocking_and_accepting_at_once_never_put_a_meeting_in_a_blocked_slot():
    starts = datetime.date.today() + datetime.timedelta(days=21)
    for _round in range(8):  # a fresh edition each round: the tables are all free
        edition = EditionFactory(starts_on=starts, ends_on=starts + datetime.timedelta(days=2))
        B2BBlockFactory(edition=edition, tables=3)
        slots = scheduler.slots_of(edition.b2b_blocks.all())
        hub = B2BParticipantFactory(edition=edition)
        asked = [B2BParticipantFactory(edition=edition) for _n in range(3)]
        requests = [meeting_request_make(requester=hub, recipient=other) for other in asked]
        blocked = [slot.starts_at for slot in slots[:4]]

        def act(argument, hub=hub, blocked=blocked):
            if argument == "block":
                return availability_set(participant=hub, starts=blocked, by=None)
            meeting_request, other = argument
            return meeting_request_answer(meeting_request=meeting_request, by=other, accept=True)

        outcomes = at_once(act, ["block", *zip(requests, asked, strict=True)])

        errors = [o for o in outcomes if isinstance(o, Exception)]
        assert all(isinstance(e, B2BError) and e.code == "meeting_in_slot" for e in errors), errors
        held = set(hub.unavailabilities.values_list("starts_at", flat=True))
        meetings = B2BMeeting.objects.filter(request__requester=hub, cancelled_at__isnull=True)
        # Refused: all three placed. Blocked: the hub has two slots left, so two are.
        assert meetings.count() == (3 if errors else 2)
        assert not {m.starts_at for m in meetings} & held
