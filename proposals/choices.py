from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalStatus(models.TextChoices):
    """A proposal's life. Once accepted, the programme's draft session carries on: whether it
    is placed, published or cancelled is the session's status, not the proposal's."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Duration(models.IntegerChoices):
    MIN_30 = 30, _("30 minutes")
    MIN_45 = 45, _("45 minutes")
    MIN_60 = 60, _("1 hour")
    MIN_90 = 90, _("1 hour 30 minutes")
    MIN_120 = 120, _("2 hours")
