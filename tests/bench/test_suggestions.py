"""Suggestions for 1,000 participants with profiles and meeting requests as a fair has them:
computed and stored (`suggestions_refresh`) in under 2 s, on SQLite and on PostgreSQL.

Run with `make bench`, or on PostgreSQL with `DATABASE_URL=postgres://… python -m pytest
tests/bench/test_suggestions.py -s -p no:randomly`. The figures are printed, and the budget
is held by the median of three runs, so that one run slowed by the machine does not fail it.
"""

import datetime
import random
import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from b2b import matching, scheduler
from b2b.choices import MeetingHeld, PartnerRole, RequestStatus, SpokenLanguage
from b2b.models import (
    B2BMeeting,
    B2BParticipant,
    B2BRegionPriority,
    B2BSeat,
    B2BSuggestion,
    B2BUnavailability,
    MeetingFeedback,
    MeetingRequest,
)
from b2b.services.suggestions import suggestion_profiles, suggestions_refresh
from b2b.vocabulary import TOPICS
from events.choices import ConsentKind
from events.models import Consent
from fairsite.models import User
from tests.factories import B2BBlockFactory, EditionFactory, PartnerRegionFactory

pytestmark = pytest.mark.django_db(transaction=True)

PARTICIPANTS = 1000
BUDGET_SECONDS = 2.0
# About three requests a participant by the eve of the fair, answered as people answer them.
REQUESTS_EACH = 3
REQUEST_STATUSES = [
    (RequestStatus.ACCEPTED, 45),
    (RequestStatus.PENDING, 30),
    (RequestStatus.DECLINED, 15),
    (RequestStatus.EXPIRED, 5),
    (RequestStatus.CANCELLED, 5),
]
MARKETS = ["MA", "FR", "ES", "BE", "NL", "DE", "IT", "SN", "CI", "MR", "TN", "AE", "SA", "CA"]
# Some topics and markets are far more common than others, as at a real fair.
TOPIC_WEIGHTS = [1 / (rank + 1) ** 0.5 for rank in range(len(TOPICS))]
MARKET_WEIGHTS = [1 / (rank + 1) for rank in range(len(MARKETS))]


def sample(rng, population, weights, k):
    chosen = set()
    while len(chosen) < k:
        chosen.add(rng.choices(population, weights)[0])
    return sorted(chosen)


def fair_of(size: int, rng: random.Random):
    edition = EditionFactory(is_current=True)
    blocks = []
    for day in range(2):  # two afternoons of 20-minute meetings: 18 slots
        block = B2BBlockFactory(edition=edition, tables=40)
        block.starts_at += datetime.timedelta(days=day)
        block.ends_at = block.starts_at + datetime.timedelta(hours=3)
        block.save()
        blocks.append(block)
    regions = [PartnerRegionFactory() for _n in range(4)]
    B2BRegionPriority.objects.bulk_create(
        B2BRegionPriority(edition=edition, partner_region=region, weight=w)
        for region, w in zip(regions, [3, 2, 1, 0], strict=True)
    )
    users = User.objects.bulk_create(User(email=f"bench{n}@fair.example") for n in range(size))
    # Nine in ten agreed to be found.
    Consent.objects.bulk_create(
        Consent(user=user, kind=ConsentKind.FINDABLE, version="1", text="…", language="fr")
        for n, user in enumerate(users)
        if n % 10
    )
    topics = [code for code, _label in TOPICS]
    roles = list(PartnerRole.values)
    languages = list(SpokenLanguage.values)
    people = B2BParticipant.objects.bulk_create(
        B2BParticipant(
            edition=edition,
            user=user,
            email=user.email,
            kind="exhibitor" if n % 3 else "buyer",
            name=f"Participant {n}",
            organisation=f"Organisation {n // 2}",  # two by two: colleagues
            offer_topics=sample(rng, topics, TOPIC_WEIGHTS, rng.randint(1, 3)),
            seek_topics=sample(rng, topics, TOPIC_WEIGHTS, rng.randint(2, 3)),
            roles=rng.sample(roles, rng.randint(1, 2)),
            roles_sought=rng.sample(roles, rng.randint(1, 2)),
            markets=sample(rng, MARKETS, MARKET_WEIGHTS, rng.randint(1, 3)),
            languages=["ar", *rng.sample(languages[2:], rng.randint(0, 2))]
            if n % 4
            else rng.sample(languages[2:], 1),
            partner_region=regions[n % 4] if n % 10 == 0 else None,
            priority=rng.choice([0, 0, 0, 0, 1, 2, 3]),
        )
        for n, user in enumerate(users)
    )
    # One in five cannot make the first afternoon.
    B2BUnavailability.objects.bulk_create(
        B2BUnavailability(
            participant=person, starts_at=blocks[0].starts_at, ends_at=blocks[0].ends_at
        )
        for n, person in enumerate(people)
        if n % 5 == 0
    )
    requests_of(edition, people, blocks, rng)
    return edition


