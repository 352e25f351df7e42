"""The statements a scan runs, written out in SQL.

A gate sends a scan every second or two at the busiest hour, and on this path the ORM spent
more time compiling its queries than the database took to answer them. So the four
statements of a scan are kept here, plain and portable (PostgreSQL and SQLite); the rules
stay in `events.services.checkin`. Their tests are the check-in service's tests.
"""

import dataclasses
import datetime
import functools

from django.db import connection
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

_BADGE_MOVED = (
    "UPDATE events_badge SET inside = %s, last_entry_at = %s, last_entry_gate_id = %s WHERE id = %s"
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


def badge_locked(badge_id: int) -> ScannedBadge | None:
    """The badge, its row locked until the transaction ends (on SQLite the transaction
    itself holds the database's write lock)."""
    sql = _BADGE
    if connection.features.has_select_for_update_of:
        sql += " FOR UPDATE OF b"
    row = _row(sql, [badge_id])
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


def badge_moved(badge: ScannedBadge) -> None:
    params = [
        _prep(Badge, "inside", badge.inside),
        _prep(Badge, "last_entry_at", badge.last_entry_at),
        badge.last_entry_gate_id,
        badge.id,
    ]
    with connection.cursor() as cursor:
        cursor.execute(_BADGE_MOVED, params)


def checkin_insert(**values) -> None:
    """Append one scan to the log; an IntegrityError says its scan id is already there."""
    params = [_prep(CheckIn, column, values[column]) for column in _CHECKIN_COLUMNS]
    with connection.cursor() as cursor:
        cursor.execute(_CHECKIN_INSERT, params)


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
