"""The programme in the frab schedule format: sessions in, a schedule.json dict and the bytes
of a schedule.xml out.

Pure: no request, no storage. The format is the one frab, pretalx and wafer publish and that
Giggity, EventFahrplan, info-beamer and the c3voc tools read; the documents validate against
the schemas c3voc publishes in its repository `voc/schedule` (copies in tests/schemas/frab/).
Both formats are written from the same dict, so they never disagree.

What stays the same from one rendering to the next, so that apps update what they hold
instead of showing a new programme:

- a session's `guid` is its `uid`, the UUID of its iCalendar UID (`<uid>@<host>`); its `id`
  is its primary key;
- a room's and a speaker's `guid` are UUIDv5 names in NAMESPACE: `room/<pk>`, `speaker/<pk>`
  (`venue/<pk>` for the sessions that have no room yet, held somewhere in the venue). The
  namespace is fixed here once for all: changing it would make every app see new rooms;
- `version` is a digest of everything else in the document: it changes when, and only when,
  what the document says changes (a moved session, a renamed room, a new speaker).

Cancelled sessions are left out, as frab and pretalx leave them out of their schedules: the
format has no status, apps that compare versions (EventFahrplan) show a session that has gone
as cancelled, and the screens that read the format would otherwise announce it in its room.
The calendar feeds keep them, marked STATUS:CANCELLED. Drafts are never public.

Times are written with the offset of the edition's clock on that day: Morocco moves from
UTC+1 to UTC+0 during Ramadan, and a session then reads "+00:00".
"""

import datetime
import hashlib
import json
import math
import re
import uuid
import xml.etree.ElementTree as ET
import zoneinfo
from collections.abc import Callable, Iterable

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from events.models import Edition
from programme.choices import SessionStatus, SessionType
from programme.ical import session_speakers
from programme.models import Session

# Chosen once (uuid4) for this site's rooms and speakers: never change it.
NAMESPACE = uuid.UUID("6f1c2d7e-5a0b-4c8e-9d3f-2b7a61e04c95")

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
GENERATOR = {"name": "fairsite"}

# The fair's kinds of session in the words schedule apps know (the list the c3voc schemas
# give as examples): a panel is a discussion, a partnership meeting or a block of B2B
# meetings is a meeting.
EVENT_TYPES = {
    SessionType.TALK: "talk",
    SessionType.PANEL: "discussion",
    SessionType.WORKSHOP: "workshop",
    SessionType.CEREMONY: "other",
    SessionType.PARTNERSHIP_MEETING: "meeting",
    SessionType.B2B_BLOCK: "meeting",
}

# XML 1.0 allows neither these control characters nor lone surrogates, whatever the escaping:
# a description pasted from a word processor may hold one.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def conference_acronym(edition: Edition) -> str:
    """The edition's short name in schedule apps: "ess2031" (the fair of the social and
    solidarity economy, and its year)."""
    return f"ess{edition.year}"


def room_guid(room) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"room/{room.pk}")


def speaker_guid(speaker) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"speaker/{speaker.pk}")


