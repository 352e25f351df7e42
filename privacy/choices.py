from django.db import models
from django.utils.translation import gettext_lazy as _


class DataRequestStatus(models.TextChoices):
    """Where a person's request to be forgotten stands."""

    PENDING = "pending", _("Waiting")
    DONE = "done", _("Erased")
    REFUSED = "refused", _("Refused")
