"""Redeeming a scanned badge at a gate, online or replayed from an offline device.

A scan is one transaction: the badge row is locked before its state is read, so of any
number of simultaneous scans of a badge exactly one finds it outside and admits it, on
PostgreSQL (row lock) and SQLite (IMMEDIATE transactions) alike. Every scan, refused ones
too, is appended to the CheckIn log; a repeated scan id returns the first answer, and a scan id
reused for another scan (another badge, gate or direction) is refused as a conflict.
"""

import datetime
import logging
import zoneinfo

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from events import checkin_db, tokens
from events.checkin_db import ScannedBadge
from events.choices import AttendeeCategory, BadgeStatus, Direction, ScanResult
from events.keys import verification_keys
from events.models import Badge, CheckIn, Gate

logger = logging.getLogger(__name__)

# Not a verdict on a badge, and never logged as a CheckIn: the device sent a scan id it had
# already used for a different scan.
CONFLICT = "conflict"
CONFLICT_MESSAGE = gettext_noop("This scan id was already used for another scan.")

MESSAGES = {
    ScanResult.OK: "",
    ScanResult.ALREADY_IN: gettext_noop("This badge is already inside."),
    ScanResult.REVOKED: gettext_noop("This badge has been revoked."),
    ScanResult.INVALID: gettext_noop("This is not a badge of the fair."),
    ScanResult.WRONG_EDITION: gettext_noop("This badge is for another edition."),
    ScanResult.NOT_VALID_TODAY: gettext_noop("This badge is not valid today."),
}


def checkin_redeem(
    *,
    gate: Gate,
    code: str,
    direction: str = Direction.IN,
    scan_id: str = "",
    scanned_at: datetime.datetime | None = None,
    device: str = "",
    offline: bool = False,
    admitted_offline: bool = False,
) -> dict:
    """Decide on one scan and log it; returns the answer for the gate (JSON-ready).

    `admitted_offline` says the device already let the person in while offline: a refusal
    now (say, already in through another gate) is then flagged as a double entry.
    """
    at = scanned_at or timezone.now()
    try:
        claims = tokens.decode(code, public_keys=verification_keys())
    except tokens.InvalidCode:
        claims = None
    try:
        with transaction.atomic():
            return _redeem(
                gate, code, claims, direction, scan_id, at, device, offline, admitted_offline
            )
    except IntegrityError:
        if not scan_id:
            raise
        # A scan id already in the log: nothing was changed. Checked only here, so that the
        # scans that pass (all but retries) cost no query more.
        return _repeated(gate=gate, code=code, claims=claims, direction=direction, scan_id=scan_id)


def checkin_sync(*, gate: Gate, scans: list[dict], device: str = "") -> list[dict]:
    """Replay a device's offline scans in the order they were made; answers in input order."""
    order = sorted(range(len(scans)), key=lambda i: scans[i]["scanned_at"])
    answers: list[dict] = [{}] * len(scans)
    for index in order:
        scan = scans[index]
        answers[index] = checkin_redeem(
            gate=gate,
            code=scan["code"],
            direction=scan.get("direction", Direction.IN),
            scan_id=scan["scan_id"],
            scanned_at=scan["scanned_at"],
            device=device,
            offline=True,
            admitted_offline=bool(scan.get("admitted")),
        )
    return answers


def _repeated(*, gate: Gate, code: str, claims, direction: str, scan_id: str) -> dict:
    """The first answer if this is the same scan again (a retry, a second sync); a conflict
    if the scan id was first used for another badge, gate or direction."""
    first = (
        CheckIn.objects.filter(scan_id=scan_id)
        .values("badge_id", "gate_id", "direction", "answer")
        .get()
    )
    badge_id = None
    if claims is not None:
        badge_id = (
            Badge.objects.filter(pk=claims.badge_id, code=code.strip().upper())
            .values_list("pk", flat=True)
            .first()
        )
    differing = [
        name
        for name, before, now in [
            ("badge", first["badge_id"], badge_id),
            ("gate", first["gate_id"], gate.pk),
            ("direction", first["direction"], direction),
        ]
        if before != now
    ]
    if not differing:
        return first["answer"]
    # Which fields differ, never their values: a badge names a person.
    logger.warning(
        "Scan id reused for another scan; differing: %s",
        ", ".join(differing),
        extra={"gate_id": gate.pk, "scan_id": scan_id, "differing": differing},
    )
    return {"result": CONFLICT, "message": _(CONFLICT_MESSAGE)}


def _redeem(gate, code, claims, direction, scan_id, at, device, offline, admitted_offline) -> dict:
    badge = checkin_db.badge_locked(claims.badge_id) if claims is not None else None
    result, changed = _decide(badge, code, direction, at, gate)
    if result == ScanResult.INVALID:
        badge = None
    answer = _answer(result, badge)
    # The log first: a scan id already there raises before the badge is touched.
    checkin_db.checkin_insert(
        badge_id=badge.id if badge else None,
        gate_id=gate.pk,
        direction=direction,
        result=result,
        scanned_at=at,
        received_at=timezone.now(),
        scan_id=scan_id,
        device=device[:100],
        offline=offline,
        flagged=admitted_offline and result == ScanResult.ALREADY_IN,
        answer=answer,
    )
    if changed:
        checkin_db.badge_moved(badge)
    return answer


def _decide(badge: ScannedBadge | None, code, direction, at, gate) -> tuple[str, bool]:
    if badge is None or badge.code != code.strip().upper():
        return ScanResult.INVALID, False
    if not badge.edition_is_current:
        return ScanResult.WRONG_EDITION, False
    if badge.status == BadgeStatus.REVOKED:
        return ScanResult.REVOKED, False
    zone = zoneinfo.ZoneInfo(badge.edition_time_zone)
    day = at.astimezone(zone).date()
    if not badge.valid_from <= day <= badge.valid_until:
        return ScanResult.NOT_VALID_TODAY, False
    if direction == Direction.OUT:
        badge.inside = False
        return ScanResult.OK, True
    if badge.category not in badge.unlimited_entry and _inside_on(badge, day, zone):
        return ScanResult.ALREADY_IN, False
    badge.inside = True
    badge.last_entry_at = at
    badge.last_entry_gate_id = gate.pk
    return ScanResult.OK, True


def _inside_on(badge: ScannedBadge, day: datetime.date, zone: zoneinfo.ZoneInfo) -> bool:
    """Inside now: entered today and not out since. Nobody stays in overnight."""
    if not badge.inside or badge.last_entry_at is None:
        return False
    return badge.last_entry_at.astimezone(zone).date() == day


def _answer(result: str, badge: ScannedBadge | None) -> dict:
    answer = {"result": result, "message": _(MESSAGES[result]) if MESSAGES[result] else ""}
    if badge is not None:
        answer["badge"] = {
            "id": badge.id,
            "name": badge.full_name,
            "organisation": badge.organisation,
            "category": badge.category,
            "category_label": str(AttendeeCategory(badge.category).label),
        }
        if result == ScanResult.ALREADY_IN:
            answer["already_in"] = {
                "at": badge.last_entry_at.isoformat(),
                "gate": str(badge.last_entry_gate) if badge.last_entry_gate else "",
            }
    return answer
