from django.db import models
from django.utils.translation import gettext_lazy as _


class Score(models.IntegerChoices):
    """A mark out of five, for a session or for the fair."""

    VERY_POOR = 1, _("Very poor")
    POOR = 2, _("Poor")
    FAIR = 3, _("Fair")
    GOOD = 4, _("Good")
    EXCELLENT = 5, _("Excellent")


class ComeAgain(models.TextChoices):
    YES = "yes", _("Yes")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("No")


class InvitationKind(models.TextChoices):
    SESSIONS = "sessions", _("Sessions of a day")
    VISITOR = "visitor", _("Visitors' survey")
    EXHIBITOR = "exhibitor", _("Exhibitors' survey")
