"""An agreement's life: where it stands on a given day, its renewal and termination, and the
timeline shown to officers."""

import calendar
import dataclasses
import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from fairsite.audit import audit_log
from fairsite.models import User
from partnerships.choices import AgreementStatus, CommitmentStatus, Renewal
from partnerships.errors import PartnershipError
from partnerships.models import Agreement

# How far ahead an agreement's end counts as "soon" when it gives no notice period.
SOON = datetime.timedelta(days=90)

# The admin log's actions (registered in partnerships/viewsets.py).
TERMINATED_ACTION = "partnerships.agreement.terminated"
RENEWED_ACTION = "partnerships.agreement.renewed"
BADGES_ACTION = "partnerships.meeting.badges_issued"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def agreement_start(agreement: Agreement) -> datetime.date | None:
    return agreement.effective_from or agreement.signed_on


def agreement_end(agreement: Agreement, today: datetime.date) -> datetime.date | None:
    """The last day of the period running on `today` (None: open-ended).

    A tacitly renewed agreement starts a new period of the same length at each end, until
    someone terminates it.
    """
    start = agreement_start(agreement)
    if agreement.expires_on:
        end = agreement.expires_on
    elif start and agreement.duration_months:
        end = add_months(start, agreement.duration_months) - datetime.timedelta(days=1)
    else:
        return None
    if agreement.renewal == Renewal.TACIT and start and end >= start:
        period = (end - start) + datetime.timedelta(days=1)
        while end < today:
            end += period
    return end


def notice_date(agreement: Agreement, end: datetime.date) -> datetime.date:
    """The day by which a party must say it will not renew (or, without notice, when the
    end starts to count as near)."""
    if agreement.notice_months:
        return add_months(end, -agreement.notice_months)
    return end - SOON


def agreement_status(agreement: Agreement, today: datetime.date) -> str:
    if agreement.terminated_on and agreement.terminated_on <= today:
        return AgreementStatus.TERMINATED
    if _renewal_signed(agreement):
        return AgreementStatus.RENEWED
    start = agreement_start(agreement)
    if agreement.signed_on is None or start is None:
        return AgreementStatus.DRAFT
    if today < start:
        return AgreementStatus.SIGNED
    end = agreement_end(agreement, today)
    if end is None:
        return AgreementStatus.IN_FORCE
    if today > end:
        return AgreementStatus.EXPIRED
    if today >= notice_date(agreement, end):
        return AgreementStatus.EXPIRING_SOON
    return AgreementStatus.IN_FORCE


def _renewal_signed(agreement: Agreement) -> bool:
    try:
        successor = agreement.renewed_by
    except Agreement.DoesNotExist:
        return False
    return successor.signed_on is not None


def agreement_save(
    *,
    agreement: Agreement,
    today: datetime.date | None = None,
    by: User | None = None,
    content_changed: bool = True,
) -> Agreement:
    """Save with the status of the day; the agreement it renews is marked renewed. Logged as
    made or edited by `by`."""
    created = agreement.pk is None
    _stored(agreement, today)
    action = "wagtail.create" if created else "wagtail.edit"
    audit_log(instance=agreement, action=action, by=by, content_changed=content_changed)
    return agreement


def _stored(agreement: Agreement, today: datetime.date | None = None) -> Agreement:
    today = today or timezone.localdate()
    with transaction.atomic():
        previous = (
            Agreement.objects.filter(pk=agreement.pk).values_list("renews_id", flat=True).first()
        )
        agreement.status = agreement_status(agreement, today)
        agreement.save()
        # The agreement it renews, and the one it renewed until this change, if another.
        for renewed_id in {agreement.renews_id, previous} - {None}:
            renewed = Agreement.objects.select_for_update().get(pk=renewed_id)
            status = agreement_status(renewed, today)
            if renewed.status != status:
                renewed.status = status
                renewed.save(update_fields=["status", "updated_at"])
    return agreement


def agreement_terminate_check(*, agreement: Agreement) -> None:
    """Refuse (PartnershipError) an agreement already terminated."""
    if agreement.terminated_on:
        raise PartnershipError(
            _("This agreement is already terminated, on %(day)s.")
            % {"day": date_format(agreement.terminated_on)},
            code="already_terminated",
        )


@transaction.atomic
def agreement_terminate(
    *, agreement: Agreement, on: datetime.date, by: User | None = None
) -> Agreement:
    agreement_terminate_check(agreement=agreement)
    if agreement.signed_on is None:
        raise PartnershipError(_("Only a signed agreement can be terminated."))
    if on < agreement.signed_on:
        raise PartnershipError(_("An agreement cannot end before it was signed."))
    agreement.terminated_on = on
    _stored(agreement)
    audit_log(instance=agreement, action=TERMINATED_ACTION, by=by)
    return agreement


def agreement_renewal(agreement: Agreement) -> Agreement | None:
    """The agreement that renews `agreement`, if one was started."""
    return Agreement.objects.filter(renews=agreement).first()


@transaction.atomic
def agreement_renew(*, agreement: Agreement, by: User | None = None) -> Agreement:
    """A draft renewing `agreement`, with its terms and parties copied; its dates, signed
    document and notes are its own, filled in when it is signed. Not public until then."""
    if agreement.signed_on is None or agreement.status == AgreementStatus.TERMINATED:
        raise PartnershipError(_("Only a signed agreement that is not terminated can be renewed."))
    if agreement_renewal(agreement) is not None:
        raise PartnershipError(_("This agreement already has a renewal."), code="already_renewed")
    draft = Agreement(
        reference=_renewal_reference(agreement.reference),
        title_ar=agreement.title_ar,
        title_fr=agreement.title_fr,
        title_en=agreement.title_en,
        type=agreement.type,
        other_parties=agreement.other_parties,
        duration_months=agreement.duration_months,
        renewal=agreement.renewal,
        notice_months=agreement.notice_months,
        domains=list(agreement.domains or []),
        summary_ar=agreement.summary_ar,
        summary_fr=agreement.summary_fr,
        summary_en=agreement.summary_en,
        budget=agreement.budget,
        funded_by=agreement.funded_by,
        budget_is_public=agreement.budget_is_public,
        is_public=False,
        renews=agreement,
    )
    _stored(draft)
    draft.partner_regions.set(agreement.partner_regions.all())
    audit_log(instance=agreement, action=RENEWED_ACTION, by=by, data={"renewal": draft.pk})
    audit_log(instance=draft, action="wagtail.create", by=by)
    return draft


def _renewal_reference(reference: str) -> str:
    """The old reference marked R1, R2… (the first that is free)."""
    number = 1
    while True:
        suffix = f"-R{number}"
        candidate = reference[: 50 - len(suffix)] + suffix
        if not Agreement.objects.filter(reference=candidate).exists():
            return candidate
        number += 1


def agreement_statuses_refresh(*, today: datetime.date | None = None) -> int:
    """Bring every agreement's status to the day; returns how many changed."""
    today = today or timezone.localdate()
    changed = 0
    agreements = Agreement.objects.select_related("renewed_by").exclude(
        status=AgreementStatus.TERMINATED
    )
    for agreement in agreements.iterator(chunk_size=500):
        status = agreement_status(agreement, today)
        if status != agreement.status:
            Agreement.objects.filter(pk=agreement.pk).update(status=status)
            changed += 1
    return changed


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