def schedule_data(
    sessions: Iterable[Session],
    *,
    edition: Edition,
    language: str,
    base_url: str,
    url_for: Callable[[Session], str],
) -> dict:
    """The schedule.json document of the edition's sessions, its texts in `language`.

    `base_url` is the programme page's address and `url_for(session)` the address of a
    session's page. Published sessions are listed; cancelled ones and drafts are left out.
    The sessions' edition, room and its venue, track and speakers are read: load them with
    the sessions (see `programme.ical.session_speakers`).
    """
    zone = zoneinfo.ZoneInfo(edition.time_zone)
    with translation.override(language):
        listed = sorted(
            (session for session in sessions if session.status == SessionStatus.PUBLISHED),
            key=lambda session: (session.starts_at, _room_order(session), session.pk),
        )
        acronym = conference_acronym(edition)
        names = _Names(edition)
        events_by_day: dict[datetime.date, dict[str, list[dict]]] = {}
        rooms: dict[str, dict] = {}
        tracks: dict[int, dict] = {}
        for session in listed:
            room = names.room(session)
            rooms.setdefault(room["guid"], room)
            if session.track_id:
                tracks.setdefault(
                    session.track_id,
                    {"name": names.of(session.track), "color": session.track.colour},
                )
            day = session.starts_at.astimezone(zone).date()
            event = _event(session, zone, acronym, room["name"], names, url_for)
            events_by_day.setdefault(day, {}).setdefault(room["name"], []).append(event)
        conference = {
            "acronym": acronym,
            "title": _text(edition.name),
            "start": edition.starts_on.isoformat(),
            "end": edition.ends_on.isoformat(),
            "daysCount": 0,
            "timeslot_duration": _timeslot(listed, zone),
            "time_zone_name": edition.time_zone,
            "url": base_url,
            "tracks": list(tracks.values()),
            "rooms": list(rooms.values()),
            "days": [],
        }
    days = sorted(set(edition.days) | set(events_by_day))
    for index, day in enumerate(days, start=1):
        starts = datetime.datetime.combine(day, datetime.time(), tzinfo=zone)
        ends = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), zone)
        conference["days"].append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": _moment(starts, zone),
                "day_end": _moment(ends - datetime.timedelta(seconds=1), zone),
                "rooms": dict(
                    sorted(events_by_day.get(day, {}).items(), key=lambda r: names.order[r[0]])
                ),
            }
        )
    conference["daysCount"] = len(days)
    schedule = {"version": "", "base_url": base_url, "conference": conference}
    schedule["version"] = _digest(schedule)
    return {"$schema": SCHEMA_URL, "generator": GENERATOR, "schedule": schedule}


def schedule_xml(data: dict) -> bytes:
    """The schedule.xml of a `schedule_data` document, UTF-8."""
    schedule = data["schedule"]
    conference = schedule["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", data["generator"])
    ET.SubElement(root, "version").text = schedule["version"]
    head = ET.SubElement(root, "conference")
    for name, value in [
        ("acronym", conference["acronym"]),
        ("title", conference["title"]),
        ("start", conference["start"]),
        ("end", conference["end"]),
        ("days", str(conference["daysCount"])),
        ("timeslot_duration", conference["timeslot_duration"]),
        ("base_url", schedule["base_url"]),
        ("time_zone_name", conference["time_zone_name"]),
    ]:
        ET.SubElement(head, name).text = value
    for day in conference["days"]:
        day_element = ET.SubElement(
            root,
            "day",
            {
                "index": str(day["index"]),
                "date": day["date"],
                "start": day["day_start"],
                "end": day["day_end"],
            },
        )
        for room_name, events in day["rooms"].items():
            room_element = ET.SubElement(day_element, "room", {"name": room_name})
            for event in events:
                _event_element(room_element, event)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def schedule_json(data: dict) -> bytes:
    """The schedule.json of a `schedule_data` document, UTF-8, its texts as written (Arabic
    letters, not escapes)."""
    return json.dumps(data, ensure_ascii=False, indent=1).encode() + b"\n"


class _Names:
    """Rooms', tracks' and speakers' names in the document's language, each read once: a
    programme has a handful of each, seen again and again."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self._names = {}
        self._rooms = {}
        # Where each room comes in a day's list, by name: the organisers' order of the rooms.
        self.order: dict[str, tuple] = {}

    def of(self, obj) -> str:
        key = (type(obj), obj.pk)
        if key not in self._names:
            self._names[key] = _text(obj.name)
        return self._names[key]

    def room(self, session: Session) -> dict:
        """The room of the session as the document lists it: its name, guid and places.
        A session without a room yet is in the edition's venue."""
        key = session.room_id
        if key not in self._rooms:
            if session.room_id:
                room = session.room
                self._rooms[key] = {
                    "name": self.of(room),
                    "guid": str(room_guid(room)),
                    "capacity": room.capacity,
                }
            else:
                venue = self.edition.venue
                self._rooms[key] = {
                    "name": self.of(venue) if venue else _text(_("Room to be announced")),
                    "guid": str(uuid.uuid5(NAMESPACE, f"venue/{venue.pk if venue else ''}")),
                    "capacity": None,
                }
            self.order.setdefault(self._rooms[key]["name"], _room_order(session))
        return self._rooms[key]


