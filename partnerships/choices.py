from django.db import models
from django.utils.translation import gettext_lazy as _


class Continent(models.TextChoices):
    AFRICA = "africa", _("Africa")
    EUROPE = "europe", _("Europe")
    ASIA = "asia", _("Asia")
    AMERICAS = "americas", _("Americas")


class AgreementType(models.TextChoices):
    FRAMEWORK = "framework", _("Framework agreement")
    COOPERATION = "cooperation", _("Cooperation convention")
    SPECIFIC = "specific", _("Specific convention")
    MOU = "mou", _("Memorandum of understanding")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed, not yet in force")
    IN_FORCE = "in_force", _("In force")
    EXPIRING_SOON = "expiring_soon", _("Expiring soon")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")
    RENEWED = "renewed", _("Renewed")


class Renewal(models.TextChoices):
    TACIT = "tacit", _("Renewed tacitly unless a party gives notice")
    EXPLICIT = "explicit", _("Renewed only by a new signature")
    NONE = "none", _("Not renewable")


class Domain(models.TextChoices):
    SSE = "sse", _("Social and solidarity economy")
    AGRICULTURE = "agriculture", _("Agriculture")
    TRAINING = "training", _("Training")
    CULTURE = "culture", _("Culture")
    TOURISM = "tourism", _("Tourism")
    TRADE = "trade", _("Trade and export")
    WATER_ENVIRONMENT = "water_environment", _("Water and environment")
    HEALTH = "health", _("Health")
    YOUTH = "youth", _("Youth")
    WOMEN = "women", _("Women's empowerment")
    GOVERNANCE = "governance", _("Local governance")


class CommitmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")
