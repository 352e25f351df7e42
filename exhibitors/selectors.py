"""Reads for the public directory (the current edition's confirmed exhibitors), and for a
stand's leads and a visitor's list of the stands that scanned them."""

import dataclasses

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from wagtail.images import get_image_model

from events.choices import ConsentKind
from events.models import Attendee, Consent, Edition
from exhibitors.choices import ApplicationStatus
from exhibitors.models import (
    Application,
    Certification,
    CooperativePhoto,
    Product,
    StandVisit,
)
from exhibitors.services.leads import Contact, visitor_contact

# The renditions the directory's templates ask for, fetched with the images.
CARD_LOGO = "max-96x96"
PROFILE_LOGO = "max-160x160"
PROFILE_PHOTO = "fill-600x450"


def directory_exhibitors(
    *,
    edition: Edition,
    query: str = "",
    province: str = "",
    sector: str = "",
    certification: str = "",
) -> QuerySet[Application]:
    """Confirmed applications of `edition` with their cooperative, stand, products and
    certifications, filtered; a fixed number of queries however many there are."""
    applications = Application.objects.filter(edition=edition, status=ApplicationStatus.CONFIRMED)
    if query:
        matching_products = Product.objects.filter(
            Q(name_fr__icontains=query) | Q(name_ar__icontains=query)
        ).values("cooperative_id")
        applications = applications.filter(
            Q(cooperative__name__icontains=query)
            | Q(cooperative__name_ar__icontains=query)
            | Q(cooperative_id__in=matching_products)
        )
    if province:
        applications = applications.filter(cooperative__province=province)
    if sector:
        applications = applications.filter(cooperative__sector=sector)
    if certification:
        certified = Certification.objects.filter(kind=certification).values("cooperative_id")
        applications = applications.filter(cooperative_id__in=certified)
    return (
        applications.select_related("cooperative", "stand")
        .prefetch_related(
            Prefetch(
                "cooperative__logo",
                queryset=get_image_model().objects.prefetch_renditions(CARD_LOGO, PROFILE_LOGO),
            ),
            Prefetch("cooperative__products", queryset=Product.objects.order_by("name_fr")),
            Prefetch(
                "cooperative__certifications", queryset=Certification.objects.order_by("kind")
            ),
        )
        .order_by("cooperative__name")
    )


def directory_profile(*, edition: Edition, cooperative_id: int) -> Application | None:
    """The confirmed application of one cooperative, as the directory shows it."""
    return (
        directory_exhibitors(edition=edition)
        .filter(cooperative_id=cooperative_id)
        .select_related("stand__stand_type")
        .prefetch_related(
            Prefetch(
                "cooperative__photos",
                queryset=CooperativePhoto.objects.prefetch_related(
                    Prefetch(
                        "image",
                        queryset=get_image_model().objects.prefetch_renditions(PROFILE_PHOTO),
                    )
                ),
            )
        )
        .first()
    )


@dataclasses.dataclass(frozen=True)
class Lead:
    """A stand's visit as the stand sees it: the visitor's contact only while they agree to
    be findable by exhibitors, else none (an anonymous visitor)."""

    visit: StandVisit
    contact: Contact | None


def findable():
    """True for a visit whose visitor agrees, now, to be seen by the stands that scan them
    (events' FINDABLE consent, as `consent_holds` reads it), for a list in one query."""
    return Exists(
        Consent.objects.filter(
            attendee=OuterRef("attendee"), kind=ConsentKind.FINDABLE, withdrawn_at=None
        )
    )


def stand_leads(application: Application) -> list[Lead]:
    """The application's stand visits, the latest first, each with what the stand may see of
    the visitor: every visit, and every contact that is shared, in two queries."""
    return [_lead(visit) for visit in _visits(application)]


def stand_lead(application: Application, visit_id) -> Lead | None:
    """One visit of the application's stand (None for another stand's)."""
    visit = _visits(application).filter(pk=visit_id).first()
    return None if visit is None else _lead(visit)


def _visits(application: Application) -> QuerySet[StandVisit]:
    return (
        StandVisit.objects.of_application(application)
        .annotate(findable=findable())
        .select_related("attendee")
    )


def _lead(visit: StandVisit) -> Lead:
    return Lead(visit, visitor_contact(visit.attendee) if visit.findable else None)


def stands_that_scanned(attendee: Attendee) -> QuerySet[StandVisit]:
    """The stands that scanned the visitor's badge and still hold the link to them."""
    return (
        StandVisit.objects.filter(attendee=attendee)
        .select_related("application__cooperative", "application__stand")
        .order_by("first_scanned_at", "pk")
    )
