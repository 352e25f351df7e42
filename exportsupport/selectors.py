"""Reads of export support: who the logistics unit's officers are, and a cooperative's export
readiness as the unit scores it. The readiness rule has this one home; the unit's pages, the
cooperative's admin page and the observatory's indicator all read it from here."""

import datetime

from django.contrib.auth.models import Permission
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.expressions import Expression
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from exhibitors.models import Certification, Cooperative
from exportsupport.choices import RequestStatus as Status
from exportsupport.models import SupportRequest
from fairsite.models import User

OFFICER_PERMISSION = "exportsupport.change_supportrequest"

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


def is_officer(user: User) -> bool:
    """Whether `user` handles requests: the logistics unit (and superusers)."""
    return user.is_active and user.has_perm(OFFICER_PERMISSION)


def unit_members():
    """The logistics unit's active members: whoever holds the officer permission through a
    group or in person.

    Unlike `is_officer`, a superuser counts only if put in the unit: superusers run the
    site, they do not answer cooperatives, and the unit's mail is not for them.
    """
    app_label, codename = OFFICER_PERMISSION.split(".")
    granted = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        User.objects.filter(is_active=True)
        .filter(Q(groups__permissions__in=granted) | Q(user_permissions__in=granted))
        .distinct()
        .order_by("email")
    )
