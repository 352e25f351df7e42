"""Two people accept, at the same instant, meetings that would put a third in two places."""

import datetime

import pytest
from django.db import connection

from b2b.models import B2BMeeting, B2BSeat
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


def test_two_acceptances_at_once_never_clash():
    starts = datetime.date.today() + datetime.timedelta(days=21)
    edition = EditionFactory(starts_on=starts, ends_on=starts + datetime.timedelta(days=2))
    B2BBlockFactory(edition=edition, tables=1)
    hub = B2BParticipantFactory(edition=edition)
    pairs = []
    for _n in range(6):
        other = B2BParticipantFactory(edition=edition)
        pairs.append((meeting_request_make(requester=hub, recipient=other), other))

    outcomes = at_once(
        lambda pair: meeting_request_answer(meeting_request=pair[0], by=pair[1], accept=True), pairs
    )

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    meetings = B2BMeeting.objects.all()
    assert meetings.count() == 6  # six slots, one table: all placed, one after the other
    assert len({m.starts_at for m in meetings}) == 6
    assert B2BSeat.objects.filter(participant=hub).count() == 6
