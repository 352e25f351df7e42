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
