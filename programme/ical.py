"""The programme as iCalendar: sessions in, the bytes of a VCALENDAR out.

Pure: no request, no storage. Every session is one VEVENT whose UID never changes and whose
SEQUENCE is the session's revision, so that a calendar that subscribed to a feed updates the
event in place when a session moves, and marks it cancelled instead of losing it.

Times are written in the edition's time zone with a VTIMEZONE that covers the feed's dates:
Morocco puts its clocks back an hour during Ramadan, and a calendar that guessed the offset
from the zone's name alone would show every session of that month an hour off.
"""

import datetime
import functools
import zoneinfo
from collections.abc import Callable, Iterable
from typing import NamedTuple

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Event, vDatetime

from fairsite.calendars import published_calendar, uid_domain, vtimezone
from programme.choices import SessionStatus
from programme.models import Session

# What each public status becomes in a calendar. Drafts are not the public's: they are left
# out even when given.
STATUSES = {SessionStatus.PUBLISHED: "CONFIRMED", SessionStatus.CANCELLED: "CANCELLED"}

# The attribute where a session's speakers may be loaded beforehand (see `session_speakers`).
SPEAKERS = "calendar_speakers"

BEGIN = b"BEGIN:VEVENT\r\n"
END = b"END:VCALENDAR\r\n"


class _EventFacts(NamedTuple):
    """Everything a session's VEVENT says except DTSTAMP, in the feed's language."""

    uid: str
    sequence: int
    created: datetime.datetime
    last_modified: datetime.datetime
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    tzid: str
    summary: str
    description: str
    location: str
    url: str
    category: str
    status: str


def calendar_bytes(
    sessions: Iterable[Session],
    *,
    name: str,
    language: str,
    url_for: Callable[[Session], str | None] = lambda session: None,
    now: datetime.datetime | None = None,
) -> bytes:
    """A VCALENDAR of the sessions, their texts in `language`.

    `url_for(session)` gives the address of the session's page, or None. Published sessions
    are CONFIRMED, cancelled ones stay with STATUS:CANCELLED, drafts are left out. The
    sessions' edition and its venue, room and its venue, track and speakers are read: load
    them with the sessions (see `session_speakers`).
    """
    stamp = b"DTSTAMP:" + vDatetime(_utc(now or timezone.now())).to_ical() + b"\r\n"
    domain = uid_domain()
    with translation.override(language):
        wording = _Wording()
        facts = [
            _event_facts(session, wording, domain, url_for)
            for session in sessions
            if session.status in STATUSES
        ]

    calendar = published_calendar(name)
    for tzid, (first, last) in _zone_spans(facts).items():
        calendar.add_component(vtimezone(tzid, first, last))

    parts = [calendar.to_ical().removesuffix(END)]
    for event in facts:
        parts += [BEGIN, stamp, _event_lines(event)]
    parts.append(END)
    return b"".join(parts)


def session_speakers(session: Session) -> list:
    """The session's speakers: the list in SPEAKERS when the sessions were loaded with one
    (feeds load the speakers of all their sessions at once), else from the relation."""
    speakers = getattr(session, SPEAKERS, None)
    return list(session.speakers.all()) if speakers is None else speakers


def calendar_cache_clear() -> None:
    """Forget the events and time zones written so far, as a new process would."""
    _event_lines.cache_clear()
    vtimezone.cache_clear()


class _Wording:
    """A feed's words in its language, each looked up once for the whole feed."""

    def __init__(self):
        self.cancelled = _("Cancelled: %(title)s")
        self.with_speakers = _("With %(names)s")
        # Translators: between the names of a list, “A, B and C”, and between a room and
        # its venue.
        self.comma = _(", ")
        # Translators: before the last name of a list, “A, B and C”.
        self.and_word = _("and")
        self._names = {}

    def name(self, obj) -> str:
        """A room's, venue's, track's or speaker's name: a programme has a handful of each,
        seen again and again."""
        key = (type(obj), obj.pk)
        if key not in self._names:
            self._names[key] = obj.name
        return self._names[key]

    def listing(self, names: list[str]) -> str:
        """“A, B and C”, with the language's comma and word for “and”."""
        if len(names) == 1:
            return names[0]
        return f"{self.comma.join(names[:-1])} {self.and_word} {names[-1]}"


def _event_facts(session: Session, wording: _Wording, domain: str, url_for) -> _EventFacts:
    summary = session.title
    if session.status == SessionStatus.CANCELLED:
        summary = wording.cancelled % {"title": summary}
    description = session.description
    speakers = [wording.name(speaker) for speaker in session_speakers(session)]
    if speakers:
        with_speakers = wording.with_speakers % {"names": wording.listing(speakers)}
        description = f"{description}\n\n{with_speakers}" if description else with_speakers
    if session.room_id:
        places = [wording.name(session.room), wording.name(session.room.venue)]
    elif session.edition.venue_id:
        places = [wording.name(session.edition.venue)]
    else:
        places = []
    return _EventFacts(
        uid=f"{session.uid}@{domain}",
        sequence=session.sequence,
        created=_utc(session.created_at),
        last_modified=_utc(session.updated_at),
        starts_at=_utc(session.starts_at),
        ends_at=_utc(session.ends_at),
        tzid=session.edition.time_zone,
        summary=summary,
        description=description,
        location=wording.comma.join(places),
        url=url_for(session) or "",
        category=wording.name(session.track) if session.track_id else "",
        status=STATUSES[session.status],
    )


# Writing a VEVENT with icalendar takes about a third of a millisecond: 150 ms for a
# programme of 500 sessions. A session's event is written again only when something it
# shows has changed, since everything it shows is in the key.
@functools.lru_cache(maxsize=4096)
def _event_lines(facts: _EventFacts) -> bytes:
    """The event's content lines after BEGIN:VEVENT, without DTSTAMP (each feed adds its
    own), through END:VEVENT. icalendar escapes the texts and folds the long lines."""
    zone = zoneinfo.ZoneInfo(facts.tzid)
    event = Event()
    event.add("UID", facts.uid)
    event.add("SEQUENCE", facts.sequence)
    event.add("CREATED", facts.created)
    event.add("LAST-MODIFIED", facts.last_modified)
    event.add("DTSTART", facts.starts_at.astimezone(zone))
    event.add("DTEND", facts.ends_at.astimezone(zone))
    event.add("SUMMARY", facts.summary)
    if facts.description:
        event.add("DESCRIPTION", facts.description)
    if facts.location:
        event.add("LOCATION", facts.location)
    if facts.url:
        event.add("URL", facts.url)
    if facts.category:
        event.add("CATEGORIES", [facts.category])
    event.add("STATUS", facts.status)
    return event.to_ical().removeprefix(BEGIN)


def _zone_spans(facts: list[_EventFacts]) -> dict[str, tuple[datetime.date, datetime.date]]:
    """For each time zone of the feed, whole months around its sessions, a week wider on
    each side: the VTIMEZONE covers every session, and the feeds of one edition share a
    span, so a cached component."""
    moments = {}
    for event in facts:
        first, last = moments.get(event.tzid, (event.starts_at, event.ends_at))
        moments[event.tzid] = (min(first, event.starts_at), max(last, event.ends_at))
    spans = {}
    for tzid, (first, last) in moments.items():
        zone = zoneinfo.ZoneInfo(tzid)
        start = (first.astimezone(zone).date() - datetime.timedelta(days=7)).replace(day=1)
        end = (last.astimezone(zone).date() + datetime.timedelta(days=7)).replace(day=28)
        spans[tzid] = (start, (end + datetime.timedelta(days=4)).replace(day=1))
    return spans


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)
