import datetime
import zoneinfo

import pytest

from programme.models import Session
from tests.factories import RoomFactory, SessionFactory, SpeakerFactory, TrackFactory

FAIR = zoneinfo.ZoneInfo("Africa/Casablanca")


def add_sessions(edition, rooms, tracks, speakers, count: int, *, start: int = 0) -> None:
    """`count` half-hour sessions over the edition's days, in turn in each room and track,
    two speakers each, one in ten cancelled."""
    made = []
    for n in range(start, start + count):
        slot = n // len(rooms)
        day = edition.starts_on + datetime.timedelta(days=(slot // 16) % 4)
        starts_at = datetime.datetime.combine(
            day, datetime.time(9), tzinfo=FAIR
        ) + datetime.timedelta(minutes=30 * (slot % 16))
        made.append(
            Session(
                edition=edition,
                title_ar=f"الجلسة {n}: المقاولة الجماعية",
                title_fr=f"Séance {n} : l'entrepreneuriat collectif",
                title_en=f"Session {n}: collective entrepreneurship",
                description_fr="Des coopératives présentent leur expérience.",
                track=tracks[n % len(tracks)],
                room=rooms[n % len(rooms)],
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(minutes=30),
                status="cancelled" if n % 10 == 9 else "published",
                type="workshop" if n % 4 == 0 else "talk",
                language="fr" if n % 3 == 0 else "ar",
            )
        )
    Session.objects.bulk_create(made)
    through = Session.speakers.through
    through.objects.bulk_create(
        through(session=session, speaker=speaker)
        for index, session in enumerate(Session.objects.filter(pk__in=[s.pk for s in made]))
        for speaker in {speakers[(index * 2 + k) % len(speakers)] for k in range(2)}
    )


@pytest.fixture
def programme(edition):
    """The current edition's programme: two rooms, two tracks, three speakers, a published
    session, a cancelled one and a draft."""
    rooms = [RoomFactory(venue=edition.venue, order=n) for n in range(2)]
    tracks = [TrackFactory(edition=edition, order=n) for n in range(2)]
    speakers = [SpeakerFactory() for _n in range(3)]
    published = SessionFactory(
        edition=edition,
        room=rooms[0],
        track=tracks[0],
        title_en="Collective entrepreneurship",
        speakers=speakers[:2],
    )
    cancelled = SessionFactory(
        edition=edition,
        room=rooms[1],
        track=tracks[1],
        status="cancelled",
        starts_at=published.starts_at + datetime.timedelta(hours=2),
        ends_at=published.starts_at + datetime.timedelta(hours=3),
        speakers=speakers[1:2],
    )
    draft = SessionFactory(edition=edition, room=rooms[1], status="draft", speakers=speakers[2:])
    return {
        "edition": edition,
        "rooms": rooms,
        "tracks": tracks,
        "speakers": speakers,
        "published": published,
        "cancelled": cancelled,
        "draft": draft,
    }
