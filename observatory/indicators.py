"""The observatory's indicators for an edition, each from a few aggregate queries: the figures
are counted by the database, never row by row in Python.

An indicator is a table of (label, value) rows; the dashboard draws it, lists it beside the
previous edition's and offers it as CSV.
"""

import dataclasses
import datetime
import zoneinfo

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce, ExtractHour, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import AttendeeCategory, Direction, ScanResult, SessionStatus, SignupStatus
from events.models import Attendee, Badge, CheckIn, Edition, Session
from exhibitors.choices import ApplicationStatus, LegalForm, Province, Sector
from exhibitors.models import Application, Certification
from partnerships.choices import AgreementStatus, CommitmentStatus, RequestStatus
from partnerships.models import Agreement, B2BMeeting, Commitment, MeetingRequest


@dataclasses.dataclass
class Indicator:
    key: str
    title: str
    rows: list[tuple[str, float]]
    unit: str = ""  # "%" for shares

    @property
    def total(self) -> float:
        return sum(value for _label, value in self.rows)


def indicators(edition: Edition | None) -> list[Indicator]:
    """Every indicator of the edition, in the dashboard's order (empty ones included)."""
    if edition is None:
        return []
    return [
        applications_by_status(edition),
        exhibitors_by(edition, "province", Province, _("Exhibitors by province")),
        exhibitors_by(edition, "sector", Sector, _("Exhibitors by sector")),
        exhibitors_by(edition, "legal_form", LegalForm, _("Exhibitors by legal form")),
        led_by(edition),
        certifications(edition),
        visitors_by_day(edition),
        admissions_by_hour(edition),
        sessions_filled(edition),
        b2b_meetings(edition),
        agreements_by_status(),
        commitments_due(),
    ]


def applications_by_status(edition: Edition) -> Indicator:
    counts = dict(
        Application.objects.filter(edition=edition)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    rows = [(str(label), counts.get(value, 0)) for value, label in ApplicationStatus.choices]
    return Indicator("applications", str(_("Applications by status")), rows)


def _exhibitors(edition: Edition):
    return Application.objects.filter(edition=edition, status=ApplicationStatus.CONFIRMED)


def exhibitors_by(edition: Edition, field: str, choices, title) -> Indicator:
    counts = dict(
        _exhibitors(edition)
        .values_list(f"cooperative__{field}")
        .annotate(n=Count("pk"))
        .values_list(f"cooperative__{field}", "n")
    )
    rows = [(str(label), counts[value]) for value, label in choices.choices if counts.get(value)]
    return Indicator(f"exhibitors_{field}", str(title), sorted(rows, key=lambda row: -row[1]))


def led_by(edition: Edition) -> Indicator:
    """Shares of the exhibitors led by women and by young people: a majority of their members
    are women, or under 35."""
    figures = _exhibitors(edition).aggregate(
        total=Count("pk"),
        women=Count("pk", filter=Q(cooperative__women_members__gt=F("cooperative__members") / 2.0)),
        young=Count("pk", filter=Q(cooperative__young_members__gt=F("cooperative__members") / 2.0)),
    )
    total = figures["total"] or 0
    rows = [
        (str(_("Women-led")), _share(figures["women"], total)),
        (str(_("Youth-led")), _share(figures["young"], total)),
    ]
    return Indicator("led_by", str(_("Exhibitors led by women and by young people")), rows, "%")


def certifications(edition: Edition) -> Indicator:
    """Certifications the exhibitors hold on the fair's first day, and those that lapse within
    the next three months."""
    first_day = edition.starts_on
    held = Certification.objects.filter(cooperative__applications__in=_exhibitors(edition)).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=first_day)
    )
    figures = held.aggregate(
        held=Count("pk", distinct=True),
        expiring=Count(
            "pk",
            distinct=True,
            filter=Q(valid_until__lte=first_day + datetime.timedelta(days=90)),
        ),
    )
    rows = [
        (str(_("Held")), figures["held"]),
        (str(_("Expiring within three months")), figures["expiring"]),
    ]
    return Indicator("certifications", str(_("Certifications")), rows)


