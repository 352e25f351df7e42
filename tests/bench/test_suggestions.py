"""Suggestions for 1,000 participants with profiles as a fair has them: computed and stored
(`suggestions_refresh`) in under 2 s, on SQLite and on PostgreSQL.

Run with `make bench`, or on PostgreSQL with `DATABASE_URL=postgres://… python -m pytest
tests/bench/test_suggestions.py -s -p no:randomly`. The figures are printed; the budget is
asserted by the reader, not here (a stopwatch in a test fails on a busy machine).
"""

import datetime
import random
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from b2b import matching
from b2b.choices import PartnerRole, SpokenLanguage
from b2b.models import B2BParticipant, B2BRegionPriority, B2BSuggestion, B2BUnavailability
from b2b.services.suggestions import suggestion_profiles, suggestions_refresh
from b2b.vocabulary import TOPICS
from events.choices import ConsentKind
from events.models import Consent
from fairsite.models import User
from tests.factories import B2BBlockFactory, EditionFactory, PartnerRegionFactory

pytestmark = pytest.mark.django_db(transaction=True)

PARTICIPANTS = 1000
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
    return edition


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
    began = time.perf_counter()
    found = matching.suggest(profiles, region_weights={})
    compute = time.perf_counter() - began

    with capsys.disabled():
        print(
            f"\nsuggestions_refresh on {connection.vendor}, {size} participants: {kept} kept "
            f"({kept / size:.1f} each), {len(queries)} queries; "
            f"runs {', '.join(f'{t:.2f}' for t in timings)} s (budget 2 s); "
            f"matching alone {compute:.2f} s"
        )
    assert kept == B2BSuggestion.objects.count()
    assert min(len(found[p.id]) for p in profiles if p.active) > 0
