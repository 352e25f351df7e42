"""The statements of a room scan, written out in SQL where the benchmark asked for it.

A room's door sends a scan every few seconds when a session fills, and on this path the ORM
spent more time compiling its queries (the seats' count has four subqueries) than the
database took to answer them: a room scan took twice as long as a gate scan. So the reads of a
scan are kept here, plain and portable (PostgreSQL and SQLite), as the gates' are in
`events.checkin_db`; the rules stay in `programme.services.attendance`, whose tests are this
module's tests.
"""

import dataclasses
import datetime

from django.db import connection

from events.models import Attendee
from events.services.devices import device_seen
from programme.choices import AttendanceVia, SessionStatus, SignupStatus
from programme.models import Room, RoomDevice, Session


@dataclasses.dataclass(frozen=True)
class ScannedBadge:
    """What a room scan needs to know of a badge, and its holder."""

    id: int
    code: str
    status: str
    edition_id: int
    category: str
    attendee: Attendee


@dataclasses.dataclass(frozen=True)
class SeatState:
    """What a scan needs to know of a session once its lock is held."""

    no_shows_released_at: datetime.datetime | None
    held: int  # confirmed sign-ups
    walk_ins: int  # admitted without one
    my_via: str | None  # the person's admission, if any
    my_scan_id: str | None
    my_signup_id: int | None  # their confirmed or waiting sign-up, if any
    my_signup_status: str | None

    @property
    def taken(self) -> int:
        return self.held + self.walk_ins


_LOCK = "SELECT id FROM events_session WHERE id = %s"

_ROOM_DEVICE = (
    "SELECT d.id, d.name, d.room_id, d.last_seen_at, r.name_ar, r.name_fr, r.name_en, "
    "r.capacity FROM programme_roomdevice d JOIN events_room r ON r.id = d.room_id "
    "WHERE d.token_hash = %s AND d.paired_at IS NOT NULL AND d.revoked_at IS NULL"
)

_BADGE = (
    "SELECT b.id, b.code, b.status, b.edition_id, b.category, b.attendee_id, a.full_name, "
    "a.organisation FROM events_badge b JOIN events_attendee a ON a.id = b.attendee_id "
    "WHERE b.id = %s"
)

# In the model's order, as Model.from_db expects them.
_SESSION_COLUMNS = [
    "id",
    "edition_id",
    "title_ar",
    "title_fr",
    "title_en",
    "type",
    "room_id",
    "starts_at",
    "ends_at",
    "capacity",
    "signup_required",
    "status",
    "release_after_minutes",
    "no_shows_released_at",
]
_SESSIONS = (
    "SELECT id, edition_id, title_ar, title_fr, title_en, type, room_id, starts_at, ends_at, "
    "capacity, signup_required, status, release_after_minutes, no_shows_released_at "
    "FROM events_session "
    "WHERE room_id = %s AND status = %s AND starts_at <= %s AND ends_at > %s "
    "ORDER BY starts_at DESC LIMIT 2"
)

_STATE = (
    "SELECT s.no_shows_released_at, "
    "(SELECT COUNT(*) FROM events_sessionsignup WHERE session_id = s.id AND status = %s), "
    "(SELECT COUNT(*) FROM programme_sessionattendance WHERE session_id = s.id AND via = %s), "
    "a.via, a.scan_id, u.id, u.status "
    "FROM events_session s "
    "LEFT JOIN programme_sessionattendance a ON a.session_id = s.id AND a.attendee_id = %s "
    "LEFT JOIN events_sessionsignup u ON u.session_id = s.id AND u.attendee_id = %s "
    "AND u.status IN (%s, %s) "
    "WHERE s.id = %s"
)


def room_device_by_token(token: str) -> RoomDevice | None:
    """The paired device holding `token`, its room loaded: one read, and a write at most
    once a minute to note that the device was seen."""
    with connection.cursor() as cursor:
        cursor.execute(_ROOM_DEVICE, [RoomDevice.hash_secret(token)])
        row = cursor.fetchone()
    if row is None:
        return None
    device_id, name, room_id, last_seen_at, *room_values = row
    # As the ORM loads rows (columns in the model's order): the fields not read here are
    # deferred, not defaults.
    room_columns = ["id", "name_ar", "name_fr", "name_en", "capacity"]
    room = Room.from_db(connection.alias, room_columns, [room_id, *room_values])
    device = RoomDevice.from_db(
        connection.alias,
        ["id", "name", "last_seen_at", "room_id"],
        [device_id, name, _aware(last_seen_at), room_id],
    )
    device.room = room
    device_seen(device)
    return device


def badge(badge_id: int) -> ScannedBadge | None:
    with connection.cursor() as cursor:
        cursor.execute(_BADGE, [badge_id])
        row = cursor.fetchone()
    if row is None:
        return None
    badge_id, code, status, edition_id, category, attendee_id, full_name, organisation = row
    attendee = Attendee.from_db(
        connection.alias,
        ["id", "edition_id", "full_name", "organisation"],
        [attendee_id, edition_id, full_name, organisation],
    )
    return ScannedBadge(badge_id, code, status, edition_id, category, attendee)


def sessions_open(room: Room, at: datetime.datetime, *, doors_open: datetime.timedelta):
    """The published sessions in `room` whose doors are open at `at` (at most two: the one
    running and the next), the latest first, each with `room` as its room."""
    opens, closes = _prep(at + doors_open), _prep(at)
    with connection.cursor() as cursor:
        cursor.execute(_SESSIONS, [room.pk, SessionStatus.PUBLISHED, opens, closes])
        rows = cursor.fetchall()
    sessions = []
    for row in rows:
        values = dict(zip(_SESSION_COLUMNS, row, strict=True))
        for name in ("starts_at", "ends_at", "no_shows_released_at"):
            values[name] = _aware(values[name])
        values["signup_required"] = bool(values["signup_required"])
        session = Session.from_db(connection.alias, list(values), list(values.values()))
        session.room = room
        sessions.append(session)
    return sessions


def session_lock(session_id: int) -> None:
    """Hold the session's row until the transaction ends (on SQLite the IMMEDIATE
    transaction itself holds the database's write lock)."""
    sql = _LOCK + (" FOR UPDATE" if connection.features.has_select_for_update else "")
    with connection.cursor() as cursor:
        cursor.execute(sql, [session_id])


def seat_state(session_id: int, *, attendee_id: int) -> SeatState:
    """Read in a statement of its own after `session_lock`: on PostgreSQL a statement sees
    the rows as they were when it began, so counts read by the statement that waited for
    the lock would miss the admission it waited for."""
    params = [SignupStatus.CONFIRMED, AttendanceVia.WALK_IN, attendee_id, attendee_id]
    params += [SignupStatus.CONFIRMED, SignupStatus.WAITING, session_id]
    with connection.cursor() as cursor:
        cursor.execute(_STATE, params)
        released, held, walk_ins, via, scan_id, signup_id, status = cursor.fetchone()
    return SeatState(_aware(released), held, walk_ins, via, scan_id, signup_id, status)


def _prep(value: datetime.datetime):
    """A date-time as the ORM would write it (on SQLite, naive UTC text)."""
    return Session._meta.get_field("starts_at").get_db_prep_value(value, connection)


def _aware(value) -> datetime.datetime | None:
    """SQLite hands back date-times without their zone; they are stored in UTC."""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value
