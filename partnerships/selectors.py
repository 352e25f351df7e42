"""Reads of the partnerships register: an agreement's timeline for the officers, and the
records of the public pages.

The public pages never receive an agreement or a meeting as a model instance: they get the
records below, built from the fields that may be shown. A signed document, a budget not
marked public, internal notes, minutes, participants and meetings or agreements that are
not public cannot reach a template by mistake, since nothing hands them over.
"""

import dataclasses
import datetime
from collections.abc import Callable, Sequence
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Edition
from fairsite.i18n import in_language, localized_html, localized_with_language
from partnerships.choices import AgreementStatus, CommitmentStatus, Domain, Renewal
from partnerships.models import Agreement, PartnerRegion, PartnershipMeeting
from partnerships.terms import agreement_end, agreement_start, notice_date
from programme.models import Session


@dataclasses.dataclass(frozen=True)
class PublicAgreement:
    reference: str
    title: str
    type: str
    summary: str
    status: str
    status_label: str
    signed_on: datetime.date | None
    signed_at: str
    effective_from: datetime.date | None
    ends_on: datetime.date | None
    ended: bool
    domains: list[str]
    other_parties: list[str]
    partners: list[PartnerRegion]  # the other partner regions that signed it
    budget: Decimal | None  # only when the officers made it public
    funded_by: str


@dataclasses.dataclass(frozen=True)
class PublicMeeting:
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    session_url: str  # the programme's page for it, when it is a public session


PUBLIC_AGREEMENT = Q(is_public=True) & ~Q(status=AgreementStatus.DRAFT)


def public_regions() -> QuerySet[PartnerRegion]:
    """The partner regions shown to the public (a partnership still confidential is kept off
    the map), with `public_agreements`, the number of their public agreements."""
    in_public = Q(agreements__is_public=True) & ~Q(agreements__status=AgreementStatus.DRAFT)
    return PartnerRegion.objects.filter(is_public=True).annotate(
        public_agreements=Count("agreements", filter=in_public, distinct=True)
    )


def public_region(*, slug: str) -> PartnerRegion | None:
    return public_regions().select_related("logo").filter(slug=slug).first()


def region_agreements(*, region: PartnerRegion, today: datetime.date) -> list[PublicAgreement]:
    """The region's public agreements, the latest signed first."""
    agreements = (
        Agreement.objects.filter(PUBLIC_AGREEMENT, partner_regions=region)
        .prefetch_related(
            Prefetch("partner_regions", queryset=PartnerRegion.objects.order_by("name_fr"))
        )
        .order_by("-signed_on", "reference")
    )
    return [_public_agreement(agreement, region, today) for agreement in agreements]


def _public_agreement(
    agreement: Agreement, region: PartnerRegion, today: datetime.date
) -> PublicAgreement:
    if agreement.terminated_on:
        ends_on = agreement.terminated_on
        ended = ends_on <= today
    else:
        ends_on = agreement_end(agreement, today)
        ended = ends_on is not None and ends_on < today
    labels = dict(Domain.choices)
    budget_shown = agreement.budget_is_public and agreement.budget is not None
    return PublicAgreement(
        reference=agreement.reference,
        title=localized_html(agreement, "title"),
        type=agreement.get_type_display(),
        summary=localized_html(agreement, "summary"),
        status=agreement.status,
        status_label=agreement.get_status_display(),
        signed_on=agreement.signed_on,
        signed_at=localized_html(agreement, "signed_at"),
        effective_from=agreement.effective_from,
        ends_on=ends_on,
        ended=ended,
        domains=[str(labels[code]) for code in agreement.domains if code in labels],
        other_parties=_lines_in_language(agreement, "other_parties"),
        partners=[other for other in agreement.partner_regions.all() if other.pk != region.pk],
        budget=agreement.budget if budget_shown else None,
        funded_by=localized_html(agreement, "funded_by") if budget_shown else "",
    )


