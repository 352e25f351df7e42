"""The programme's calendar feed with 500 sessions: queries and p50/p95.

Run with `make bench`; the figures are printed, the query count is asserted not to grow.
The feed is timed as a subscribed calendar meets it (the copy shared by the web processes),
after a change to the programme (written again from the process's written events), and in a
new process (every event written again).
"""

import datetime
import statistics
import time
import zoneinfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from icalendar import Calendar

from fairsite.services.site import home_pages_ensure
from programme.ical import calendar_cache_clear
from programme.models import ProgrammePage, Session
from tests.bench.measure import measure
from tests.factories import EditionFactory, RoomFactory, SpeakerFactory, TrackFactory

pytestmark = pytest.mark.django_db

ROUNDS = 50
FIRST_RENDER_ROUNDS = 20
URL = "/ical/programme.ics"
CASABLANCA = zoneinfo.ZoneInfo("Africa/Casablanca")
DESCRIPTIONS = {
    "ar": "تقدم التعاونيات تجاربها في التثمين والتلفيف والمواكبة من أجل التصدير، "
    "ويناقش المتدخلون سبل تقوية المقاولة الجماعية في جهة الشرق.\n"
    "الجلسة مفتوحة لجميع الزوار في حدود المقاعد المتوفرة.",
    "fr": "Des coopératives présentent leur expérience de valorisation, de conditionnement "
    "et d'accompagnement à l'export ; les intervenants débattent de l'entrepreneuriat "
    "collectif dans la Région de l'Oriental.\nSéance ouverte à tous les visiteurs.",
    "en": "Cooperatives share their experience of processing, packaging and export "
    "support; speakers discuss collective entrepreneurship in the Oriental Region.\n"
    "Open to all visitors while seats last.",
}


def add_sessions(edition, rooms, tracks, speakers, start: int, count: int) -> None:
    """Sessions of half an hour, one after another in each room over the edition's days."""
    slots_a_day = 16
    sessions = []
    for n in range(start, start + count):
        room = rooms[n % len(rooms)]
        slot = n // len(rooms)
        day = edition.starts_on + datetime.timedelta(days=slot // slots_a_day)
        starts_at = datetime.datetime.combine(
            day, datetime.time(9), tzinfo=CASABLANCA
        ) + datetime.timedelta(minutes=30 * (slot % slots_a_day))
        sessions.append(
            Session(
                edition=edition,
                title_ar=f"الجلسة {n}: المقاولة الجماعية، التثمين والتصدير",
                title_fr=f"Séance {n} : l'entrepreneuriat collectif, valorisation et export",
                title_en=f"Session {n}: collective entrepreneurship, processing and export",
                description_ar=DESCRIPTIONS["ar"],
                description_fr=DESCRIPTIONS["fr"],
                description_en=DESCRIPTIONS["en"],
                track=tracks[n % len(tracks)],
                room=room,
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(minutes=30),
                status="cancelled" if n % 10 == 9 else "published",
                sequence=n % 3,
            )
        )
    Session.objects.bulk_create(sessions)
    through = Session.speakers.through
    through.objects.bulk_create(
        through(session=session, speaker=speakers[(index * 2 + k) % len(speakers)])
        for index, session in enumerate(Session.objects.filter(pk__in=[s.pk for s in sessions]))
        for k in range(2)
    )


def first_renders(
    client: Client, url: str, rounds: int, *, events_too: bool
) -> tuple[float, float]:
    """(p50 ms, p95 ms) of requests made after the shared copy of the feed is dropped (a
    change to the programme), and with `events_too` the process's written events as well
    (a new process)."""
    timings = []
    for _round in range(rounds):
        cache.clear()
        if events_too:
            calendar_cache_clear()
        started = time.perf_counter()
        assert client.get(url).status_code == 200
        timings.append((time.perf_counter() - started) * 1000)
    quantiles = statistics.quantiles(timings, n=100)
    return quantiles[49], quantiles[94]


def test_programme_feed(capsys):
    homes = home_pages_ensure()
    for home in homes.values():
        home.add_child(
            instance=ProgrammePage(title="Programme", slug="programme", locale=home.locale)
        )
    edition = EditionFactory(is_current=True)
    rooms = [RoomFactory(venue=edition.venue) for _n in range(8)]
    tracks = [TrackFactory(edition=edition) for _n in range(6)]
    speakers = [SpeakerFactory() for _n in range(120)]
    client = Client()

    add_sessions(edition, rooms, tracks, speakers, 0, 100)
    small = measure(client, URL, rounds=ROUNDS)
    add_sessions(edition, rooms, tracks, speakers, 100, 400)
    large = measure(client, URL, rounds=ROUNDS)
    french = measure(client, URL + "?lang=fr", rounds=ROUNDS)
    changed = first_renders(client, URL, FIRST_RENDER_ROUNDS, events_too=False)
    first = first_renders(client, URL, FIRST_RENDER_ROUNDS, events_too=True)
    response = client.get(URL)
    events = Calendar.from_ical(response.content).events

    with capsys.disabled():
        print(f"\n{connection.vendor}, {ROUNDS} requests a feed, Django test client")
        print(f"{'feed':<40}{'queries (100 / 500 sessions)':>30}{'p50 ms':>10}{'p95 ms':>10}")
        print(f"{URL:<40}{small[0]:>16} / {large[0]:<11}{large[1]:>10.1f}{large[2]:>10.1f}")
        print(
            f"{URL + '?lang=fr':<40}{'':>16}   {french[0]:<11}{french[1]:>10.1f}{french[2]:>10.1f}"
        )
        print(
            f"{URL + ', after a change':<40}{'':>30}{changed[0]:>10.1f}{changed[1]:>10.1f}"
            f"   ({FIRST_RENDER_ROUNDS} requests)"
        )
        print(
            f"{URL + ', in a new process':<40}{'':>30}{first[0]:>10.1f}{first[1]:>10.1f}"
            f"   ({FIRST_RENDER_ROUNDS} requests)"
        )
        print(f"{len(events)} events, {len(response.content) / 1024:.0f} KiB")
    assert len(events) == 500
    assert small[0] == large[0], "queries grow with the number of sessions"
