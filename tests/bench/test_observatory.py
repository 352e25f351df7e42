"""The observatory's dashboard with 1,000 exhibitors, 50,000 check-ins and 500 sessions: the
time to count every indicator (done by a periodic task), and the queries and p50/p95 of the
dashboard and of the public pages that show the published figures.
Run with `make bench`."""

import datetime
import random
import time

import pytest
from django.db import connection
from django.test import Client

from events.models import Attendee, Badge, CheckIn
from exhibitors.choices import Province, Sector
from exhibitors.models import Application, Certification, Cooperative
from exportsupport.models import SupportRequest
from observatory.models import PublishedFigures
from observatory.selectors import CATALOGUE
from observatory.services.figures import figures_refresh
from observatory.services.pages import figures_pages_ensure
from programme.models import Session
from tests.bench.measure import measure
from tests.factories import (
    EditionFactory,
    GateFactory,
    RoomFactory,
    StandTypeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EXHIBITORS, CHECKINS, SESSIONS, VISITORS = 1000, 50_000, 500, 10_000


def fill(edition) -> None:
    rng = random.Random(7)
    stand_type = StandTypeFactory(edition=edition)
    cooperatives = Cooperative.objects.bulk_create(
        Cooperative(
            name=f"Coopérative {n}",
            name_ar=f"تعاونية {n}",
            legal_form="cooperative",
            registration_number=f"B-{n}",
            province=rng.choice(Province.values),
            sector=rng.choice(Sector.values),
            founded_in=2010,
            members=20,
            women_members=rng.randint(0, 20),
            young_members=rng.randint(0, 20),
            contact_name="Contact",
            email=f"bench{n}@fair.example",
            phone="+212 600 000 000",
        )
        for n in range(EXHIBITORS)
    )
    Application.objects.bulk_create(
        Application(
            edition=edition,
            cooperative=cooperative,
            stand_type=stand_type,
            status="confirmed",
            product_categories=["crafts"],
        )
        for cooperative in cooperatives
    )
    Certification.objects.bulk_create(
        Certification(cooperative=cooperative, kind="organic") for cooperative in cooperatives[::2]
    )
    SupportRequest.objects.bulk_create(
        SupportRequest(cooperative=cooperative, service="labelling", status="done")
        for cooperative in cooperatives[::5]
    )
    attendees = Attendee.objects.bulk_create(
        Attendee(edition=edition, category="visitor", full_name=f"V{n}") for n in range(VISITORS)
    )
    badges = Badge.objects.bulk_create(
        Badge(
            attendee=attendee,
            edition=edition,
            category="visitor",
            code=f"BENCH{n}",
            valid_from=edition.starts_on,
            valid_until=edition.ends_on,
        )
        for n, attendee in enumerate(attendees)
    )
    gate = GateFactory()
    start = datetime.datetime.combine(edition.starts_on, datetime.time(9), tzinfo=datetime.UTC)
    CheckIn.objects.bulk_create(
        CheckIn(
            badge=rng.choice(badges),
            gate=gate,
            result="ok",
            scanned_at=start + datetime.timedelta(minutes=rng.randint(0, 4 * 24 * 60)),
        )
        for _n in range(CHECKINS)
    )
    room = RoomFactory(venue=edition.venue)
    Session.objects.bulk_create(
        Session(
            edition=edition,
            title_ar=f"جلسة {n}",
            title_fr=f"Séance {n}",
            room=room,
            starts_at=start + datetime.timedelta(hours=n),
            ends_at=start + datetime.timedelta(hours=n, minutes=45),
            status="published",
            signup_required=n % 3 == 0,
        )
        for n in range(SESSIONS)
    )


def test_dashboard(capsys, homes):
    EditionFactory(year=2030)
    edition = EditionFactory(year=2031, is_current=True)
    client = Client()
    client.force_login(UserFactory(groups=["Organisers"]))
    small = measure(client, "/admin/observatory/", rounds=5)
    fill(edition)
    began = time.perf_counter()
    figures_refresh(edition=edition, language="ar")
    counting = (time.perf_counter() - began) * 1000
    large = measure(client, "/admin/observatory/", rounds=20)
    figures_pages_ensure(homes=homes)
    published = PublishedFigures.load()
    published.indicators = list(CATALOGUE)
    published.save()
    public = measure(Client(), "/ar/figures/", rounds=20)
    home = measure(Client(), "/ar/", rounds=20)

    with capsys.disabled():
        print(
            f"\n{connection.vendor}, observatory dashboard: {EXHIBITORS} exhibitors, "
            f"{CHECKINS} check-ins, {SESSIONS} sessions"
        )
        print(f"  counting every indicator (the periodic task's work): {counting:.0f} ms")
        print(f"  the page, from the kept figures: queries {small[0]} (empty) / {large[0]} (full)")
        print(f"  p50 {large[1]:.0f} ms, p95 {large[2]:.0f} ms")
        print(
            f"  /ar/figures/, every indicator published: queries {public[0]}, "
            f"p50 {public[1]:.0f} ms, p95 {public[2]:.0f} ms"
        )
        print(f"  /ar/ with its key figures: queries {home[0]}, p95 {home[2]:.0f} ms")
    assert small[0] == large[0], "queries grow with the data"