def requests_of(edition, people, blocks, rng: random.Random) -> None:
    """Requests with the skew of a fair (some people are asked far more than others), each
    pair once, in every state; the accepted ones placed at a table where both sides are free
    (a fifth of the people cannot make the first afternoon), and a third of those meetings
    said to have taken place."""
    size = len(people)
    weights = [1 / (rank + 1) ** 0.6 for rank in range(size)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < REQUESTS_EACH * size:
        first, second = rng.choices(range(size), weights, k=2)
        if first != second and (second, first) not in pairs:
            pairs.add((first, second))
    statuses, shares = zip(*REQUEST_STATUSES, strict=True)
    requests = MeetingRequest.objects.bulk_create(
        MeetingRequest(
            edition=edition,
            requester=people[first],
            recipient=people[second],
            status=status,
        )
        for (first, second), status in zip(
            sorted(pairs), rng.choices(statuses, shares, k=len(pairs)), strict=True
        )
    )
    slots = scheduler.slots_of(blocks)
    first_afternoon = {slot.starts_at for slot in slots if slot.block_id == blocks[0].pk}
    cannot_make_it = {person.pk for n, person in enumerate(people) if n % 5 == 0}
    busy: set[tuple[int, datetime.datetime]] = set()
    tables_taken: dict[datetime.datetime, int] = {}
    placed = []
    for request in requests:
        if request.status != RequestStatus.ACCEPTED:
            continue
        sides = (request.requester_id, request.recipient_id)
        for slot in slots:
            if tables_taken.get(slot.starts_at, 0) >= slot.tables:
                continue
            if slot.starts_at in first_afternoon and cannot_make_it.intersection(sides):
                continue
            if any((side, slot.starts_at) in busy for side in sides):
                continue
            tables_taken[slot.starts_at] = tables_taken.get(slot.starts_at, 0) + 1
            busy.update((side, slot.starts_at) for side in sides)
            placed.append((request, slot, tables_taken[slot.starts_at]))
            break
    meetings = B2BMeeting.objects.bulk_create(
        B2BMeeting(
            request=request,
            block_id=slot.block_id,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            table=table,
        )
        for request, slot, table in placed
    )
    B2BSeat.objects.bulk_create(
        B2BSeat(meeting=meeting, participant_id=side, starts_at=meeting.starts_at)
        for meeting in meetings
        for side in (meeting.request.requester_id, meeting.request.recipient_id)
    )
    MeetingFeedback.objects.bulk_create(
        MeetingFeedback(
            meeting=meeting, participant_id=meeting.request.requester_id, held=MeetingHeld.HELD
        )
        for n, meeting in enumerate(meetings)
        if n % 3 == 0
    )


@pytest.mark.parametrize("size", [PARTICIPANTS])
def test_suggestions_for_a_thousand_participants(capsys, size):
    edition = fair_of(size, random.Random(18))

    timings = []
    for _round in range(3):
        began = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            kept = suggestions_refresh(edition=edition)
        timings.append(time.perf_counter() - began)
    profiles = suggestion_profiles(edition=edition)
    asked = list(MeetingRequest.objects.values_list("requester_id", "recipient_id"))
    began = time.perf_counter()
    found = matching.suggest(profiles, excluded=asked, region_weights={})
    compute = time.perf_counter() - began
    median = statistics.median(timings)
    # A few may have asked, or been asked by, everyone who fits them: nobody left to suggest.
    without = sum(1 for p in profiles if p.active and not found[p.id])

    with capsys.disabled():
        print(
            f"\nsuggestions_refresh on {connection.vendor}, {size} participants, "
            f"{len(asked)} requests, {B2BMeeting.objects.count()} meetings: {kept} kept "
            f"({kept / size:.1f} each), {len(queries)} queries; "
            f"runs {', '.join(f'{t:.2f}' for t in timings)} s (budget {BUDGET_SECONDS:g} s); "
            f"matching alone {compute:.2f} s; {without} with nobody left to suggest"
        )
    assert kept == B2BSuggestion.objects.count()
    assert without <= size // 100
    # The requests were read: nobody is suggested someone they asked or were asked by.
    pairs = set(B2BSuggestion.objects.values_list("participant_id", "other_id"))
    assert not pairs & {*asked, *((b, a) for a, b in asked)}
    assert median < BUDGET_SECONDS, f"median run {median:.2f} s, budget {BUDGET_SECONDS:g} s"
