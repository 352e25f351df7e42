"""Suggestions of people to meet, computed for a whole edition at once and kept in
B2BSuggestion rows that the pages read (the scoring and the reasons: b2b.matching).

A run reads the edition in a fixed number of queries, scores in memory and replaces the
edition's rows in one transaction: a page never sees half a run. Runs are asked for after
anything that changes them (`suggestions_refresh_later`: a profile saved, a request made or
answered, an unavailability, a meeting placed), and every quarter of an hour by the beat.
`tests/bench/test_suggestions.py` measures a run for 1,000 participants.
"""

import contextlib
import gc
from json import dumps

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from b2b import matching, scheduler
from b2b.choices import ParticipantKind
from b2b.models import (
    B2BBlock,
    B2BParticipant,
    B2BRegionPriority,
    B2BSeat,
    B2BSuggestion,
    MeetingRequest,
)

# A module, not its function: meetings imports this module to ask for runs.
from b2b.services import meetings
from events.models import Edition
from fairsite.queueing import task_send_now

# Many changes within these seconds (a profile saved field by field, an organiser's bulk
# edit) make one run, started this long after the first.
DEBOUNCE_SECONDS = 3


def suggestions_refresh(*, edition: Edition) -> int:
    """Compute every participant's suggestions for the edition and put them in place of the
    old ones; how many were kept. Runs for the same edition take turns (its row is locked)."""
    with transaction.atomic(), _cycle_collector_held():
        Edition.objects.select_for_update().filter(pk=edition.pk).first()
        profiles = suggestion_profiles(edition=edition)
        excluded = MeetingRequest.objects.filter(edition=edition).values_list(
            "requester_id", "recipient_id"
        )
        weights = dict(
            B2BRegionPriority.objects.filter(edition=edition, weight__gt=0).values_list(
                "partner_region_id", "weight"
            )
        )
        found = matching.suggest(profiles, excluded=excluded, region_weights=weights)
        B2BSuggestion.objects.filter(participant__edition=edition).delete()
        kept = _suggestions_insert(found, computed_at=timezone.now())
    cache.set(_ran_key(edition.pk), True, timeout=None)
    return kept


COPY = (
    "COPY b2b_b2bsuggestion (participant_id, other_id, rank, score, reasons, computed_at) "
    "FROM STDIN"
)
INSERT = (
    "INSERT INTO b2b_b2bsuggestion (participant_id, other_id, rank, score, reasons, computed_at) "
    "VALUES (%s, %s, %s, %s, %s, %s)"
)


