"""Sample B2B meetings for `manage.py seed_demo`: every participant is made up."""

import datetime

from django.db import transaction
from django.utils import timezone

from b2b.choices import ParticipantKind, PartnerRole, RequestStatus, ServiceTopic
from b2b.models import B2BBlock, B2BParticipant, B2BRegionPriority, MeetingRequest
from b2b.services.meetings import meetings_schedule
from b2b.services.suggestions import suggestions_refresh
from b2b.vocabulary import TOPIC_LABELS
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
    regions of the sample partnerships) asking each other for meetings, placed, and four
    guests more who ask nobody yet; each agreed to be found by the others, each says what
    they offer and seek, the organisers favour the partner regions, and everyone's
    suggestions are computed."""
    if not B2BBlock.objects.filter(edition=edition).exists():
        _demo_meetings_make(edition=edition)
    _demo_guests_ensure(edition=edition)
    _demo_participants_findable(edition=edition)
    _demo_profiles_ensure(edition=edition)
    _demo_region_priorities_ensure(edition=edition)
    suggestions_refresh(edition=edition)


# Guests who have asked nobody yet: the suggestions find them for the others. (name,
# organisation, partner region, what they offer and seek, are and look for, markets,
# languages, priority).
NEW_GUESTS = [
    (
        "Lucie Martin",
        "Distribution bio Occitanie (exemple)",
        "occitanie",
        ([ServiceTopic.LOGISTICS], ["olive_oil", "argan", "honey", "aromatic_plants", "dates"]),
        ([PartnerRole.DISTRIBUTOR, PartnerRole.PARTNER_REGION], [PartnerRole.PRODUCER]),
        ["FR", "ES", "BE"],
        ["fr", "es"],
        2,
    ),
    (
        "Aminata Sow",
        "Fonds d'investissement solidaire (exemple)",
        "",
        ([ServiceTopic.FINANCING], ["cosmetics", "crafts", "textiles", "carpets", "cactus"]),
        ([PartnerRole.INVESTOR], [PartnerRole.PRODUCER]),
        ["SN", "CI", "FR"],
        ["fr", "en"],
        0,
    ),
    (
        "Karim Benali",
        "Centre d'appui technique à l'export (exemple)",
        "",
        (
            [ServiceTopic.PACKAGING, ServiceTopic.QUALITY, ServiceTopic.EXPORT],
            ["citrus", "cereals", "honey"],
        ),
        ([PartnerRole.TECHNICAL_HELP], [PartnerRole.PRODUCER]),
        ["MA", "FR", "ES"],
        ["ar", "fr"],
        0,
    ),
    (
        "Mariam Mint Ahmed",
        "Grossiste de Nouakchott (exemple)",
        "nouakchott",
        ([ServiceTopic.LOGISTICS], ["dates", "cereals", "crafts", "carpets", "textiles"]),
        ([PartnerRole.DISTRIBUTOR, PartnerRole.BUYER], [PartnerRole.PRODUCER]),
        ["MR", "SN"],
        ["ar", "fr"],
        1,
    ),
]

# The first guests' profiles, by their e-mail's number: (offered services, sought topics,
# roles, markets, languages).
FIRST_GUESTS = [
    ([], ["olive_oil", "honey", "aromatic_plants", "argan"], [PartnerRole.BUYER], ["FR"], ["fr"]),
    ([ServiceTopic.EXPORT, ServiceTopic.TRAINING], ["dates", "cereals"], [PartnerRole.TECHNICAL_HELP, PartnerRole.PARTNER_REGION], ["SN"], ["fr", "en"]),
    ([ServiceTopic.LOGISTICS], ["honey", "cactus", "citrus"], [PartnerRole.BUYER, PartnerRole.DISTRIBUTOR], ["CI"], ["fr"]),
    ([ServiceTopic.MARKETING], ["olive_oil", "dates", "crafts"], [PartnerRole.BUYER], ["FR", "BE"], ["fr", "ar"]),
]  # fmt: skip

# What exhibitors look for, in turn.
EXHIBITOR_SEEKS = [
    ([ServiceTopic.PACKAGING, ServiceTopic.EXPORT], [PartnerRole.DISTRIBUTOR, PartnerRole.BUYER]),
    ([ServiceTopic.LOGISTICS], [PartnerRole.BUYER, PartnerRole.INVESTOR]),
    ([ServiceTopic.QUALITY, ServiceTopic.MARKETING], [PartnerRole.DISTRIBUTOR]),
    ([ServiceTopic.FINANCING, ServiceTopic.TRAINING], [PartnerRole.INVESTOR, PartnerRole.TECHNICAL_HELP]),
]  # fmt: skip
EXHIBITOR_MARKETS = [["FR", "ES"], ["SN", "CI"], ["FR", "BE", "MR"], ["MA"]]


def _demo_guests_ensure(*, edition: Edition) -> None:
    regions = PartnerRegion.objects.in_bulk(field_name="slug")
    for n, (name, organisation, region, *_profile, priority) in enumerate(NEW_GUESTS, start=4):
        B2BParticipant.objects.get_or_create(
            edition=edition,
            email=f"b2b-guest{n}@fair.example",
            defaults={
                "kind": ParticipantKind.DELEGATION if region else ParticipantKind.PARTNER,
                "name": name,
                "organisation": organisation,
                "partner_region": regions.get(region),
                "offers": "Services et réseau (exemple)",
                "seeks": "Coopératives de l'Oriental",
                "language": "fr",
                "priority": priority,
            },
        )


def _demo_profiles_ensure(*, edition: Edition) -> None:
    """What the sample participants offer and seek, in the shared vocabulary: exhibitors
    offer their cooperative's product categories and look for services, buyers and
    distributors; guests as listed. A profile already filled in is left as it is."""
    samples = B2BParticipant.objects.filter(
        edition=edition,
        email__startswith="b2b-",
        email__endswith="@fair.example",
        offer_topics=[],
        seek_topics=[],
    ).select_related("cooperative")
    categories = {
        application.cooperative_id: application.product_categories
        for application in Application.objects.filter(edition=edition)
    }
    new_guests = {f"b2b-guest{n}@fair.example": g for n, g in enumerate(NEW_GUESTS, start=4)}
    first_guests = {f"b2b-guest{n}@fair.example": g for n, g in enumerate(FIRST_GUESTS)}
    for participant in samples:
        if participant.cooperative_id:
            n = participant.cooperative_id
            services, roles_sought = EXHIBITOR_SEEKS[n % len(EXHIBITOR_SEEKS)]
            offered = [c for c in categories.get(n, []) if c in TOPIC_LABELS] or ["crafts"]
            participant.offer_topics, participant.seek_topics = offered, list(services)
            participant.roles, participant.roles_sought = [PartnerRole.PRODUCER], roles_sought
            participant.markets = EXHIBITOR_MARKETS[n % len(EXHIBITOR_MARKETS)]
            participant.languages = ["ar", "fr"] if n % 3 else ["ar", "zgh", "fr"]
        elif participant.email in new_guests:
            _name, _org, _region, topics, roles, markets, languages, _priority = new_guests[
                participant.email
            ]
            participant.offer_topics, participant.seek_topics = topics
            participant.roles, participant.roles_sought = roles
            participant.markets, participant.languages = markets, languages
            participant.remote = participant.email.endswith("guest7@fair.example")
        elif participant.email in first_guests:
            offered, sought, roles, markets, languages = first_guests[participant.email]
            participant.offer_topics, participant.seek_topics = list(offered), sought
            participant.roles, participant.roles_sought = roles, [PartnerRole.PRODUCER]
            participant.markets, participant.languages = markets, languages
        else:
            continue
        participant.save()


def _demo_region_priorities_ensure(*, edition: Edition) -> None:
    """The organisers want the delegations met: Occitanie's most."""
    weights = {"occitanie": 3, "dakar": 2, "abidjan": 2, "nouakchott": 2}
    for region in PartnerRegion.objects.filter(slug__in=weights):
        B2BRegionPriority.objects.get_or_create(
            edition=edition, partner_region=region, defaults={"weight": weights[region.slug]}
        )


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
