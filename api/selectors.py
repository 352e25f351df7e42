"""Reads for the public API: an edition's published programme, its speakers, rooms and
tracks, as the API lists them. Each read is a fixed number of queries, however many
sessions there are; the order is total (a last key that is unique), so pages never skip
or repeat a row."""

import datetime
import uuid
from types import SimpleNamespace

from django.db.models import QuerySet

from events.choices import EditionStatus
from events.models import Edition
from programme.frab import conference_acronym, room_guid, speaker_guid
from programme.models import Room, Session, Speaker, Track
from programme.selectors import day_bounds


def api_edition(reference: str = "") -> Edition | None:
    """The edition named by `?edition=`: its year ("2031") or its acronym in schedule apps
    ("ess2031"); the current edition when nothing is named. An edition still in draft is
    not public, unless it is the current one."""
    editions = Edition.objects.all()
    if not reference:
        return editions.filter(is_current=True).first()
    year = "".join(character for character in reference[-4:] if character.isdigit())
    if len(year) != 4:
        return None
    edition = editions.filter(year=int(year)).first()
    if edition is None or reference not in (str(edition.year), conference_acronym(edition)):
        return None
    if edition.status == EditionStatus.DRAFT and not edition.is_current:
        return None
    return edition


def api_public_sessions(*, edition: Edition) -> QuerySet[Session]:
    """The edition's published and cancelled sessions: what the API shows."""
    return Session.objects.published().filter(edition=edition)


# What a session's entry shows, read as rows rather than objects: a page of 200 sessions
# with their rooms, tracks and speakers would otherwise build a thousand model instances.
SESSION_VALUES = [
    "pk",
    "uid",
    "edition__year",
    "edition__time_zone",
    "status",
    "type",
    "language",
    *(f"{field}_{code}" for field in ("title", "description") for code in ("ar", "fr", "en")),
    "starts_at",
    "ends_at",
    "room_id",
    *(f"room__name_{code}" for code in ("ar", "fr", "en")),
    "track_id",
    "track__slug",
    *(f"track__name_{code}" for code in ("ar", "fr", "en")),
    "track__colour",
    "signup_required",
    "sequence",
    "updated_at",
]
SPEAKER_VALUES = [
    "pk",
    "name_ar",
    "name_latin",
    *(
        f"{field}_{code}"
        for field in ("organisation", "country", "bio")
        for code in ("ar", "fr", "en")
    ),
    "languages",
]


def api_sessions(
    *,
    edition: Edition,
    track: str = "",
    room: uuid.UUID | None = None,
    day: datetime.date | None = None,
    language: str = "",
    kind: str = "",
    status: str = "",
    updated_since: datetime.datetime | None = None,
) -> QuerySet:
    """The edition's public sessions, filtered, in time order, as rows of SESSION_VALUES
    (their speakers: `api_session_speakers`). `room` is the room's guid
    (programme.frab.room_guid)."""
    sessions = api_public_sessions(edition=edition)
    if track:
        sessions = sessions.filter(track__slug=track)
    if room is not None:
        sessions = sessions.filter(room_id=api_room_pk(edition=edition, guid=room))
    if day is not None:
        starts, ends = day_bounds(day, edition.time_zone)
        sessions = sessions.filter(starts_at__gte=starts, starts_at__lt=ends)
    if language:
        sessions = sessions.filter(language=language)
    if kind:
        sessions = sessions.filter(type=kind)
    if status:
        sessions = sessions.filter(status=status)
    if updated_since is not None:
        sessions = sessions.filter(updated_at__gte=updated_since)
    return sessions.order_by("starts_at", "room__order", "pk").values(*SESSION_VALUES)


def api_session(*, uid: uuid.UUID) -> dict | None:
    """A published or cancelled session of any edition, by its uid (the same in every
    calendar and schedule), as a row of SESSION_VALUES with its `speakers`."""
    row = Session.objects.published().filter(uid=uid).values(*SESSION_VALUES).first()
    if row is not None:
        row["speakers"] = api_session_speakers([row["pk"]]).get(row["pk"], [])
    return row


def api_session_speakers(session_pks: list[int]) -> dict[int, list[dict]]:
    """The speakers of these sessions, by name, as rows (pk, name_ar, name_latin), by session:
    one query."""
    rows = (
        Session.speakers.through.objects.filter(session_id__in=session_pks)
        .order_by("speaker__name_latin", "speaker__name_ar", "speaker_id")
        .values("session_id", "speaker_id", "speaker__name_ar", "speaker__name_latin")
    )
    speakers: dict[int, list[dict]] = {}
    for row in rows:
        speakers.setdefault(row["session_id"], []).append(
            {
                "pk": row["speaker_id"],
                "name_ar": row["speaker__name_ar"],
                "name_latin": row["speaker__name_latin"],
            }
        )
    return speakers


def api_speakers(*, edition: Edition) -> QuerySet:
    """The people who speak at the edition's public sessions, by name, as rows of
    SPEAKER_VALUES (their sessions: `api_speaker_sessions`)."""
    public = api_public_sessions(edition=edition)
    through = Session.speakers.through.objects.filter(session__in=public)
    return (
        Speaker.objects.filter(pk__in=through.values("speaker_id"))
        .order_by("name_latin", "name_ar", "pk")
        .values(*SPEAKER_VALUES)
    )


def api_speaker_sessions(*, edition: Edition, speaker_pks: list[int]) -> dict[int, list[str]]:
    """The uids of these speakers' public sessions in the edition, in time order, by speaker:
    one query."""
    rows = (
        Session.speakers.through.objects.filter(
            speaker_id__in=speaker_pks, session__in=api_public_sessions(edition=edition)
        )
        .order_by("session__starts_at", "session_id")
        .values_list("speaker_id", "session__uid")
    )
    sessions: dict[int, list[str]] = {}
    for speaker_pk, uid in rows:
        sessions.setdefault(speaker_pk, []).append(str(uid))
    return sessions


def api_speaker(*, edition: Edition, guid: uuid.UUID) -> dict | None:
    """One of the edition's speakers, by the guid the schedule gives them."""
    speakers = api_speakers(edition=edition)
    pks = speakers.values_list("pk", flat=True)
    found = next((pk for pk in pks if speaker_guid(SimpleNamespace(pk=pk)) == guid), None)
    return None if found is None else speakers.filter(pk=found).first()


def api_rooms(*, edition: Edition) -> QuerySet[Room]:
    """The rooms that hold at least one of the edition's public sessions, in the
    organisers' order."""
    public = api_public_sessions(edition=edition).values("room_id")
    return Room.objects.filter(pk__in=public).select_related("venue").order_by("order", "pk")


def api_room_pk(*, edition: Edition, guid: uuid.UUID) -> int | None:
    """The primary key of the edition's room with this guid: a venue has a handful of
    rooms, each guid is worked out from its key."""
    pks = api_rooms(edition=edition).values_list("pk", flat=True)
    return next((pk for pk in pks if room_guid(SimpleNamespace(pk=pk)) == guid), None)


def api_tracks(*, edition: Edition) -> QuerySet[Track]:
    return Track.objects.filter(edition=edition).order_by("order", "slug", "pk")