def _suggestions_insert(found: dict[int, list[matching.Suggestion]], *, computed_at) -> int:
    """Insert the suggestions; how many rows. The ORM's bulk_create spent most of a run's
    time building the rows' parameters (tests/bench/test_suggestions.py): PostgreSQL takes
    them by COPY, SQLite by one statement run for every row, both in C. The reasons are JSON
    text, which PostgreSQL reads as jsonb and SQLite keeps, as Django's JSONField does."""
    when = connection.ops.adapt_datetimefield_value(computed_at)
    rows = [
        (participant_id, s.other, s.rank, s.score, dumps(s.reasons), when)
        for participant_id, suggestions in found.items()
        for s in suggestions
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(COPY) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(INSERT, rows)
    return len(rows)


@contextlib.contextmanager
def _cycle_collector_held():
    """A run makes a few hundred thousand small objects, none in a reference cycle: Python's
    cycle collector, which would walk them all again every few thousand, waits until the run
    ends (a third of a run's time at 1,000 participants)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def suggestion_profiles(*, edition: Edition) -> list[matching.Profile]:
    """The edition's participants as matching sees them, with the meeting slots where each
    is free (neither in a meeting, nor busy at a session or a time they said they cannot)."""
    rows = list(
        B2BParticipant.objects.filter(edition=edition).values(
            "pk",
            "kind",
            "organisation",
            "cooperative_id",
            "partner_region_id",
            "partner_region__slug",
            "offer_topics",
            "seek_topics",
            "roles",
            "roles_sought",
            "markets",
            "languages",
            "priority",
            "is_active",
        )
    )
    findable = set(
        B2BParticipant.objects.findable().filter(edition=edition).values_list("pk", flat=True)
    )
    free = _free_slots(edition, [row["pk"] for row in rows])
    return [
        matching.Profile(
            id=row["pk"],
            offer_topics=frozenset(row["offer_topics"] or ()),
            seek_topics=frozenset(row["seek_topics"] or ()),
            roles=frozenset(row["roles"] or ()),
            roles_sought=frozenset(row["roles_sought"] or ()),
            markets=frozenset(_codes(row["markets"])),
            languages=frozenset(row["languages"] or ()),
            partner_region=row["partner_region_id"],
            partner_region_slug=row["partner_region__slug"] or "",
            organisation=matching.organisation_key(
                cooperative_id=row["cooperative_id"],
                delegation_region_id=row["partner_region_id"]
                if row["kind"] == ParticipantKind.DELEGATION
                else None,
                organisation=row["organisation"],
            ),
            findable=row["pk"] in findable,
            active=row["is_active"],
            priority=row["priority"],
            free=free.get(row["pk"], matching.ANY_TIME),
        )
        for row in rows
    ]


def _codes(markets) -> list[str]:
    """Country codes from a CountryField(multiple=True) as values() gives it: a string of
    codes separated by commas."""
    if isinstance(markets, str):
        return [code for code in markets.split(",") if code]
    return [str(code) for code in markets or ()]


def _free_slots(edition: Edition, participant_ids: list[int]) -> dict[int, int]:
    """Each participant's free meeting slots as a bit mask (bit n: the edition's slot n);
    empty when the edition has no slots, where time does not decide."""
    slots = scheduler.slots_of(list(B2BBlock.objects.filter(edition=edition)))
    if not slots:
        return {}
    index = {slot.starts_at: n for n, slot in enumerate(slots)}
    everything = (1 << len(slots)) - 1
    taken: dict[int, int] = dict.fromkeys(participant_ids, 0)
    for person, periods in meetings.busy_periods(participant_ids).items():
        for n, slot in enumerate(slots):
            if scheduler.slot_overlaps(slot, periods):
                taken[person] |= 1 << n
    seats = B2BSeat.objects.filter(
        participant__edition=edition, meeting__cancelled_at__isnull=True
    ).values_list("participant_id", "starts_at")
    for person, starts_at in seats:
        if starts_at in index:
            taken[person] |= 1 << index[starts_at]
    return {person: everything & ~mask for person, mask in taken.items()}


def suggestions_refresh_later(*, edition_id: int) -> None:
    """Compute the edition's suggestions again once the current transaction commits (a
    profile, a request, an unavailability changed). Changes a few seconds apart share one
    run; if the broker is down, the quarter-hourly run catches up."""
    transaction.on_commit(lambda: _refresh_queue(edition_id))


def _debounce_key(edition_id: int) -> str:
    return f"b2b:suggestions:queued:{edition_id}"


def _refresh_queue(edition_id: int) -> None:
    # The run clears the key as it starts: a change made while it runs queues another.
    if not cache.add(_debounce_key(edition_id), True, timeout=10 * DEBOUNCE_SECONDS):
        return
    if not task_send_now(
        "b2b.refresh_suggestions", countdown=DEBOUNCE_SECONDS, edition_id=edition_id
    ):
        cache.delete(_debounce_key(edition_id))  # the quarter-hourly run catches up


def suggestions_refresh_started(*, edition_id: int) -> None:
    """A run is starting: changes from now on ask for a new one."""
    cache.delete(_debounce_key(edition_id))


def suggestions_queued(*, edition_id: int) -> bool:
    """Whether a run for the edition is asked for and has not started yet."""
    return cache.get(_debounce_key(edition_id)) is not None


def suggestions_for(*, participant: B2BParticipant) -> list[B2BSuggestion]:
    """The participant's suggestions, best first, as the last run left them, less anyone who
    since withdrew their consent to be found, left, or has a request with them now."""
    asked = MeetingRequest.objects.filter(
        Q(requester=participant) | Q(recipient=participant)
    ).values_list("requester_id", "recipient_id")
    known = {person for pair in asked for person in pair}
    return [
        suggestion
        for suggestion in B2BSuggestion.objects.filter(
            participant=participant,
            other__in=B2BParticipant.objects.findable().filter(is_active=True),
        )
        .select_related("other__partner_region", "other__cooperative")
        .order_by("rank")
        if suggestion.other_id not in known
    ]


def _ran_key(edition_id: int) -> str:
    return f"b2b:suggestions:ran:{edition_id}"


def suggestions_computed(*, edition: Edition) -> bool:
    """Whether a run has kept suggestions for the edition, or has run and found none to keep
    (as far as the cache remembers: forgotten, the next page view asks for a run again)."""
    return (
        cache.get(_ran_key(edition.pk)) is not None
        or B2BSuggestion.objects.filter(participant__edition=edition).exists()
    )
