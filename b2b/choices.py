from django.db import models
from django.utils.translation import gettext_lazy as _


class ParticipantKind(models.TextChoices):
    EXHIBITOR = "exhibitor", _("Exhibitor")
    DELEGATION = "delegation", _("Delegation member")
    BUYER = "buyer", _("Buyer")
    PARTNER = "partner", _("Partner")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


class PartnerRole(models.TextChoices):
    """What a participant is to the others, and what kind of partner they look for."""

    PRODUCER = "producer", _("Producer or supplier")
    BUYER = "buyer", _("Buyer")
    DISTRIBUTOR = "distributor", _("Distributor")
    INVESTOR = "investor", _("Investor or funder")
    PARTNER_REGION = "partner_region", _("Partner region")
    TECHNICAL_HELP = "technical_help", _("Technical help")


class ServiceTopic(models.TextChoices):
    """Services offered or sought, beside the products (exhibitors' ProductCategory): both
    lists make the one vocabulary of what participants offer and seek."""

    PACKAGING = "packaging", _("Packaging and labelling")
    LOGISTICS = "logistics", _("Transport and logistics")
    EXPORT = "export", _("Export procedures")
    QUALITY = "quality", _("Certification and quality")
    TRAINING = "training", _("Training and coaching")
    FINANCING = "financing", _("Financing")
    MARKETING = "marketing", _("Marketing and online sales")
    EQUIPMENT = "equipment", _("Equipment and machinery")


class SpokenLanguage(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    AMAZIGH = "zgh", _("Amazigh")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    ITALIAN = "it", _("Italian")
    GERMAN = "de", _("German")


class MeetingHeld(models.TextChoices):
    """Whether a meeting took place, as one of its two sides says."""

    HELD = "held", _("It took place")
    OTHER_ABSENT = "other_absent", _("The other side did not come")
    NOT_HELD = "not_held", _("It did not take place")


class MeetingOutcome(models.TextChoices):
    """What came of a meeting, from the least to the most."""

    NONE = "none", _("No follow-up")
    FOLLOW_UP = "follow_up", _("Follow-up planned")
    ORDER = "order", _("Samples or an order")
    DISTRIBUTION = "distribution", _("Distribution agreement")
    PARTNERSHIP = "partnership", _("Partnership project")