def visitors_by_day(edition: Edition) -> Indicator:
    """Visitors registered before each day and admitted on it, on the fair's clock."""
    registered = Attendee.objects.filter(edition=edition, category=AttendeeCategory.VISITOR).count()
    admitted = dict(
        _admissions(edition)
        .annotate(day=TruncDate("scanned_at", tzinfo=_zone(edition)))
        .values("day")
        .annotate(n=Count("badge", distinct=True))
        .values_list("day", "n")
    )
    rows = [(str(_("Registered visitors")), registered)] + [
        (day.isoformat(), admitted.get(day, 0)) for day in edition.days
    ]
    return Indicator("visitors", str(_("Visitors registered, and admitted each day")), rows)


def admissions_by_hour(edition: Edition) -> Indicator:
    counts = dict(
        _admissions(edition)
        .annotate(hour=ExtractHour("scanned_at", tzinfo=_zone(edition)))
        .values("hour")
        .annotate(n=Count("pk"))
        .values_list("hour", "n")
    )
    rows = [(f"{hour:02d}:00", counts[hour]) for hour in sorted(counts)]
    return Indicator("admissions_hour", str(_("Entries by hour of the day")), rows)


def people_inside(edition: Edition) -> int:
    """Badges inside now: entered today (the fair's day) and not out since."""
    today_start = datetime.datetime.combine(edition.today(), datetime.time(), tzinfo=_zone(edition))
    return Badge.objects.filter(
        edition=edition, inside=True, last_entry_at__gte=today_start
    ).count()


def sessions_filled(edition: Edition) -> Indicator:
    """For the sessions that take sign-ups: places, sign-ups, and the share filled."""
    sessions = Session.objects.filter(
        edition=edition, status=SessionStatus.PUBLISHED, signup_required=True
    )
    signed = sessions.aggregate(
        signed=Count("signups", filter=Q(signups__status=SignupStatus.CONFIRMED))
    )["signed"]
    places = sessions.aggregate(places=Sum(Coalesce("capacity", "room__capacity")))["places"]
    places = places or 0
    rows = [
        (str(_("Places")), places),
        (str(_("Signed up")), signed),
        (str(_("Filled (%)")), _share(signed, places)),
    ]
    return Indicator("sessions", str(_("Sessions with sign-up")), rows)


def b2b_meetings(edition: Edition) -> Indicator:
    requests = MeetingRequest.objects.filter(edition=edition)
    figures = requests.aggregate(
        asked=Count("pk"),
        accepted=Count("pk", filter=Q(status=RequestStatus.ACCEPTED)),
    )
    held = B2BMeeting.objects.filter(
        request__edition=edition,
        request__status=RequestStatus.ACCEPTED,
        cancelled_at__isnull=True,
        ends_at__lte=timezone.now(),
    ).count()
    rows = [
        (str(_("Requested")), figures["asked"]),
        (str(_("Accepted")), figures["accepted"]),
        (str(_("Held")), held),
    ]
    return Indicator("b2b", str(_("B2B meetings")), rows)


def agreements_by_status() -> Indicator:
    counts = dict(
        Agreement.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    rows = [
        (str(label), counts[value]) for value, label in AgreementStatus.choices if counts.get(value)
    ]
    return Indicator("agreements", str(_("Agreements by status")), rows)


def commitments_due() -> Indicator:
    today = timezone.localdate()
    open_ = Commitment.objects.filter(
        status__in=[CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS]
    )
    figures = open_.aggregate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    rows = [(str(_("Open")), figures["open"]), (str(_("Overdue")), figures["overdue"])]
    return Indicator("commitments", str(_("Commitments")), rows)


def previous_edition(edition: Edition) -> Edition | None:
    return Edition.objects.filter(year__lt=edition.year).order_by("-year").first()


def _admissions(edition: Edition):
    return CheckIn.objects.filter(
        badge__edition=edition, result=ScanResult.OK, direction=Direction.IN
    )


def _zone(edition: Edition) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(edition.time_zone)


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0
