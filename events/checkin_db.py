"""The statements a scan runs, written out in SQL.

A gate sends a scan every second or two at the busiest hour, and on this path the ORM spent
more time compiling its queries than the database took to answer them. So the statements of
a scan are kept here, plain and portable (PostgreSQL and SQLite); the rules stay in
`events.services.checkin`. Their tests are the check-in service's tests.

A scan reads the badge, decides, then writes in one step that holds only if the badge is
still as it was read (`scan_logged`); otherwise the scan reads and decides again. On
PostgreSQL that step is one statement, so a scan is three round trips to the database (the
device, the badge, the write) where a transaction around a row lock took six.
"""

import contextlib
import dataclasses
import datetime
import functools

from django.db import connection, transaction
from django.utils import timezone

from events.models import Badge, CheckIn, Edition, Gate, GateDevice
from events.services.devices import device_seen


@dataclasses.dataclass
class ScannedBadge:
    """What a scan needs to know of a badge, read with its row locked."""

    id: int
    code: str
    status: str
    category: str
    valid_from: datetime.date
    valid_until: datetime.date
    inside: bool
    last_entry_at: datetime.datetime | None
    last_entry_gate_id: int | None
    edition_is_current: bool
    edition_time_zone: str
    edition_rehearsal: bool
    unlimited_entry: list[str]
    full_name: str
    organisation: str
    last_entry_gate: Gate | None


_GATE_DEVICE = (
    "SELECT d.id, d.name, d.last_seen_at, d.gate_id, "
    "g.slug, g.name_ar, g.name_fr, g.name_en, g.is_active "
    "FROM events_gatedevice d JOIN events_gate g ON g.id = d.gate_id "
    "WHERE d.token_hash = %s AND d.paired_at IS NOT NULL AND d.revoked_at IS NULL AND g.is_active"
)

_BADGE = (
    "SELECT b.id, b.code, b.status, b.category, b.valid_from, b.valid_until, b.inside, "
    "b.last_entry_at, b.last_entry_gate_id, e.is_current AS edition_is_current, "
    "e.time_zone AS edition_time_zone, e.rehearsal AS edition_rehearsal, e.unlimited_entry, "
    "a.full_name, a.organisation, "
    "g.name_ar AS gate_name_ar, g.name_fr AS gate_name_fr, g.name_en AS gate_name_en "
    "FROM events_badge b "
    "JOIN events_edition e ON e.id = b.edition_id "
    "JOIN events_attendee a ON a.id = b.attendee_id "
    "LEFT JOIN events_gate g ON g.id = b.last_entry_gate_id "
    "WHERE b.id = %s"
)

_CHECKIN_COLUMNS = [
    "badge_id",
    "gate_id",
    "direction",
    "result",
    "scanned_at",
    "received_at",
    "scan_id",
    "device",
    "offline",
    "flagged",
    "answer",
]

