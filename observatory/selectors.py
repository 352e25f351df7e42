"""The observatory's indicators for an edition, each from a few aggregate queries: the figures
are counted by the database, never row by row in Python.

An indicator is a table of (label, value) rows, and perhaps one headline figure for the public
"key figures"; the dashboard draws it, lists it beside the previous edition's and offers it as
CSV and XLSX. `CATALOGUE` lists every indicator by key, in the dashboard's order: the council
chooses among them the ones the public sees.
"""

import dataclasses
import datetime
from collections.abc import Callable
from typing import NamedTuple

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractHour, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from b2b.choices import MeetingHeld, MeetingOutcome, RequestStatus
from b2b.models import B2BMeeting, MeetingFeedback, MeetingRequest
from b2b.selectors_outcome import HELD as MEETING_HELD
from b2b.selectors_outcome import (
    NO_SHOW,
    NOT_HELD,
    OUTCOME_RANK,
    UNREPORTED,
    meetings_past,
    outcome_rank_expression,
    with_state,
)
from events.choices import AttendeeCategory, Direction, RegisteredVia, ScanResult
from events.models import Attendee, Badge, CheckIn, Edition
from events.selectors import registrations_by_way
from exhibitors.choices import ApplicationStatus, LegalForm, Province, Sector
from exhibitors.models import Application, Certification, StandVisit
from exportsupport.selectors import COUNTED_UP_TO as READINESS_COUNTED_UP_TO
from exportsupport.selectors import POINTS as READINESS_POINTS
from exportsupport.selectors import export_readiness_steps, export_supported
from fairsite.i18n import active_language
from feedback.choices import ComeAgain
from feedback.models import ExhibitorSurvey, SessionRating, VisitorSurvey
from partnerships.choices import AgreementStatus, CommitmentStatus
from partnerships.models import Agreement, Commitment, PartnerRegion
from programme.choices import SessionStatus
from programme.models import Session, Track
from programme.selectors import attendance_figures

Rows = list[tuple[str, float]]


class Headline(NamedTuple):
    """An indicator's one figure for the public's "key figures"."""

    label: str
    value: float
    unit: str = ""


@dataclasses.dataclass
class Counted:
    """What counting an indicator gives: its rows, its headline figure if it has one, and
    for a map the code of each row's place."""

    rows: Rows
    headline: Headline | None = None
    codes: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class Kind:
    """An indicator before it is counted."""

    key: str
    title: str  # lazy: translated when counted
    count: Callable[[Edition], Counted]
    unit: str = ""  # "%" for shares
    chart: str = "bar"  # "line" for a series in time, "provinces" for the region's map
    public: bool = True  # False: for the dashboard only, never offered for publication


@dataclasses.dataclass
class Indicator:
    key: str
    title: str
    rows: Rows
    unit: str = ""
    chart: str = "bar"
    headline: Headline | None = None
    codes: list[str] = dataclasses.field(default_factory=list)
    public: bool = True

    @property
    def total(self) -> float:
        return sum(value for _label, value in self.rows)

    @property
    def is_empty(self) -> bool:
        return not any(value for _label, value in self.rows)


CATALOGUE: dict[str, Kind] = {}


def _indicator(key: str, title, **options):
    def register(count: Callable[[Edition], Counted]):
        CATALOGUE[key] = Kind(key, title, count, **options)
        return count

    return register


def indicator(key: str, edition: Edition) -> Indicator:
    kind = CATALOGUE[key]
    counted = kind.count(edition)
    return Indicator(
        key=key,
        title=str(kind.title),
        rows=counted.rows,
        unit=kind.unit,
        chart=kind.chart,
        headline=counted.headline._replace(label=str(counted.headline.label))
        if counted.headline
        else None,
        codes=counted.codes,
        public=kind.public,
    )


def indicators(edition: Edition | None) -> list[Indicator]:
    """Every indicator of the edition, in the dashboard's order (empty ones included)."""
    if edition is None:
        return []
    return [indicator(key, edition) for key in CATALOGUE]


def catalogue_choices() -> list[tuple[str, str]]:
    """The indicators the council may publish: not those kept for the dashboard."""
    return [(kind.key, kind.title) for kind in CATALOGUE.values() if kind.public]


def publishable(keys) -> list[str]:
    """Of `keys`, those of indicators that may be published."""
    return [key for key in keys if key in CATALOGUE and CATALOGUE[key].public]


