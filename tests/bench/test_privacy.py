"""Personal data at the scale of a fair: the retention sweep over a past edition of 5,000
badge holders with an entry each, a person's 'My data' download, and one erasure. Run with
`make bench`."""

import datetime
import time

import pytest
from django.db import connection
from django.test import Client

from b2b.models import B2BParticipant
from events.models import Attendee, Badge, CheckIn
from privacy.retention import retention_sweep
from privacy.services import personal_data_erase, subject_for_user
from tests.bench.measure import measure
from tests.factories import EditionFactory, GateFactory, UserFactory

pytestmark = pytest.mark.django_db

PEOPLE = 5000


def past_edition_with_people(total: int):
    edition = EditionFactory()
    gate = GateFactory()
    attendees = Attendee.objects.bulk_create(
        Attendee(
            edition=edition,
            category="visitor",
            full_name=f"زائر {n}",
            organisation="Coopérative",
            email=f"visitor{n}@fair.example",
            phone=f"+2126{n:08d}",
        )
        for n in range(total)
    )
    badges = Badge.objects.bulk_create(
        Badge(
            attendee=attendee,
            edition=edition,
            category="visitor",
            code=f"BENCH-{attendee.pk}",
            valid_from=edition.starts_on,
            valid_until=edition.ends_on,
        )
        for attendee in attendees
    )
    moment = datetime.datetime.combine(edition.starts_on, datetime.time(10), tzinfo=datetime.UTC)
    CheckIn.objects.bulk_create(
        CheckIn(
            badge=badge,
            gate=gate,
            result="ok",
            scanned_at=moment,
            answer={"result": "ok", "badge": {"id": badge.pk, "name": "x", "organisation": "y"}},
        )
        for badge in badges
    )
    B2BParticipant.objects.bulk_create(
        B2BParticipant(edition=edition, kind="visitor", name=f"P {n}", email=f"p{n}@fair.example")
        for n in range(total // 10)
    )
    return edition


def test_retention_sweep_and_a_person_s_data(capsys):
    edition = past_edition_with_people(PEOPLE)
    later = edition.ends_on + datetime.timedelta(days=400)

    started = time.perf_counter()
    sweep = retention_sweep(today=later)
    swept = time.perf_counter() - started
    started = time.perf_counter()
    again = retention_sweep(today=later)
    idle = time.perf_counter() - started
    assert sweep.outcome["attendees"] >= PEOPLE and set(again.outcome.values()) == {0}

    user = UserFactory(email="visitor1@fair.example")
    Attendee.objects.filter(edition=edition).update(email="")
    Attendee.objects.filter(pk=Attendee.objects.order_by("pk").first().pk).update(
        email=user.email, full_name="زائر"
    )
    client = Client()
    client.force_login(user)
    export = measure(client, "/ar/privacy/my-data/?download=json", rounds=30)
    page = measure(client, "/ar/privacy/my-data/", rounds=30)
    started = time.perf_counter()
    personal_data_erase(subject=subject_for_user(user))
    erased = (time.perf_counter() - started) * 1000

    with capsys.disabled():
        print(f"\nprivacy on {connection.vendor}, a past edition of {PEOPLE} badge holders:")
        print(f"  retention sweep: {swept:.1f} s, rows erased by rule {sweep.outcome}")
        print(f"  a second sweep (nothing left): {idle * 1000:.0f} ms")
        print(
            f"  'My data' JSON: queries {export[0]}, p50 {export[1]:.0f} ms, p95 {export[2]:.0f} ms"
        )
        print(f"  'My data' page: queries {page[0]}, p50 {page[1]:.0f} ms, p95 {page[2]:.0f} ms")
        print(f"  one person's erasure: {erased:.0f} ms")