def _lines_in_language(obj, field: str) -> list[str]:
    """One item a line of `obj.<field>`, each marked with its language when it is not the
    page's."""
    text, language = localized_with_language(obj, field)
    return [in_language(line.strip(), language) for line in text.splitlines() if line.strip()]


def region_meetings(
    *, region: PartnerRegion, session_url: Callable[[Session], str] | None
) -> list[PublicMeeting]:
    """The region's public meetings, the latest first; `session_url` links a meeting that
    is a public session of the programme to its page (None: no programme page)."""
    meetings = (
        PartnershipMeeting.objects.filter(delegations=region, is_public=True)
        .annotate(
            session_is_public=Exists(Session.objects.published().filter(pk=OuterRef("session")))
        )
        .select_related("session__room")
        .order_by("-starts_at", "pk")
    )
    records = []
    for meeting in meetings:
        session = meeting.session
        is_public_session = session is not None and meeting.session_is_public
        place = localized_html(meeting, "place")
        if is_public_session and not place and session.room_id:
            place = localized_html(session.room, "name")
        records.append(
            PublicMeeting(
                title=localized_html(meeting, "title"),
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                place=place,
                session_url=session_url(session) if is_public_session and session_url else "",
            )
        )
    return records


def region_sessions(*, region: PartnerRegion, edition: Edition | None) -> Sequence[Session]:
    """The edition's published (or cancelled) sessions that are the region's public
    meetings, in time order."""
    if edition is None:
        return []
    return list(
        Session.objects.published()
        .filter(
            edition=edition,
            partnership_meeting__is_public=True,
            partnership_meeting__delegations=region,
        )
        .select_related("room", "edition", "track")
        .order_by("starts_at", "pk")
    )


@dataclasses.dataclass(frozen=True)
class TimelineEntry:
    day: datetime.date
    label: str
    detail: str = ""
    done: bool = True


def agreement_timeline(agreement: Agreement, today: datetime.date | None = None) -> list:
    """What happened and what is due under the agreement, in date order."""
    today = today or timezone.localdate()
    entries = []
    if agreement.signed_on:
        where = f" · {agreement.signed_at}" if agreement.signed_at else ""
        entries.append(TimelineEntry(agreement.signed_on, _("Signed") + where))
    if agreement.effective_from and agreement.effective_from != agreement.signed_on:
        entries.append(
            TimelineEntry(
                agreement.effective_from, _("In force"), done=agreement.effective_from <= today
            )
        )
    if agreement.renews_id:
        entries.append(
            TimelineEntry(
                agreement_start(agreement) or agreement.created_at.date(),
                _("Renews %(reference)s") % {"reference": agreement.renews.reference},
            )
        )
    for meeting in agreement.meetings.all():
        day = timezone.localtime(meeting.starts_at).date()
        entries.append(TimelineEntry(day, _("Meeting: %(title)s") % {"title": meeting.title}))
    for commitment in agreement.commitments.all():
        if commitment.due_on:
            finished = commitment.status in (CommitmentStatus.DONE, CommitmentStatus.DROPPED)
            entries.append(
                TimelineEntry(
                    commitment.due_on,
                    _("Commitment due: %(what)s") % {"what": commitment},
                    commitment.get_status_display(),
                    done=finished,
                )
            )
    end = agreement_end(agreement, today)
    if agreement.terminated_on:
        entries.append(TimelineEntry(agreement.terminated_on, _("Terminated")))
    elif end:
        if agreement.renewal == Renewal.TACIT:
            entries.append(
                TimelineEntry(
                    notice_date(agreement, end),
                    _("Last day to give notice of non-renewal"),
                    done=False,
                )
            )
        entries.append(TimelineEntry(end, _("End of the current period"), done=end < today))
    try:
        successor = agreement.renewed_by
    except Agreement.DoesNotExist:
        successor = None
    if successor is not None and successor.signed_on:
        entries.append(
            TimelineEntry(
                successor.signed_on,
                _("Renewed by %(reference)s") % {"reference": successor.reference},
            )
        )
    return sorted(entries, key=lambda entry: entry.day)
