import datetime
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from b2b.scheduler import (
    NO_COMMON_TIME,
    NO_TABLE,
    Placement,
    Slot,
    Wanted,
    schedule,
    slot_overlaps,
    upper_bound,
)

T0 = datetime.datetime(2027, 5, 13, 15, tzinfo=datetime.UTC)
MINUTES = datetime.timedelta(minutes=20)


def slots(count, tables):
    return [Slot(T0 + n * MINUTES, T0 + (n + 1) * MINUTES, tables) for n in range(count)]


def assert_no_clash(slot_list, wanted, result, busy=None):
    by_id = {m.id: m for m in wanted}
    seen_tables, seen_people = set(), set()
    for request_id, placement in result.placed.items():
        meeting = by_id[request_id]
        assert 1 <= placement.table <= slot_list[placement.slot].tables
        assert (placement.slot, placement.table) not in seen_tables
        seen_tables.add((placement.slot, placement.table))
        for person in (meeting.first, meeting.second):
            assert (person, placement.slot) not in seen_people
            seen_people.add((person, placement.slot))
            slot = slot_list[placement.slot]
            for start, end in (busy or {}).get(person, []):
                assert not (start < slot.ends_at and slot.starts_at < end)
    assert set(result.placed) | set(result.unplaced) == set(by_id)


def best(slot_list, wanted, busy=None):
    """The most meetings any schedule places: an exhaustive search, for small cases."""
    busy = busy or {}

    def free(person, index):
        slot = slot_list[index]
        return not any(s < slot.ends_at and slot.starts_at < e for s, e in busy.get(person, []))

    top = 0

    def search(position, count, tables, people):
        nonlocal top
        if count + (len(wanted) - position) <= top:
            return
        if position == len(wanted):
            top = max(top, count)
            return
        meeting = wanted[position]
        for index, slot in enumerate(slot_list):
            seats = {(meeting.first, index), (meeting.second, index)}
            fits = tables[index] < slot.tables and not seats & people
            if fits and free(meeting.first, index) and free(meeting.second, index):
                tables[index] += 1
                search(position + 1, count + 1, tables, people | seats)
                tables[index] -= 1
        search(position + 1, count, tables, people)

    search(0, 0, [0] * len(slot_list), frozenset())
    return top


def random_case(rng):
    people = rng.randint(3, 6)
    pairs = [(a, b) for a in range(people) for b in range(a + 1, people)]
    chosen = rng.sample(pairs, rng.randint(1, min(len(pairs), 8)))
    wanted = [Wanted(n, a, b) for n, (a, b) in enumerate(chosen)]
    slot_list = slots(rng.randint(1, 4), rng.randint(1, 2))
    busy = {}
    if rng.random() < 0.5:
        person = rng.randrange(people)
        busy[person] = [(slot_list[0].starts_at, slot_list[0].ends_at)]
    return slot_list, wanted, busy


def test_no_clash_and_close_to_the_best_on_small_cases():
    rng = random.Random(2027)
    total_greedy = total_best = 0
    for _case in range(300):
        slot_list, wanted, busy = random_case(rng)
        result = schedule(slot_list, wanted, busy=busy)
        assert_no_clash(slot_list, wanted, result, busy)
        optimum = best(slot_list, wanted, busy)
        assert len(result.placed) <= optimum <= upper_bound(slot_list, wanted)
        assert len(result.placed) >= optimum - 1
        total_greedy += len(result.placed)
        total_best += optimum
    assert total_greedy >= 0.95 * total_best


def test_confirmed_meetings_stay_where_they_are():
    slot_list = slots(3, 1)
    wanted = [Wanted(1, 10, 11), Wanted(2, 10, 12), Wanted(3, 11, 12)]
    first = schedule(slot_list, wanted)
    fixed = {1: first.placed[1]}

    again = schedule(slot_list, wanted, fixed={1: Placement(2, 1)})

    assert again.placed[1] == Placement(2, 1)
    assert_no_clash(slot_list, wanted, again)
    assert schedule(slot_list, wanted, fixed=fixed).placed[1] == first.placed[1]


def test_the_reasons_for_what_is_not_placed():
    slot_list = slots(1, 1)
    wanted = [Wanted(1, 10, 11), Wanted(2, 12, 13), Wanted(3, 10, 12)]

    result = schedule(slot_list, wanted)

    assert len(result.placed) == 1
    assert set(result.unplaced.values()) <= {NO_TABLE, NO_COMMON_TIME}
    busy = {20: [(T0, T0 + MINUTES)]}
    assert schedule(slot_list, [Wanted(9, 20, 21)], busy=busy).unplaced == {9: NO_COMMON_TIME}


@pytest.mark.parametrize("tables", [1, 3])
def test_the_busiest_people_are_placed_first(tables):
    # Person 0 wants to meet five people in five slots: only a schedule that serves them
    # first places all five.
    slot_list = slots(5, tables)
    wanted = [Wanted(n, n + 1, n + 2) for n in range(0, 20, 4)] + [
        Wanted(100 + n, 0, n + 1) for n in range(5)
    ]

    result = schedule(slot_list, wanted)

    assert all(100 + n in result.placed for n in range(5))
    assert_no_clash(slot_list, wanted, result)


@st.composite
def busy_cases(draw):
    """Slots, meetings wanted among a few people, and random busy periods: whole slots, parts
    of slots or stretches across several, as blocked slots and sessions give."""
    slot_list = slots(draw(st.integers(1, 6)), draw(st.integers(1, 3)))
    people = draw(st.integers(2, 7))
    pairs = [(a, b) for a in range(people) for b in range(a + 1, people)]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=10, unique=True))
    wanted = [Wanted(n, a, b) for n, (a, b) in enumerate(chosen)]
    minutes = st.integers(-30, 20 * len(slot_list) + 30)
    busy = draw(
        st.dictionaries(
            st.integers(0, people - 1),
            st.lists(
                st.tuples(minutes, st.integers(1, 90)).map(
                    lambda p: (
                        T0 + datetime.timedelta(minutes=p[0]),
                        T0 + datetime.timedelta(minutes=p[0] + p[1]),
                    )
                ),
                max_size=4,
            ),
        )
    )
    return slot_list, wanted, busy


@settings(max_examples=200, deadline=None)
@given(busy_cases())
def test_no_meeting_is_placed_when_one_of_its_people_is_busy(case):
    slot_list, wanted, busy = case

    result = schedule(slot_list, wanted, busy=busy)

    assert_no_clash(slot_list, wanted, result, busy)
    for request_id, reason in result.unplaced.items():
        meeting = next(m for m in wanted if m.id == request_id)
        free = [
            slot
            for slot in slot_list
            if not slot_overlaps(slot, busy.get(meeting.first, []) + busy.get(meeting.second, []))
        ]
        if not free:  # busy at every slot: said so (with free slots, others may fill them)
            assert reason == NO_COMMON_TIME