def _event(session, zone, acronym, room_name, names: _Names, url_for) -> dict:
    starts = session.starts_at.astimezone(zone)
    title = _text(session.title)
    return {
        "id": session.pk,
        "guid": str(session.uid),
        "date": _moment(starts, zone),
        "start": f"{starts:%H:%M}",
        "duration": _duration(session.ends_at - session.starts_at),
        "room": room_name,
        "slug": _slug(acronym, session),
        "url": url_for(session),
        "title": title,
        "subtitle": "",
        "track": names.of(session.track) if session.track_id else None,
        "type": EVENT_TYPES.get(session.type, "other"),
        "language": session.language,
        "abstract": _text(session.description),
        "description": None,
        "persons": [
            {
                "id": speaker.pk,
                "guid": str(speaker_guid(speaker)),
                "public_name": names.of(speaker),
                "biography": _text(speaker.bio),
            }
            for speaker in session_speakers(session)
        ],
        "links": [],
        "attachments": [],
    }


def _event_element(parent: ET.Element, event: dict) -> None:
    element = ET.SubElement(parent, "event", {"id": str(event["id"]), "guid": event["guid"]})
    for name in ["date", "start", "duration", "room", "slug", "url", "title", "subtitle"]:
        ET.SubElement(element, name).text = event[name]
    ET.SubElement(element, "track").text = event["track"] or ""
    ET.SubElement(element, "type").text = event["type"]
    ET.SubElement(element, "language").text = event["language"]
    ET.SubElement(element, "abstract").text = event["abstract"]
    ET.SubElement(element, "description").text = event["description"] or ""
    persons = ET.SubElement(element, "persons")
    for person in event["persons"]:
        ET.SubElement(persons, "person", {"id": str(person["id"])}).text = person["public_name"]
    ET.SubElement(element, "links")
    ET.SubElement(element, "attachments")


def _room_order(session: Session) -> tuple:
    return (session.room.order, session.room_id) if session.room_id else (math.inf, 0)


def _slug(acronym: str, session: Session) -> str:
    """The slug as frab writes them, "<acronym>-<id>-<title>", from the French title (Latin
    letters for every reader's app); the uid's first letters when the title gives too few."""
    words = slugify(session.title_fr)[:50].strip("-_")
    if len(words) < 4:
        words = session.uid.hex[:8]
    return f"{acronym}-{session.pk}-{words}"


def _timeslot(sessions: list[Session], zone) -> str:
    """The longest step, at most an hour, that every start and every length is a multiple
    of, as "HH:MM"; a quarter of an hour for an empty programme."""
    minutes = [
        int(session.starts_at.astimezone(zone).minute)
        for session in sessions
        if session.starts_at.astimezone(zone).minute
    ] + [int((s.ends_at - s.starts_at).total_seconds() // 60) for s in sessions]
    step = math.gcd(60, *minutes) if minutes else 15
    return _duration(datetime.timedelta(minutes=step or 60))


def _duration(length: datetime.timedelta) -> str:
    minutes = int(length.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _moment(moment: datetime.datetime, zone) -> str:
    return moment.astimezone(zone).isoformat(timespec="seconds")


def _text(value) -> str:
    return _NOT_XML.sub("", str(value or ""))


def _digest(schedule: dict) -> str:
    facts = json.dumps(schedule, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(facts).hexdigest()[:16]
