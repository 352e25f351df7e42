"""Redeeming a scanned badge at a gate, online or replayed from an offline device.

A scan reads the badge, decides, and writes the badge's new state with its log row in one
step that holds only if the badge is still as it was read; if another scan moved it in
between, the scan reads and decides again. So of any number of simultaneous scans of a badge
exactly one finds it outside and admits it, on PostgreSQL and SQLite alike, without a lock
held across round trips. Every scan, refused ones too, is appended to the CheckIn log; a
repeated scan id returns the first answer, and a scan id reused for another scan (another
badge, gate or direction) is refused as a conflict.

The service answers with a `ScanOutcome`; the gates' API (`events.api`) turns it into JSON in
the gate's language. The log keeps the outcome's record, with no translated words, so that a
repeated scan is answered as the first one was, in the language of whoever asks.
"""

import dataclasses
import datetime
import logging
import zoneinfo

from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext_noop

from events import checkin_db, tokens
from events.checkin_db import ScannedBadge
from events.choices import AttendeeCategory, BadgeStatus, Direction, ScanResult
from events.keys import code_claims
from events.models import Badge, CheckIn, Gate

logger = logging.getLogger(__name__)

MOST_ROUNDS = 50

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
    ScanResult.REHEARSAL_OVER: gettext_noop(
        "This is a test badge: it passes only while the gates are rehearsed."
    ),
    CONFLICT: CONFLICT_MESSAGE,
}


@dataclasses.dataclass(frozen=True)
class ScannedPerson:
    """Who the badge belongs to, as the gate shows them."""

    badge_id: int
    name: str
    organisation: str
    category: str


@dataclasses.dataclass(frozen=True)
class ScanOutcome:
    """The verdict on one scan: a ScanResult (or CONFLICT), the badge's holder when the badge
    is one of the fair's, and when and where they came in if they are already inside."""

    result: str
    person: ScannedPerson | None = None
    already_in_at: str = ""  # ISO 8601
    already_in_gate: str = ""

    def record(self) -> dict:
        """What the log keeps of the outcome (no translated words)."""
        record = {"result": self.result}
        if self.person is not None:
            record["badge"] = {
                "id": self.person.badge_id,
                "name": self.person.name,
                "organisation": self.person.organisation,
                "category": self.person.category,
            }
        if self.already_in_at:
            record["already_in"] = {"at": self.already_in_at, "gate": self.already_in_gate}
        return record

    @classmethod
    def from_record(cls, record: dict) -> "ScanOutcome":
        badge = record.get("badge")
        already_in = record.get("already_in") or {}
        person = None
        if badge:
            person = ScannedPerson(
                badge["id"], badge["name"], badge["organisation"], badge["category"]
            )
        return cls(
            result=record["result"],
            person=person,
            already_in_at=already_in.get("at", ""),
            already_in_gate=already_in.get("gate", ""),
        )


@dataclasses.dataclass(frozen=True)
class Scan:
    """One scan as a gate device sent it."""

    gate: Gate
    code: str
    claims: tokens.BadgeClaims | None
    direction: str
    scan_id: str
    at: datetime.datetime
    device: str
    offline: bool
    admitted_offline: bool


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
) -> ScanOutcome:
    """Decide on one scan and log it.

    `admitted_offline` says the device already let the person in while offline: a refusal
    now (say, already in through another gate) is then flagged as a double entry.
    """
    claims = code_claims(code)
    scan = Scan(
        gate=gate,
        code=code,
        claims=claims,
        direction=direction,
        scan_id=scan_id,
        at=scanned_at or timezone.now(),
        device=device,
        offline=offline,
        admitted_offline=admitted_offline,
    )
    try:
        return _redeem(scan)
    except IntegrityError:
        if not scan_id:
            raise
        # A scan id already in the log: nothing was changed. Checked only here, so that the
        # scans that pass (all but retries) cost no query more.
        return _repeated(scan)


def checkin_sync(*, gate: Gate, scans: list[dict], device: str = "") -> list[ScanOutcome]:
    """Replay a device's offline scans in the order they were made; outcomes in input order."""
    order = sorted(range(len(scans)), key=lambda i: scans[i]["scanned_at"])
    outcomes: list[ScanOutcome | None] = [None] * len(scans)
    for index in order:
        scan = scans[index]
        outcomes[index] = checkin_redeem(
            gate=gate,
            code=scan["code"],
            direction=scan.get("direction", Direction.IN),
            scan_id=scan["scan_id"],
            scanned_at=scan["scanned_at"],
            device=device,
            offline=True,
            admitted_offline=bool(scan.get("admitted")),
        )
    return outcomes


