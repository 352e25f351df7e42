"""An agreement's life: saved with the status of the day, terminated, renewed (the rules for
its dates and status are in partnerships.terms, its timeline in partnerships.selectors)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from fairsite.audit import audit_log
from fairsite.models import User
from partnerships.choices import AgreementStatus
from partnerships.errors import PartnershipError
from partnerships.models import Agreement
from partnerships.terms import agreement_status

# The admin log's actions (registered in partnerships/viewsets.py).
TERMINATED_ACTION = "partnerships.agreement.terminated"
RENEWED_ACTION = "partnerships.agreement.renewed"
BADGES_ACTION = "partnerships.meeting.badges_issued"


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
        raise PartnershipError(_("Only a signed agreement can be terminated."), code="not_signed")
    if on < agreement.signed_on:
        raise PartnershipError(
            _("An agreement cannot end before it was signed."), code="ends_before_signed"
        )
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
        raise PartnershipError(
            _("Only a signed agreement that is not terminated can be renewed."),
            code="not_renewable",
        )
    if agreement_renewal(agreement) is not None:
        raise PartnershipError(_("This agreement already has a renewal."), code="already_renewed")
    draft = Agreement(
        reference=_renewal_reference(agreement.reference),
        title_ar=agreement.title_ar,
        title_fr=agreement.title_fr,
        title_en=agreement.title_en,
        type=agreement.type,
        other_parties_ar=agreement.other_parties_ar,
        other_parties_fr=agreement.other_parties_fr,
        other_parties_en=agreement.other_parties_en,
        duration_months=agreement.duration_months,
        renewal=agreement.renewal,
        notice_months=agreement.notice_months,
        domains=list(agreement.domains or []),
        summary_ar=agreement.summary_ar,
        summary_fr=agreement.summary_fr,
        summary_en=agreement.summary_en,
        budget=agreement.budget,
        funded_by_ar=agreement.funded_by_ar,
        funded_by_fr=agreement.funded_by_fr,
        funded_by_en=agreement.funded_by_en,
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