@_indicator("applications", _("Applications by status"))
def applications_by_status(edition: Edition) -> Counted:
    counts = dict(
        Application.objects.filter(edition=edition)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    rows = [(str(label), counts.get(value, 0)) for value, label in ApplicationStatus.choices]
    return Counted(rows, Headline(_("Applications"), sum(counts.values())))


def _exhibitors(edition: Edition):
    return Application.objects.filter(edition=edition, status=ApplicationStatus.CONFIRMED)


def _exhibitors_by(edition: Edition, field: str) -> dict:
    return dict(
        _exhibitors(edition)
        .values_list(f"cooperative__{field}")
        .annotate(n=Count("pk"))
        .values_list(f"cooperative__{field}", "n")
    )


def _by_count(rows: Rows) -> Rows:
    return sorted(rows, key=lambda row: -row[1])


@_indicator("exhibitors_province", _("Exhibitors by province"), chart="provinces")
def exhibitors_by_province(edition: Edition) -> Counted:
    """Every province of the region, those with no exhibitor too: the map shows them all."""
    counts = _exhibitors_by(edition, "province")
    ranked = _by_count([(value, counts.get(value, 0)) for value in Province.values])
    return Counted(
        rows=[(str(Province(value).label), n) for value, n in ranked],
        headline=Headline(_("Exhibitors"), sum(counts.values())),
        codes=[value for value, _n in ranked],
    )


@_indicator("exhibitors_sector", _("Exhibitors by sector"))
def exhibitors_by_sector(edition: Edition) -> Counted:
    counts = _exhibitors_by(edition, "sector")
    rows = [(str(label), counts[value]) for value, label in Sector.choices if counts.get(value)]
    return Counted(_by_count(rows), Headline(_("Sectors represented"), len(rows)))


@_indicator("exhibitors_legal_form", _("Exhibitors by legal form"))
def exhibitors_by_legal_form(edition: Edition) -> Counted:
    counts = _exhibitors_by(edition, "legal_form")
    rows = [(str(label), counts[value]) for value, label in LegalForm.choices if counts.get(value)]
    return Counted(_by_count(rows))


@_indicator("led_by", _("Exhibitors led by women and by young people"), unit="%")
def led_by(edition: Edition) -> Counted:
    """Shares of the exhibitors led by women and by young people: a majority of their members
    are women, or under 35."""
    figures = _exhibitors(edition).aggregate(
        total=Count("pk"),
        women=Count("pk", filter=Q(cooperative__women_members__gt=F("cooperative__members") / 2.0)),
        young=Count("pk", filter=Q(cooperative__young_members__gt=F("cooperative__members") / 2.0)),
    )
    total = figures["total"] or 0
    women = _share(figures["women"], total)
    rows = [(str(_("Women-led")), women), (str(_("Youth-led")), _share(figures["young"], total))]
    return Counted(rows, Headline(_("Women-led cooperatives"), women, "%"))


@_indicator("certifications", _("Certifications"))
def certifications(edition: Edition) -> Counted:
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
    return Counted(rows, Headline(_("Certifications held"), figures["held"]))


@_indicator("export_readiness", _("Exhibitors' export readiness"))
def export_readiness(edition: Edition) -> Counted:
    """The exhibitors by export readiness score, as the logistics unit counts it
    (`exportsupport.selectors`), on the edition's first day. One grouped query."""
    cooperative = OuterRef("cooperative")
    counts = dict(
        _exhibitors(edition)
        .annotate(steps=export_readiness_steps(cooperative=cooperative, on=edition.starts_on))
        .values("steps")
        .annotate(n=Count("pk"))
        .values_list("steps", "n")
    )
    rows = [
        (f"{READINESS_POINTS * steps}/100", counts.get(steps, 0))
        for steps in range(2 * READINESS_COUNTED_UP_TO + 1)
    ]
    supported = (
        _exhibitors(edition)
        .filter(export_supported(cooperative=cooperative))
        .aggregate(n=Count("cooperative", distinct=True))["n"]
    )
    return Counted(rows, Headline(_("Exhibitors helped to export"), supported))


@_indicator("visitors", _("Visitors registered, and admitted each day"))
def visitors_by_day(edition: Edition) -> Counted:
    """Visitors registered before each day and admitted on it, on the fair's clock."""
    registered = Attendee.objects.filter(edition=edition, category=AttendeeCategory.VISITOR).count()
    admitted = dict(
        _admissions(edition)
        .annotate(day=TruncDate("scanned_at", tzinfo=edition.zone))
        .values("day")
        .annotate(n=Count("badge", distinct=True))
        .values_list("day", "n")
    )
    days = [(day.isoformat(), admitted.get(day, 0)) for day in edition.days]
    rows = [(str(_("Registered visitors")), registered)] + days
    return Counted(rows, Headline(_("Entries to the fair"), sum(n for _day, n in days)))


@_indicator("visitors_way", _("Visitors by way of registering"))
def visitors_by_way(edition: Edition) -> Counted:
    """Visitors registered online, at the desk, at the kiosk and on blank badges bound at the
    desk: the last three are the walk-ins."""
    counts = registrations_by_way(edition, category=AttendeeCategory.VISITOR)
    rows = [(str(RegisteredVia(way).label), counts[way]) for way in RegisteredVia.values]
    walk_ins = sum(n for way, n in counts.items() if way != RegisteredVia.ONLINE)
    return Counted(rows, Headline(_("Walk-in visitors"), walk_ins))


@_indicator("admissions_hour", _("Entries by hour of the day"), chart="line")
def admissions_by_hour(edition: Edition) -> Counted:
    """Entries in each hour of the fair's day, from the first hour with one to the last;
    the hours between with none show as zero."""
    counts = dict(
        _admissions(edition)
        .annotate(hour=ExtractHour("scanned_at", tzinfo=edition.zone))
        .values("hour")
        .annotate(n=Count("pk"))
        .values_list("hour", "n")
    )
    hours = range(min(counts), max(counts) + 1) if counts else []
    return Counted([(f"{hour:02d}:00", counts.get(hour, 0)) for hour in hours])


def people_inside(edition: Edition) -> int:
    """Badges inside now: entered today (the fair's day) and not out since."""
    return Badge.objects.inside_now(edition).exclude(category=AttendeeCategory.TEST).count()


@_indicator("sessions", _("Sessions with sign-up"))
def sessions_filled(edition: Edition) -> Counted:
    """For the sessions that take sign-ups: places, sign-ups, the share filled, and beside
    them the people the rooms' scanners admitted, with or without a sign-up."""
    sessions = Session.objects.filter(
        edition=edition, status=SessionStatus.PUBLISHED, signup_required=True
    )
    figures = attendance_figures(sessions)
    places = sessions.aggregate(places=Sum(Coalesce("capacity", "room__capacity")))["places"]
    places = places or 0
    published = Session.objects.filter(edition=edition, status=SessionStatus.PUBLISHED).count()
    rows = [
        (str(_("Places")), places),
        (str(_("Signed up")), figures["signed_up"]),
        (str(_("Filled (%)")), _share(figures["taken"], places)),
        (str(_("Attended")), figures["attended"]),
        (str(_("Of them, without a sign-up")), figures["walk_ins"]),
    ]
    return Counted(rows, Headline(_("Talks and workshops"), published))


@_indicator("b2b", _("B2B meetings"))
def b2b_meetings(edition: Edition) -> Counted:
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
    return Counted(rows, Headline(_("Business meetings held"), held))


def _b2b_meetings_past(edition: Edition):
    """The edition's meetings that have started and were not called off, those with a
    rehearsal's test badge on either side left out."""
    return (
        meetings_past(edition.pk, timezone.now())
        .exclude(request__requester__attendee__category=AttendeeCategory.TEST)
        .exclude(request__recipient__attendee__category=AttendeeCategory.TEST)
    )


def _b2b_held_with_outcome(edition: Edition):
    """The meetings that took place (by both sides' answers, b2b.selectors_outcome), each
    with `best`: the rank of the most that either side reports came of it."""
    said = (
        MeetingFeedback.objects.filter(meeting=OuterRef("pk"), held=MeetingHeld.HELD)
        .annotate(rank=outcome_rank_expression())
        .order_by("-rank")
        .values("rank")[:1]
    )
    return (
        with_state(_b2b_meetings_past(edition))
        .filter(state=MEETING_HELD)
        .annotate(best=Subquery(said, output_field=IntegerField()))
    )


@_indicator("b2b_held", _("B2B meetings, as their participants report them"))
def b2b_meetings_reported(edition: Edition) -> Counted:
    """The meetings begun, by what their two sides say: a side that says the other did not
    come makes a no-show (the rule for two answers that disagree is b2b.selectors_outcome's)."""
    counts = dict(
        with_state(_b2b_meetings_past(edition))
        .order_by()
        .values("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    rows = [
        (str(_("Took place")), counts.get(MEETING_HELD, 0)),
        (str(_("One side did not come")), counts.get(NO_SHOW, 0)),
        (str(_("Did not take place")), counts.get(NOT_HELD, 0)),
        (str(_("Not reported yet")), counts.get(UNREPORTED, 0)),
    ]
    return Counted(rows, Headline(_("B2B meetings reported held"), counts.get(MEETING_HELD, 0)))


@_indicator("b2b_outcomes", _("What came of the B2B meetings"))
def b2b_outcomes(edition: Edition) -> Counted:
    """The meetings that took place by what came of them, each counted once, for the most
    that either of its sides reports."""
    counts = dict(
        _b2b_held_with_outcome(edition)
        .order_by()
        .values("best")
        .annotate(n=Count("pk"))
        .values_list("best", "n")
    )
    rows = [
        (str(label), counts.get(OUTCOME_RANK[value], 0)) for value, label in MeetingOutcome.choices
    ]
    followed = sum(n for rank, n in counts.items() if rank)
    return Counted(rows, Headline(_("B2B meetings followed up"), followed))


@_indicator("b2b_outcomes_region", _("B2B meetings followed up, by partner region"))
def b2b_outcomes_by_region(edition: Edition) -> Counted:
    """The meetings that took place and led to something, for the partner region of either
    side (a meeting between two regions' delegates counts for both); the regions kept off the
    public pages in one row, unnamed."""
    followed = _b2b_held_with_outcome(edition).filter(best__gt=0)
    of_region = followed.filter(
        Q(request__requester__partner_region=OuterRef("pk"))
        | Q(request__recipient__partner_region=OuterRef("pk"))
    )
    # All of an edition's meetings group together: one count per region.
    count = of_region.order_by().values("request__edition").annotate(n=Count("pk")).values("n")
    regions = (
        PartnerRegion.objects.filter(is_public=True)
        .annotate(n=Coalesce(Subquery(count[:1], output_field=IntegerField()), 0))
        .filter(n__gt=0)
        .order_by("-n", "name_fr")
    )
    rows = [(region.name, region.n) for region in regions]
    confidential = followed.filter(
        Q(request__requester__partner_region__is_public=False)
        | Q(request__recipient__partner_region__is_public=False)
    ).count()
    if confidential:
        rows.append((str(_("Confidential partners")), confidential))
    return Counted(rows)


# Fewer meetings than this with a declared value, and their total is not shown: it would
# tell one company's figure.
DECLARED_VALUE_AT_LEAST = 3


@_indicator("b2b_value", _("Value declared after the B2B meetings (MAD)"), public=False)
def b2b_declared_value(edition: Edition) -> Counted:
    """The amounts the sides declared, each meeting counted once: when both sides give an
    amount, the smaller (the figure both stand by); when one does, that one. Only meetings
    that took place. Kept for the dashboard, never published, and the total only from
    DECLARED_VALUE_AT_LEAST meetings on."""
    smaller = (
        MeetingFeedback.objects.filter(
            meeting=OuterRef("pk"), held=MeetingHeld.HELD, amount__isnull=False
        )
        .order_by("amount")
        .values("amount")[:1]
    )
    figures = (
        with_state(_b2b_meetings_past(edition))
        .filter(state=MEETING_HELD)
        .annotate(value=Subquery(smaller))
        .filter(value__isnull=False)
        .aggregate(meetings=Count("pk"), total=Sum("value"))
    )
    meetings = figures["meetings"]
    rows = [(str(_("Meetings with a declared value")), meetings)]
    if meetings >= DECLARED_VALUE_AT_LEAST:
        rows.append((str(_("Declared value (MAD)")), float(figures["total"] or 0)))
    return Counted(rows)


@_indicator("agreements", _("Agreements by status"))
def agreements_by_status(edition: Edition) -> Counted:
    """The register as it stands, whatever the edition."""
    counts = dict(
        Agreement.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    rows = [
        (str(label), counts[value]) for value, label in AgreementStatus.choices if counts.get(value)
    ]
    in_force = counts.get(AgreementStatus.IN_FORCE, 0)
    in_force += counts.get(AgreementStatus.EXPIRING_SOON, 0)  # still in force
    return Counted(rows, Headline(_("Agreements in force"), in_force))


@_indicator("agreements_region", _("Agreements by partner region"))
def agreements_by_region(edition: Edition) -> Counted:
    """Each public partner region with its agreements (an agreement with two regions counts
    for both), and one row for the regions kept off the public pages: the figures may be
    published, the confidential partners' names never are. The register as it stands."""
    regions = (
        PartnerRegion.objects.filter(is_public=True)
        .annotate(n=Count("agreements", distinct=True))
        .filter(n__gt=0)
        .order_by("-n", "name_fr")
    )
    rows = [(region.name, region.n) for region in regions]
    confidential = Agreement.objects.filter(partner_regions__is_public=False).distinct().count()
    if confidential:
        rows.append((str(_("Confidential partners")), confidential))
    return Counted(rows, Headline(_("Partner regions"), len(regions)))


@_indicator("commitments", _("Commitments"))
def commitments_due(edition: Edition) -> Counted:
    today = timezone.localdate()
    open_ = Commitment.objects.filter(
        status__in=[CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS]
    )
    figures = open_.aggregate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    return Counted([(str(_("Open")), figures["open"]), (str(_("Overdue")), figures["overdue"])])


def previous_edition(edition: Edition) -> Edition | None:
    return Edition.objects.filter(year__lt=edition.year).order_by("-year").first()


def _admissions(edition: Edition):
    """Entries through the gates; a rehearsal's test badges are no one's entry."""
    return CheckIn.objects.filter(
        badge__edition=edition, result=ScanResult.OK, direction=Direction.IN
    ).exclude(badge__category=AttendeeCategory.TEST)


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _stand_visits(edition: Edition):
    """Visitors scanned at the edition's stands, each visitor once per stand, rehearsal
    badges left out; visits stay counted after their visitor withdrew or was erased."""
    return StandVisit.objects.filter(application__edition=edition).exclude(
        category=AttendeeCategory.TEST
    )


@_indicator("stand_visits_hour", _("Stand visits by hour of the day"), chart="line")
def stand_visits_by_hour(edition: Edition) -> Counted:
    """Visits to the stands by the hour of their first scan, on the fair's clock, from the
    first hour with one to the last; the hours between with none show as zero."""
    counts = dict(
        _stand_visits(edition)
        .annotate(hour=ExtractHour("first_scanned_at", tzinfo=edition.zone))
        .values("hour")
        .annotate(n=Count("pk"))
        .values_list("hour", "n")
    )
    hours = range(min(counts), max(counts) + 1) if counts else []
    return Counted(
        [(f"{hour:02d}:00", counts.get(hour, 0)) for hour in hours],
        Headline(_("Stand visits"), sum(counts.values())),
    )


# The stands with the most visits a table shows; the others are summed in one row.
BUSIEST_STANDS = 15


@_indicator("stand_visits_stand", _("Stand visits by stand"))
def stand_visits_by_stand(edition: Edition) -> Counted:
    """Visits to each stand (its code and the exhibitor's name), the busiest first; the
    stands after the busiest few are summed in one row."""
    counts = list(
        _stand_visits(edition)
        .values(
            "application__stand__code",
            "application__cooperative__name",
            "application__cooperative__name_ar",
        )
        .annotate(n=Count("pk"))
        .order_by("-n", "application__stand__code")
    )
    rows = [(_stand_name(row), row["n"]) for row in counts[:BUSIEST_STANDS]]
    others = sum(row["n"] for row in counts[BUSIEST_STANDS:])
    if others:
        rows.append((str(_("Other stands")), others))
    return Counted(rows)


def _stand_name(row: dict) -> str:
    """The stand's code and its exhibitor's name in the script of the page's language, as
    `Cooperative.display_name` gives it."""
    name = row["application__cooperative__name"]
    if active_language() == "ar" and row["application__cooperative__name_ar"]:
        name = row["application__cooperative__name_ar"]
    code = row["application__stand__code"]
    return f"{code} · {name}" if code else name


@_indicator("stand_visits_sector", _("Stand visits by sector"))
def stand_visits_by_sector(edition: Edition) -> Counted:
    """Visits to the stands by the sector of the exhibiting cooperative."""
    counts = dict(
        _stand_visits(edition)
        .values_list("application__cooperative__sector")
        .annotate(n=Count("pk"))
        .values_list("application__cooperative__sector", "n")
    )
    rows = [(str(label), counts[value]) for value, label in Sector.choices if counts.get(value)]
    return Counted(_by_count(rows))


# What people said after the sessions and the fair (the feedback app). A mark, a satisfaction
# or a declared figure is one person's or one cooperative's answer, so:
#
#   SMALL COUNTS RULE: a group of fewer than FEEDBACK_AT_LEAST answers is never shown on its
#   own. The small groups are merged into one "other" row; when that row would itself hold
#   fewer than FEEDBACK_AT_LEAST answers (and so could be told by subtracting the shown rows
#   from the whole), the smallest shown group joins it, until it holds enough or everything
#   is in it. Below FEEDBACK_AT_LEAST answers in all, nothing is shown, totals included.
#
# tests/observatory/test_feedback_indicators.py holds the rule: four answers hidden, five shown.
FEEDBACK_AT_LEAST = 5


class Group(NamedTuple):
    label: str
    answers: int
    total: float  # the sum of the marks or the amounts


def suppress_small_groups(groups: list[Group], *, other: str) -> list[Group]:
    """Apply the small counts rule to `groups` (largest first in the result, "other" last)."""
    if sum(group.answers for group in groups) < FEEDBACK_AT_LEAST:
        return []
    shown = sorted(
        (group for group in groups if group.answers >= FEEDBACK_AT_LEAST),
        key=lambda group: (-group.answers, group.label),
    )
    pooled = [group for group in groups if group.answers < FEEDBACK_AT_LEAST]
    while pooled and sum(group.answers for group in pooled) < FEEDBACK_AT_LEAST and shown:
        pooled.append(shown.pop())
    if not pooled:
        return shown
    if not shown:  # all in "other": the rule keeps the whole, unnamed
        return [Group(other, *_summed(pooled))]
    return [*shown, Group(other, *_summed(pooled))]


def _summed(groups: list[Group]) -> tuple[int, float]:
    return sum(group.answers for group in groups), sum(group.total for group in groups)


def _average(group: Group) -> float:
    return round(group.total / group.answers, 2) if group.answers else 0.0


def _rating_groups(ratings, field: str, label) -> list[Group]:
    figures = ratings.values(field).annotate(n=Count("pk"), marks=Sum("score")).order_by()
    return [Group(label(row), row["n"], row["marks"] or 0) for row in figures]


def _session_ratings(edition: Edition):
    return SessionRating.objects.filter(
        session__edition=edition, session__status=SessionStatus.PUBLISHED
    ).exclude(attendee__category=AttendeeCategory.TEST)


def _with_answers(group: Group) -> str:
    return ngettext(
        "%(label)s (%(count)d answer)", "%(label)s (%(count)d answers)", group.answers
    ) % {
        "label": group.label,
        "count": group.answers,
    }


def _ratings_counted(groups: list[Group], other: str, headline: str) -> Counted:
    kept = suppress_small_groups(groups, other=other)
    if not kept:
        return Counted([])
    answers, marks = _summed(kept)
    rows = [(_with_answers(group), _average(group)) for group in kept]
    return Counted(rows, Headline(headline, _average(Group("", answers, marks)), "/5"))


@_indicator("feedback_sessions", _("Session ratings: average mark out of 5"), public=False)
def feedback_by_session(edition: Edition) -> Counted:
    """Each session's average mark with its number of answers, under the small counts rule.
    Kept for the dashboard: a session's mark is its speakers' business, not the public's."""
    titles = dict(
        Session.objects.filter(edition=edition).values_list("pk", f"title_{_title_language()}")
    )
    fallback = dict(Session.objects.filter(edition=edition).values_list("pk", "title_fr"))
    groups = _rating_groups(
        _session_ratings(edition),
        "session",
        lambda row: titles.get(row["session"]) or fallback.get(row["session"], ""),
    )
    return _ratings_counted(groups, str(_("Other sessions")), _("Average session mark"))


def _title_language() -> str:
    return {"ar": "ar", "en": "en"}.get(active_language(), "fr")


@_indicator("feedback_tracks", _("Session ratings by track: average mark out of 5"))
def feedback_by_track(edition: Edition) -> Counted:
    """Each track's average mark over its sessions' answers, under the small counts rule."""
    names = {track.pk: track.name for track in Track.objects.filter(edition=edition)}
    no_track = str(_("Without a track"))
    groups = _rating_groups(
        _session_ratings(edition),
        "session__track",
        lambda row: names.get(row["session__track"], no_track),
    )
    return _ratings_counted(groups, str(_("Other tracks")), _("Average session mark"))


def _satisfaction_rows(answers) -> Counted:
    figures = answers.aggregate(
        n=Count("pk"),
        marks=Sum("satisfaction"),
        again=Count("pk", filter=Q(come_again=ComeAgain.YES)),
    )
    if figures["n"] < FEEDBACK_AT_LEAST:
        return Counted([])
    average = _average(Group("", figures["n"], figures["marks"] or 0))
    rows = [
        (str(_("Answers")), figures["n"]),
        (str(_("Average satisfaction (out of 5)")), average),
        (str(_("Would come again (%)")), _share(figures["again"], figures["n"])),
    ]
    return Counted(rows, Headline(_("Satisfaction"), average, "/5"))


@_indicator("feedback_visitors", _("Visitors' satisfaction"))
def feedback_visitors(edition: Edition) -> Counted:
    """The visitors' survey: answers, average satisfaction and the share who would come again;
    nothing under FEEDBACK_AT_LEAST answers."""
    answers = VisitorSurvey.objects.filter(edition=edition).exclude(
        attendee__category=AttendeeCategory.TEST
    )
    return _satisfaction_rows(answers)


def _exhibitor_answers(edition: Edition):
    return ExhibitorSurvey.objects.filter(application__edition=edition)


@_indicator("feedback_exhibitors", _("Exhibitors' satisfaction"))
def feedback_exhibitors(edition: Edition) -> Counted:
    """The exhibitors' survey: answers, average satisfaction and the share who would come
    again; nothing under FEEDBACK_AT_LEAST answers."""
    return _satisfaction_rows(_exhibitor_answers(edition))


def _sales_by(edition: Edition, field: str, choices) -> Counted:
    labels = dict(choices)
    figures = (
        _exhibitor_answers(edition)
        .filter(sales__isnull=False)
        .values(f"application__cooperative__{field}")
        .annotate(n=Count("pk"), amount=Sum("sales"))
        .order_by()
    )
    groups = [
        Group(
            str(labels.get(row[f"application__cooperative__{field}"], "")), row["n"], row["amount"]
        )
        for row in figures
    ]
    kept = suppress_small_groups(groups, other=str(_("Other")))
    if not kept:
        return Counted([])
    rows = [(_with_answers(group), float(group.total)) for group in kept]
    return Counted(
        rows, Headline(_("Sales declared at the fair"), float(sum(g.total for g in kept)), " MAD")
    )


@_indicator(
    "feedback_sales_province", _("Sales declared at the fair by province (MAD)"), public=False
)
def feedback_sales_by_province(edition: Edition) -> Counted:
    """The exhibitors' declared sales summed by their cooperative's province, under the small
    counts rule. Internal: a cooperative's sales are its own."""
    return _sales_by(edition, "province", Province.choices)


@_indicator("feedback_sales_sector", _("Sales declared at the fair by sector (MAD)"), public=False)
def feedback_sales_by_sector(edition: Edition) -> Counted:
    """The exhibitors' declared sales summed by their cooperative's sector, under the small
    counts rule. Internal."""
    return _sales_by(edition, "sector", Sector.choices)


@_indicator("feedback_contacts", _("Contacts made by the exhibitors"))
def feedback_contacts(edition: Edition) -> Counted:
    """The contacts the exhibitors say they made: their number, the total and the average by
    exhibitor; nothing under FEEDBACK_AT_LEAST answers."""
    figures = (
        _exhibitor_answers(edition)
        .filter(contacts__isnull=False)
        .aggregate(n=Count("pk"), contacts=Sum("contacts"))
    )
    if figures["n"] < FEEDBACK_AT_LEAST:
        return Counted([])
    total = figures["contacts"] or 0
    rows = [
        (str(_("Exhibitors who answered")), figures["n"]),
        (str(_("Contacts made")), total),
        (str(_("Contacts by exhibitor")), round(total / figures["n"], 1)),
    ]
    return Counted(rows, Headline(_("Contacts made by the exhibitors"), total))
