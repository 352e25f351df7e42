"""Reads of export support: a cooperative's export readiness, as the logistics unit scores
it. The rule has this one home; the unit's pages, the cooperative's admin page and the
observatory's indicator all read it from here."""

import datetime

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.expressions import Expression
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from exhibitors.models import Certification, Cooperative
from exportsupport.choices import RequestStatus as Status
from exportsupport.models import SupportRequest

# 25 points per certification valid on the day and per request done, each counted up to two:
# a score out of 100.
POINTS = 25
COUNTED_UP_TO = 2


def _valid_certifications(cooperative, on: datetime.date):
    return Certification.objects.filter(cooperative=cooperative).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=on)
    )


def _requests_done(cooperative):
    return SupportRequest.objects.filter(cooperative=cooperative, status=Status.DONE)


def _up_to(queryset) -> Expression:
    counted = queryset.values("cooperative").annotate(n=Count("pk")).values("n")
    return Least(Coalesce(Subquery(counted, output_field=IntegerField()), 0), Value(COUNTED_UP_TO))


def export_readiness_steps(*, cooperative: OuterRef, on: datetime.date) -> Expression:
    """The readiness of the cooperative `cooperative` refers to, in steps of POINTS (0 to 4),
    for annotating a query of cooperatives or of their applications."""
    return _up_to(_valid_certifications(cooperative, on)) + _up_to(_requests_done(cooperative))


def export_supported(*, cooperative: OuterRef) -> Exists:
    """Whether the cooperative has had a request done."""
    return Exists(_requests_done(cooperative))


def cooperative_export_readiness(
    cooperative: Cooperative, *, on: datetime.date | None = None
) -> dict:
    """How ready the cooperative is to sell abroad on the day `on` (today by default), with
    what its score counts."""
    on = on or timezone.localdate()
    steps = (
        Cooperative.objects.filter(pk=cooperative.pk)
        .annotate(steps=export_readiness_steps(cooperative=OuterRef("pk"), on=on))
        .values_list("steps", flat=True)
        .get()
    )
    certifications = list(_valid_certifications(cooperative, on))
    return {
        "score": POINTS * steps,
        "certifications_valid": certifications,
        "certifications_valid_count": len(certifications),
        "requests_done": _requests_done(cooperative).count(),
        "requests_open": cooperative.support_requests.open().count(),
    }
