"""The B2B scheduler at the fair's size: 300 participants and 2,000 accepted requests.

Placed meetings are compared with two upper bounds: the accepted requests, and what the
slots, tables and each person's free slots can hold. Run with `make bench`.
"""

import datetime
import random
import time

import pytest
from django.db import connection

from b2b.choices import RequestStatus
from b2b.models import B2BMeeting, MeetingRequest
from b2b.scheduler import Slot, Wanted, schedule, upper_bound
from b2b.services.meetings import meetings_schedule
from tests.factories import B2BBlockFactory, B2BParticipantFactory, EditionFactory

PARTICIPANTS = 300
REQUESTS = 2000
DAYS, HOURS, SLOT_MINUTES, TABLES = 3, 3, 15, 40


def requests(rng: random.Random) -> list[tuple[int, int]]:
    """Pairs with the skew of a real fair: some people are asked far more than others."""
    weights = [1 / (rank + 1) ** 0.6 for rank in range(PARTICIPANTS)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < REQUESTS:
        first, second = rng.choices(range(PARTICIPANTS), weights, k=2)
        if first != second:
            pairs.add((min(first, second), max(first, second)))
    return sorted(pairs)


def slots(tables: int = TABLES) -> list[Slot]:
    start = datetime.datetime(2027, 5, 13, 15, tzinfo=datetime.UTC)
    length = datetime.timedelta(minutes=SLOT_MINUTES)
    per_day = HOURS * 60 // SLOT_MINUTES
    return [
        Slot(
            start + datetime.timedelta(days=day) + n * length,
            start + datetime.timedelta(days=day) + (n + 1) * length,
            tables,
        )
        for day in range(DAYS)
        for n in range(per_day)
    ]


@pytest.mark.parametrize("tables", [TABLES, 2 * TABLES])
def test_the_scheduler_alone(capsys, tables):
    pairs = requests(random.Random(13))
    wanted = [Wanted(n, a, b) for n, (a, b) in enumerate(pairs)]
    slot_list = slots(tables)

    began = time.perf_counter()
    result = schedule(slot_list, wanted)
    elapsed = time.perf_counter() - began

    bound = upper_bound(slot_list, wanted)
    with capsys.disabled():
        print(
            f"\nscheduler: {PARTICIPANTS} participants, {len(wanted)} accepted requests, "
            f"{len(slot_list)} slots x {tables} tables = {len(slot_list) * tables} seats"
        )
        print(
            f"  placed {len(result.placed)} in {elapsed * 1000:.0f} ms; upper bound {bound} "
            f"({len(result.placed) / bound:.1%} of it); not placed: "
            f"{sum(r == 'no_common_time' for r in result.unplaced.values())} no common time, "
            f"{sum(r == 'no_table' for r in result.unplaced.values())} no table"
        )
    assert len(result.placed) + len(result.unplaced) == len(wanted)


@pytest.mark.django_db(transaction=True)
def test_the_organisers_run_on_the_database(capsys):
    edition = EditionFactory(is_current=True)
    for day in range(DAYS):
        block = B2BBlockFactory(edition=edition, slot_minutes=SLOT_MINUTES, tables=TABLES)
        block.starts_at += datetime.timedelta(days=day)
        block.ends_at = block.starts_at + datetime.timedelta(hours=HOURS)
        block.save()
    people = [B2BParticipantFactory(edition=edition) for _n in range(PARTICIPANTS)]
    MeetingRequest.objects.bulk_create(
        MeetingRequest(
            edition=edition,
            requester=people[a],
            recipient=people[b],
            status=RequestStatus.ACCEPTED,
        )
        for a, b in requests(random.Random(13))
    )

    began = time.perf_counter()
    report = meetings_schedule(edition=edition, notify=False)
    elapsed = time.perf_counter() - began
    began = time.perf_counter()
    again = meetings_schedule(edition=edition, notify=False)
    rerun = time.perf_counter() - began

    with capsys.disabled():
        print(
            f"meetings_schedule on {connection.vendor}: placed {report.placed} of "
            f"{REQUESTS} in {elapsed:.2f} s (bound {report.upper_bound}); "
            f"run again: {again.placed} moved or added, {again.kept} kept, {rerun:.2f} s"
        )
    assert again.placed == 0 and again.kept == report.placed
    assert B2BMeeting.objects.count() == report.placed
