"""Sample B2B meetings for `manage.py seed_demo`: every participant is made up."""

import datetime

from django.db import transaction
from django.utils import timezone

from b2b.choices import ParticipantKind, RequestStatus
from b2b.models import B2BBlock, B2BParticipant, MeetingRequest
from b2b.services.meetings import meetings_schedule
from events.choices import ConsentKind
from events.models import Edition
from events.services.consents import consent_give
from exhibitors.choices import ApplicationStatus
from exhibitors.models import Application
from fairsite.models import User
from partnerships.models import PartnerRegion


@transaction.atomic
def demo_b2b_ensure(*, edition: Edition) -> None:
    """A B2B block, the first confirmed exhibitors and four guests (three from partner
    regions of the sample partnerships) asking each other for meetings, placed; each agreed
    to be found by the others."""
    if not B2BBlock.objects.filter(edition=edition).exists():
        _demo_meetings_make(edition=edition)
    _demo_participants_findable(edition=edition)


def _demo_participants_findable(*, edition: Edition) -> None:
    """Each sample participant has an account (that cannot sign in) which agreed to be
    found: without it the sample list of people to meet would be empty."""
    samples = B2BParticipant.objects.filter(
        edition=edition, email__startswith="b2b-", email__endswith="@fair.example"
    ).select_related("user")
    for participant in samples:
        account = participant.user
        if account is None:
            account = User.objects.filter(email__iexact=participant.email).first()
            if account is None:
                account = User.objects.create_user(
                    email=participant.email,
                    password=None,
                    first_name=participant.name[:150],
                    language=participant.language,
                )
            participant.user = account
            participant.save(update_fields=["user"])
        elif account.email.lower() != participant.email.lower():
            continue  # someone's own account now speaks for this participant
        consent_give(kind=ConsentKind.FINDABLE, language=participant.language, user=account)


def _demo_meetings_make(*, edition: Edition) -> None:
    regions = PartnerRegion.objects.in_bulk(field_name="slug")
    B2BBlock.objects.create(
        edition=edition,
        starts_at=timezone.make_aware(
            datetime.datetime.combine(
                edition.starts_on + datetime.timedelta(days=1), datetime.time(17)
            )
        ),
        ends_at=timezone.make_aware(
            datetime.datetime.combine(
                edition.starts_on + datetime.timedelta(days=1), datetime.time(19)
            )
        ),
        slot_minutes=20,
        tables=6,
        place_ar="فضاء لقاءات الأعمال",
        place_fr="Espace B2B",
    )
    exhibitors = [
        B2BParticipant.objects.create(
            edition=edition,
            kind=ParticipantKind.EXHIBITOR,
            name=application.cooperative.contact_name or application.cooperative.name,
            organisation=application.cooperative.name,
            email=f"b2b-{application.cooperative.pk}@fair.example",
            cooperative=application.cooperative,
            offers=application.cooperative.description_ar[:200] or "منتجات محلية",
            seeks="موزعون ومشترون للتصدير",
        )
        for application in Application.objects.filter(
            edition=edition, status=ApplicationStatus.CONFIRMED
        ).select_related("cooperative")[:12]
    ]
    guests = [
        B2BParticipant.objects.create(
            edition=edition,
            kind=ParticipantKind.DELEGATION if region else ParticipantKind.BUYER,
            name=name,
            organisation=organisation,
            email=f"b2b-guest{n}@fair.example",
            partner_region=regions.get(region),
            offers="Réseau de distribution (exemple)",
            seeks="Huiles, miel, plantes aromatiques",
            language="fr",
        )
        for n, (name, organisation, region) in enumerate(
            [
                ("Claire Dubois", "Coopérative d'achat (exemple)", "occitanie"),
                ("Awa Ndiaye", "Chambre de commerce (exemple)", "dakar"),
                ("Mamadou Koné", "Centrale d'achat (exemple)", "abidjan"),
                ("Sophie Laurent", "Épicerie solidaire (exemple)", ""),
            ]
        )
    ]
    statuses = [RequestStatus.ACCEPTED] * 3 + [RequestStatus.PENDING, RequestStatus.DECLINED]
    for n, exhibitor in enumerate(exhibitors):
        for m, guest in enumerate(guests):
            if (n + m) % 2:
                continue
            MeetingRequest.objects.create(
                edition=edition,
                requester=exhibitor,
                recipient=guest,
                status=statuses[(n + m) % len(statuses)],
            )
    meetings_schedule(edition=edition, notify=False)  # no e-mail to sample addresses
