"""Scanning visitors' badges at a stand: the stand's leads and anonymous visits.

A stand's phone scans the same signed badge codes as the gates. Each visitor makes one
`StandVisit` per stand however often, and however many devices at once, they are scanned
there: the row is inserted, and an insert that meets the unique constraint updates the row
it found (locked) instead, so that twenty simultaneous scans of a badge give one visit, on
PostgreSQL and SQLite (IMMEDIATE transactions) alike. A scan id the row already counted
(a device retrying, or syncing twice) changes nothing.

The stand learns who the visitor is only while the visitor agrees to be findable by
exhibitors (events' ConsentKind.FINDABLE), read at the time of each scan and each listing:
nothing of the contact is copied. Without that agreement the scan is an anonymous visit.
"""

import dataclasses
import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from events.choices import AttendeeCategory, BadgeStatus, ConsentKind
from events.keys import code_claims
from events.models import Attendee, Badge
from events.services.consents import consent_holds
from exhibitors.choices import ApplicationStatus, StandScanResult
from exhibitors.errors import LeadError
from exhibitors.models import Application, StandVisit

# The applications whose stand takes scans: those with a place at the fair.
EXHIBITING = (ApplicationStatus.ACCEPTED, ApplicationStatus.CONFIRMED)

MESSAGES = {
    StandScanResult.LEAD: gettext_noop("Contact saved: this visitor shares it with the stands."),
    StandScanResult.VISIT: gettext_noop(
        "Visit counted. This visitor does not share their contact with the stands."
    ),
    StandScanResult.INVALID: gettext_noop("This is not a badge of the fair."),
    StandScanResult.REVOKED: gettext_noop("This badge has been revoked."),
    StandScanResult.WRONG_EDITION: gettext_noop("This badge is for another edition."),
    StandScanResult.REHEARSAL_OVER: gettext_noop(
        "This test badge served for the rehearsal, which is over."
    ),
    StandScanResult.NOT_EXHIBITING: gettext_noop("This stand no longer takes part in the fair."),
}
AGAIN_MESSAGE = gettext_noop("Already scanned at this stand.")
# Tries at making or counting a visit: a second is needed only if the visitor removed the
# stand between a scan's insert and its count.
ATTEMPTS = 3


@dataclasses.dataclass(frozen=True)
class Contact:
    """A visitor as a stand may see them, read from their registration."""

    name: str
    organisation: str
    email: str
    phone: str


@dataclasses.dataclass(frozen=True)
class StandScanOutcome:
    """The verdict on one scan at a stand: the visit it counted (none when refused), the
    visitor's contact only while they agree to share it, and whether the stand had scanned
    them before."""

    result: str
    visit: StandVisit | None = None
    contact: Contact | None = None
    again: bool = False
    rehearsal: bool = False  # a test badge, taken while the scanners are rehearsed

    @property
    def message(self) -> str:
        """Untranslated: the API translates it in the device's language."""
        return AGAIN_MESSAGE if self.again and self.visit else MESSAGES[self.result]


def visitor_contact(attendee: Attendee) -> Contact:
    return Contact(
        name=attendee.full_name,
        organisation=attendee.organisation,
        email=attendee.email,
        phone=attendee.phone,
    )


