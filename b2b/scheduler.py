"""Placing accepted one-to-one meetings into slots and tables: pure data in, placements out.

The problem is a kind of timetabling (each meeting needs a slot where both people are free
and a table is left), hard to solve exactly at the fair's size. A greedy pass does well in
practice and is easy to explain to organisers:

1. Meetings already placed and confirmed stay where they are: people have them in their
   calendars.
2. The other meetings are taken busiest people first (a meeting's weight is the number of
   meetings its busier participant has, then the other's): those people have the fewest
   free slots left, so they choose first, while choice remains.
3. Each meeting takes the earliest slot where both people are free (not in another meeting,
   not speaking at or signed up for a session of the programme) and a table is free.

What cannot be placed is reported with the reason. `tests/partnerships/test_scheduler.py`
compares it with an exhaustive search on small cases, and `tests/bench/` measures it at the
fair's size.
"""

import dataclasses
import datetime
from collections import Counter, defaultdict

NO_COMMON_TIME = "no_common_time"
NO_TABLE = "no_table"


@dataclasses.dataclass(frozen=True)
class Slot:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    tables: int
    block_id: int = 0


@dataclasses.dataclass(frozen=True)
class Wanted:
    """An accepted request to place: its id and its two participants."""

    id: int
    first: int
    second: int


@dataclasses.dataclass(frozen=True)
class Placement:
    slot: int  # index in the slot list
    table: int  # from 1


@dataclasses.dataclass
class Schedule:
    placed: dict[int, Placement]
    unplaced: dict[int, str]  # request id -> reason


def schedule(
    slots: list[Slot],
    wanted: list[Wanted],
    *,
    busy: dict[int, list[tuple[datetime.datetime, datetime.datetime]]] | None = None,
    fixed: dict[int, Placement] | None = None,
) -> Schedule:
    """Place `wanted` meetings; `fixed` ones (already confirmed) are kept as they are."""
    busy = busy or {}
    fixed = fixed or {}
    by_id = {meeting.id: meeting for meeting in wanted}
    taken_tables: dict[int, set[int]] = defaultdict(set)
    engaged: dict[int, set[int]] = defaultdict(set)  # participant -> slot indexes
    placed: dict[int, Placement] = {}
    for request_id, placement in fixed.items():
        meeting = by_id.get(request_id)
        placed[request_id] = placement
        taken_tables[placement.slot].add(placement.table)
        if meeting:
            engaged[meeting.first].add(placement.slot)
            engaged[meeting.second].add(placement.slot)

    unavailable = {
        person: {index for index, slot in enumerate(slots) if slot_overlaps(slot, periods)}
        for person, periods in busy.items()
    }
    load = Counter()
    for meeting in wanted:
        load[meeting.first] += 1
        load[meeting.second] += 1

    def weight(meeting: Wanted):
        heavier, lighter = sorted((load[meeting.first], load[meeting.second]), reverse=True)
        return (-heavier, -lighter, meeting.id)

    unplaced: dict[int, str] = {}
    for meeting in sorted((m for m in wanted if m.id not in fixed), key=weight):
        blocked = (
            engaged[meeting.first]
            | engaged[meeting.second]
            | unavailable.get(meeting.first, set())
            | unavailable.get(meeting.second, set())
        )
        common = [index for index in range(len(slots)) if index not in blocked]
        chosen = next(
            (index for index in common if len(taken_tables[index]) < slots[index].tables), None
        )
        if chosen is None:
            unplaced[meeting.id] = NO_TABLE if common else NO_COMMON_TIME
            continue
        table = min(set(range(1, slots[chosen].tables + 1)) - taken_tables[chosen])
        taken_tables[chosen].add(table)
        engaged[meeting.first].add(chosen)
        engaged[meeting.second].add(chosen)
        placed[meeting.id] = Placement(chosen, table)
    return Schedule(placed, unplaced)


def upper_bound(slots: list[Slot], wanted: list[Wanted]) -> int:
    """No schedule places more: not more meetings than asked, than seats at tables, or than
    the people's slots hold (each meeting takes two people's slot)."""
    seats = sum(slot.tables for slot in slots)
    load = Counter()
    for meeting in wanted:
        load[meeting.first] += 1
        load[meeting.second] += 1
    people_slots = sum(min(count, len(slots)) for count in load.values()) // 2
    return min(len(wanted), seats, people_slots)


def slot_overlaps(slot: Slot, periods) -> bool:
    """Whether the slot overlaps any of the (start, end) periods (a session, another meeting):
    the one test of a clash for the meetings."""
    return any(start < slot.ends_at and slot.starts_at < end for start, end in periods)


def slots_of(blocks) -> list[Slot]:
    """The slots of meeting blocks (objects with starts_at, ends_at, slot_minutes, tables)."""
    slots = []
    for block in blocks:
        length = datetime.timedelta(minutes=block.slot_minutes)
        start = block.starts_at
        while start + length <= block.ends_at:
            slots.append(Slot(start, start + length, block.tables, getattr(block, "pk", 0)))
            start += length
    return slots
