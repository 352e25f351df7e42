"""Reads for the public API: an edition's published programme, its speakers, rooms and
tracks, as the API lists them. Each read is a fixed number of queries, however many
sessions there are; the order is total (a last key that is unique), so pages never skip
or repeat a row."""

import datetime
import uuid
from types import SimpleNamespace

from django.db.models import Max, Prefetch, QuerySet

from events.choices import EditionStatus
from events.models import Edition
from programme.frab import conference_acronym, room_guid, speaker_guid
from programme.models import Room, Session, Speaker, Track
from programme.selectors import day_bounds, public_session_queryset


def api_edition(reference: str = "") -> Edition | None:
    """The edition named by `?edition=`: its year ("2031") or its acronym in schedule apps
    ("ess2031"); the current edition when nothing is named. An edition still in draft is
    not public, unless it is the current one."""
    if not reference:
        return Edition.objects.current()
    year = "".join(character for character in reference[-4:] if character.isdigit())
    if len(year) != 4:
        return None
    edition = Edition.objects.filter(year=int(year)).select_related("venue").first()
    if edition is None or reference not in (str(edition.year), conference_acronym(edition)):
        return None
    if edition.status == EditionStatus.DRAFT and not edition.is_current:
        return None
    return edition


def api_public_sessions(*, edition: Edition) -> QuerySet[Session]:
    """The edition's published and cancelled sessions: what the API shows."""
    return Session.objects.published().filter(edition=edition)


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
) -> QuerySet[Session]:
    """The edition's public sessions, filtered, in time order, with their room, track and
    speakers. `room` is the room's guid (programme.frab.room_guid)."""
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
    return public_session_queryset(sessions).order_by("starts_at", "room__order", "pk")


def api_session(*, uid: uuid.UUID) -> Session | None:
    """A published or cancelled session of any edition, by its uid (the same in every
    calendar and schedule), with its room, track and speakers."""
    return public_session_queryset(Session.objects.published()).filter(uid=uid).first()


def api_speakers(*, edition: Edition) -> QuerySet[Speaker]:
    """The people who speak at the edition's public sessions, by name, each with those
    sessions in `public_sessions` (in time order)."""
    public = api_public_sessions(edition=edition)
    through = Session.speakers.through.objects.filter(session__in=public)
    return (
        Speaker.objects.filter(pk__in=through.values("speaker_id"))
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=public.only("uid", "starts_at").order_by("starts_at", "pk"),
                to_attr="public_sessions",
            )
        )
        .order_by("name_latin", "name_ar", "pk")
    )


def api_speaker(*, edition: Edition, guid: uuid.UUID) -> Speaker | None:
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


def api_last_modified(*, edition: Edition) -> datetime.datetime | None:
    """When a session of the edition last changed (a draft too: a session taken back from
    the public changes the programme). A renamed room, track or speaker is not seen here;
    the ETag, a digest of the answer, sees everything."""
    return Session.objects.filter(edition=edition).aggregate(changed=Max("updated_at"))["changed"]