def lead_scan(
    *,
    application: Application,
    code: str,
    scan_id: str = "",
    scanned_at: datetime.datetime | None = None,
) -> StandScanOutcome:
    """Count one scan of a badge at the application's stand; refuse a code that is not a
    genuine badge of the stand's edition still in use (a test badge only while the edition's
    scanners are rehearsed)."""
    if application.status not in EXHIBITING:
        return StandScanOutcome(StandScanResult.NOT_EXHIBITING)
    claims = code_claims(code)
    if claims is None:
        return StandScanOutcome(StandScanResult.INVALID)
    badge = Badge.objects.select_related("attendee", "edition").filter(pk=claims.badge_id).first()
    if badge is None or badge.code != code.strip().upper():
        return StandScanOutcome(StandScanResult.INVALID)
    if badge.edition_id != application.edition_id:
        return StandScanOutcome(StandScanResult.WRONG_EDITION)
    if badge.status == BadgeStatus.REVOKED:
        return StandScanOutcome(StandScanResult.REVOKED)
    rehearsal = badge.category == AttendeeCategory.TEST
    if rehearsal and not badge.edition.rehearsal:
        return StandScanOutcome(StandScanResult.REHEARSAL_OVER)
    visit, again = _visit_count(
        application=application,
        badge=badge,
        scan_id=scan_id,
        at=scanned_at or timezone.now(),
    )
    if consent_holds(kind=ConsentKind.FINDABLE, attendee=badge.attendee):
        return StandScanOutcome(
            StandScanResult.LEAD,
            visit,
            visitor_contact(badge.attendee),
            again=again,
            rehearsal=rehearsal,
        )
    return StandScanOutcome(StandScanResult.VISIT, visit, again=again, rehearsal=rehearsal)


def lead_sync(*, application: Application, scans: list[dict]) -> list[StandScanOutcome]:
    """Count a device's offline scans in the order they were made; outcomes in input order."""
    order = sorted(range(len(scans)), key=lambda index: scans[index]["scanned_at"])
    outcomes: list[StandScanOutcome | None] = [None] * len(scans)
    for index in order:
        scan = scans[index]
        outcomes[index] = lead_scan(
            application=application,
            code=scan["code"],
            scan_id=scan["scan_id"],
            scanned_at=scan["scanned_at"],
        )
    return outcomes


def _visit_count(
    *, application: Application, badge: Badge, scan_id: str, at: datetime.datetime
) -> tuple[StandVisit, bool]:
    """The stand's visit of the badge's holder, made or counted once more; whether it was
    there before. Most scans at a stand are a visitor's first: the insert is tried first, in
    a transaction of its own, and only a conflict reads the row (locked) to count it."""
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                visit = StandVisit.objects.create(
                    application=application,
                    attendee=badge.attendee,
                    category=badge.category,
                    first_scanned_at=at,
                    last_scanned_at=at,
                    scan_ids=[scan_id] if scan_id else [],
                )
            return visit, False
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
        with transaction.atomic():
            visit = (
                StandVisit.objects.select_for_update()
                .filter(application=application, attendee=badge.attendee)
                .first()
            )
            if visit is None:
                continue  # the visitor removed the stand in between: a new visit
            if scan_id and scan_id in visit.scan_ids:
                return visit, True
            visit.scans += 1
            visit.first_scanned_at = min(visit.first_scanned_at, at)
            visit.last_scanned_at = max(visit.last_scanned_at, at)
            if scan_id:
                visit.scan_ids = [*visit.scan_ids, scan_id][-StandVisit.RECENT_SCAN_IDS :]
            visit.save(update_fields=["scans", "first_scanned_at", "last_scanned_at", "scan_ids"])
            return visit, True
    raise RuntimeError("The visit was removed each time it was about to be counted.")


def lead_annotate(*, visit: StandVisit, note: str, rating: int | None) -> StandVisit:
    """Keep the stand's note and its rating (1 to 5, or none) of a visit."""
    note = (note or "").strip()
    if len(note) > StandVisit.MAX_NOTE:
        raise LeadError(
            _("A note holds at most %(max)s characters.") % {"max": StandVisit.MAX_NOTE}
        )
    if rating is not None and (isinstance(rating, bool) or rating not in range(1, 6)):
        raise LeadError(_("The rating is a number from 1 to 5."))
    visit.note, visit.rating = note, rating
    visit.save(update_fields=["note", "rating"])
    return visit


def lead_forget(*, visit: StandVisit) -> StandVisit:
    """The visitor takes the stand's link to them away: the visit stays counted, without the
    visitor and without what the stand noted about them."""
    StandVisit.objects.filter(pk=visit.pk).update(attendee=None, note="", rating=None, scan_ids=[])
    visit.refresh_from_db()
    return visit
