"""An agreement's dates and status on a given day: when it started, when it ends (renewals
and notice periods counted), and the status those dates give. Rules only, no writes."""

import calendar
import datetime

from partnerships.choices import AgreementStatus, Renewal
from partnerships.models import Agreement

# How far ahead an agreement's end counts as "soon" when it gives no notice period.
SOON = datetime.timedelta(days=90)


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
