from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Score(models.IntegerChoices):
    """A mark out of five, for a session or for the fair."""

    VERY_POOR = 1, pgettext_lazy("a mark out of five", "Very poor")
    POOR = 2, pgettext_lazy("a mark out of five", "Poor")
    AVERAGE = 3, pgettext_lazy("a mark out of five", "Average")
    GOOD = 4, pgettext_lazy("a mark out of five", "Good")
    EXCELLENT = 5, pgettext_lazy("a mark out of five", "Excellent")


class ComeAgain(models.TextChoices):
    YES = "yes", _("Yes")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("No")


class InvitationKind(models.TextChoices):
    SESSIONS = "sessions", _("Sessions of a day")
    VISITOR = "visitor", _("Visitors' survey")
    EXHIBITOR = "exhibitor", _("Exhibitors' survey")