_CHECKIN_INSERT = (
    "INSERT INTO events_checkin (badge_id, gate_id, direction, result, scanned_at, received_at, "
    "scan_id, device, offline, flagged, answer) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)

# The badge moved only if it is as the scan read it. `IS` compares NULLs as values.
_BADGE_MOVED = (
    "UPDATE events_badge SET inside = %s, last_entry_at = %s, last_entry_gate_id = %s "
    "WHERE id = %s AND status = %s AND inside = %s AND last_entry_at IS %s"
)

# PostgreSQL: the move and its log row in one statement, the row written only if the badge
# moved; a scan id already in the log fails the whole statement, the move with it.
_BADGE_MOVED_AND_LOGGED = (
    "WITH moved AS ("
    "UPDATE events_badge SET inside = %s, last_entry_at = %s, last_entry_gate_id = %s "
    "WHERE id = %s AND status = %s AND inside = %s AND last_entry_at IS NOT DISTINCT FROM %s "
    "RETURNING id) "
    "INSERT INTO events_checkin (badge_id, gate_id, direction, result, scanned_at, received_at, "
    "scan_id, device, offline, flagged, answer) "
    "SELECT %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s FROM moved"
)


def gate_device_by_token(token: str) -> GateDevice | None:
    """The paired device of an active gate holding `token`, its gate loaded: one read, and a
    write at most once a minute to note that the device was seen."""
    row = _row(_GATE_DEVICE, [GateDevice.hash_secret(token)])
    if row is None:
        return None
    # As the ORM loads a row (columns in the model's order): the fields not read here are
    # deferred, not defaults.
    gate_fields = {"id": row["gate_id"]}
    gate_fields.update((name, row.pop(name)) for name in ("slug", "name_ar", "name_fr", "name_en"))
    gate_fields["is_active"] = bool(row.pop("is_active"))
    gate = Gate.from_db(connection.alias, list(gate_fields), list(gate_fields.values()))
    row["last_seen_at"] = _aware(row["last_seen_at"])
    device = GateDevice.from_db(connection.alias, list(row), list(row.values()))
    device.gate = gate
    device_seen(device)
    return device


def badge_read(badge_id: int) -> ScannedBadge | None:
    """The badge as a scan needs it, and its state as read (see `scan_logged`)."""
    row = _row(_BADGE, [badge_id])
    if row is None:
        return None
    last_gate = None
    gate_names = {name: row.pop(f"gate_{name}") for name in ("name_ar", "name_fr", "name_en")}
    if row["last_entry_gate_id"] is not None:
        gate_names["name_en"] = gate_names["name_en"] or ""
        last_gate = Gate(id=row["last_entry_gate_id"], **gate_names)
    unlimited = _field(Edition, "unlimited_entry").from_db_value(
        row["unlimited_entry"], None, connection
    )
    row.update(
        inside=bool(row["inside"]),
        edition_is_current=bool(row["edition_is_current"]),
        edition_rehearsal=bool(row["edition_rehearsal"]),
        last_entry_at=_aware(row["last_entry_at"]),
        unlimited_entry=unlimited or [],
    )
    return ScannedBadge(**row, last_entry_gate=last_gate)


def scan_logged(values: dict, *, read: ScannedBadge | None, moved: ScannedBadge | None) -> bool:
    """Append the scan to the log (`values`, by column) and, when the scan `moved` the badge,
    write its new state, as one: only if the badge is still as it was `read`. False when it
    is not (another scan moved it first), and then nothing is written.

    A scan id already in the log raises IntegrityError, and nothing is written either.
    """
    row = [_prep(CheckIn, column, values[column]) for column in _CHECKIN_COLUMNS]
    if moved is None:
        with _one_step(), connection.cursor() as cursor:
            cursor.execute(_CHECKIN_INSERT, row)
        return True
    badge = [
        _prep(Badge, "inside", moved.inside),
        _prep(Badge, "last_entry_at", moved.last_entry_at),
        moved.last_entry_gate_id,
        read.id,
        read.status,
        _prep(Badge, "inside", read.inside),
        _prep(Badge, "last_entry_at", read.last_entry_at),
    ]
    if connection.vendor == "postgresql":
        with _one_step(), connection.cursor() as cursor:
            cursor.execute(_BADGE_MOVED_AND_LOGGED, badge + row)
            return cursor.rowcount == 1
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_CHECKIN_INSERT, row)
        cursor.execute(_BADGE_MOVED, badge)
        if cursor.rowcount == 1:
            return True
        transaction.set_rollback(True)
        return False


def _one_step():
    """One statement is atomic on its own: no transaction around it, two round trips fewer.
    Inside a caller's transaction, a savepoint keeps a refused statement (a scan id already
    logged) from spoiling the rest of it."""
    return transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()


def _row(sql: str, params: list) -> dict | None:
    """The first row the statement returns, by column name, or None."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
        names = [column[0] for column in cursor.description]
    return None if row is None else dict(zip(names, row, strict=True))


@functools.cache
def _field(model, column: str):
    return next(field for field in model._meta.concrete_fields if field.column == column)


def _prep(model, column: str, value):
    """The value as the ORM would write it (on SQLite, date-times as naive UTC text)."""
    return _field(model, column).get_db_prep_save(value, connection)


def _aware(value: datetime.datetime | None) -> datetime.datetime | None:
    """SQLite hands back date-times without their zone; they are stored in UTC."""
    if value is not None and timezone.is_naive(value):
        return value.replace(tzinfo=datetime.UTC)
    return value
