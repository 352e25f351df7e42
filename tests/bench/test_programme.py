"""The public programme with 100 and 500 published sessions: queries (must not grow with the
number of sessions) and p50/p95 time. Run with `make bench`."""

import datetime
import io
import itertools

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from events.models import Edition
from fairsite.models import User
from programme.models import Room, Session, Speaker, Track
from tests.bench.measure import measure

pytestmark = pytest.mark.django_db

URLS = ["/ar/programme/", "/fr/programme/", "/fr/programme/?track={track}"]
ROUNDS = 50


def add_sessions(edition: Edition, total: int) -> None:
    """Sessions from 08:00 to 20:00 over the edition's days, in every room, until `total`."""
    rooms = list(Room.objects.filter(venue=edition.venue))
    tracks = list(Track.objects.filter(edition=edition))
    speakers = list(Speaker.objects.all())
    have = Session.objects.filter(edition=edition).count()
    starts = edition.sessions.order_by("starts_at").first().starts_at.replace(hour=7, minute=0)
    slots = (
        starts + datetime.timedelta(days=day, minutes=15 * quarter)
        for day, quarter in itertools.product(range(3), range(48))
    )
    made = []
    for n, (start, room) in enumerate(itertools.product(slots, rooms)):
        if have + n >= total:
            break
        made.append(
            Session(
                edition=edition,
                title_ar=f"جلسة تجريبية {n}",
                title_fr=f"Séance d'essai {n}",
                description_fr="Une description de quelques lignes. " * 4,
                room=room,
                track=tracks[n % len(tracks)],
                starts_at=start,
                ends_at=start + datetime.timedelta(minutes=15),
                status="published",
                signup_required=n % 5 == 0,
                capacity=30 if n % 5 == 0 else None,
            )
        )
    Session.objects.bulk_create(made)
    for n, session in enumerate(Session.objects.filter(pk__in=[s.pk for s in made])):
        session.speakers.set(speakers[n % len(speakers) : n % len(speakers) + 2])


def test_programme_page(capsys):
    call_command("seed_demo", stdout=io.StringIO())
    edition = Edition.objects.current()
    track = Track.objects.filter(edition=edition).first().pk
    urls = [url.format(track=track) for url in URLS]
    client = Client()
    add_sessions(edition, 100)
    small = {url: measure(client, url, rounds=ROUNDS) for url in urls}
    add_sessions(edition, 500)
    large = {url: measure(client, url, rounds=ROUNDS) for url in urls}
    # Signed in, the list is made for the visitor (stars, sign-ups) at every request.
    visitor = Client()
    visitor.force_login(User.objects.get(email="exhibitor@fair.example"))
    signed_in = {url: measure(visitor, url, rounds=ROUNDS) for url in urls[:2]}
    every_day = measure(visitor, "/fr/programme/?day=all", rounds=10)

    with capsys.disabled():
        print(f"\n{connection.vendor}, {ROUNDS} requests a page, Django test client")
        print(f"{'page':<32}{'queries (100 / 500)':>22}{'p50 ms':>10}{'p95 ms':>10}")
        for url in urls:
            print(
                f"{url:<32}{small[url][0]:>11} / {large[url][0]:<8}"
                f"{large[url][1]:>10.1f}{large[url][2]:>10.1f}"
            )
        for url, (queries, p50, p95) in signed_in.items():
            print(f"{url + ' (signed in)':<32}{queries:>22}{p50:>10.1f}{p95:>10.1f}")
        print(
            f"{'/fr/programme/?day=all (signed in)':<32}{every_day[0]:>22}"
            f"{every_day[1]:>10.1f}{every_day[2]:>10.1f}   (500 sessions on one page)"
        )
    for url in urls:
        assert small[url][0] == large[url][0], f"{url}: queries grow with the sessions"