def _repeated(scan: Scan) -> ScanOutcome:
    """The first outcome if this is the same scan again (a retry, a second sync); a conflict
    if the scan id was first used for another badge, gate or direction."""
    first = (
        CheckIn.objects.filter(scan_id=scan.scan_id)
        .values("badge_id", "gate_id", "direction", "answer")
        .get()
    )
    badge_id = None
    if scan.claims is not None:
        badge_id = (
            Badge.objects.filter(pk=scan.claims.badge_id, code=scan.code.strip().upper())
            .values_list("pk", flat=True)
            .first()
        )
    differing = [
        name
        for name, before, now in [
            ("badge", first["badge_id"], badge_id),
            ("gate", first["gate_id"], scan.gate.pk),
            ("direction", first["direction"], scan.direction),
        ]
        if before != now
    ]
    if not differing:
        return ScanOutcome.from_record(first["answer"])
    # Which fields differ, never their values: a badge names a person.
    logger.warning(
        "Scan id reused for another scan; differing: %s",
        ", ".join(differing),
        extra={"gate_id": scan.gate.pk, "scan_id": scan.scan_id, "differing": differing},
    )
    return ScanOutcome(result=CONFLICT)


def _redeem(scan: Scan) -> ScanOutcome:
    claims = scan.claims
    # Each time round, another scan moved the badge in between: at most one a scan at the
    # gates, so a few rounds even when twenty gates read one badge at once.
    for _round in range(MOST_ROUNDS):
        read = checkin_db.badge_read(claims.badge_id) if claims is not None else None
        badge = dataclasses.replace(read) if read is not None else None
        result, moved = _decide(badge, scan)
        if result == ScanResult.INVALID:
            badge = None
        outcome = _outcome(result, badge)
        values = {
            "badge_id": badge.id if badge else None,
            "gate_id": scan.gate.pk,
            "direction": scan.direction,
            "result": result,
            "scanned_at": scan.at,
            "received_at": timezone.now(),
            "scan_id": scan.scan_id,
            "device": scan.device[:100],
            "offline": scan.offline,
            "flagged": scan.admitted_offline and result == ScanResult.ALREADY_IN,
            "answer": outcome.record(),
        }
        if checkin_db.scan_logged(values, read=read, moved=badge if moved else None):
            return outcome
    raise RuntimeError(f"Badge {claims.badge_id} kept moving under {MOST_ROUNDS} reads.")


def _decide(badge: ScannedBadge | None, scan: Scan) -> tuple[str, bool]:
    if badge is None or badge.code != scan.code.strip().upper():
        return ScanResult.INVALID, False
    if not badge.edition_is_current:
        return ScanResult.WRONG_EDITION, False
    if badge.status == BadgeStatus.REVOKED:
        return ScanResult.REVOKED, False
    zone = zoneinfo.ZoneInfo(badge.edition_time_zone)
    day = scan.at.astimezone(zone).date()
    if badge.category == AttendeeCategory.TEST:
        # A test badge passes on any day while the gates are rehearsed, and never otherwise.
        if not badge.edition_rehearsal:
            return ScanResult.REHEARSAL_OVER, False
    elif not badge.valid_from <= day <= badge.valid_until:
        return ScanResult.NOT_VALID_TODAY, False
    if scan.direction == Direction.OUT:
        badge.inside = False
        return ScanResult.OK, True
    if badge.category not in badge.unlimited_entry and _inside_on(badge, day, zone):
        return ScanResult.ALREADY_IN, False
    badge.inside = True
    badge.last_entry_at = scan.at
    badge.last_entry_gate_id = scan.gate.pk
    return ScanResult.OK, True


def _inside_on(badge: ScannedBadge, day: datetime.date, zone: zoneinfo.ZoneInfo) -> bool:
    """Inside now: entered today and not out since. Nobody stays in overnight."""
    if not badge.inside or badge.last_entry_at is None:
        return False
    return badge.last_entry_at.astimezone(zone).date() == day


def _outcome(result: str, badge: ScannedBadge | None) -> ScanOutcome:
    if badge is None:
        return ScanOutcome(result=result)
    person = ScannedPerson(badge.id, badge.full_name, badge.organisation, badge.category)
    if result != ScanResult.ALREADY_IN:
        return ScanOutcome(result=result, person=person)
    return ScanOutcome(
        result=result,
        person=person,
        already_in_at=badge.last_entry_at.isoformat(),
        already_in_gate=str(badge.last_entry_gate) if badge.last_entry_gate else "",
    )
