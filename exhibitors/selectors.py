"""Reads for the public directory: the current edition's confirmed exhibitors."""

from django.db.models import Prefetch, Q, QuerySet
from wagtail.images import get_image_model

from events.models import Edition
from exhibitors.choices import ApplicationStatus
from exhibitors.models import Application, Certification, CooperativePhoto, Product

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
