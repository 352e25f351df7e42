from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from privacy.choices import DataRequestStatus


class DataRequest(models.Model):
    """A person's request that the site forget them: made by an account holder or by the
    holder of a badge link, processed by an organiser. Once processed it keeps only what
    was done (counts per kind of record), never the data that was erased."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="data_requests",
    )
    attendee = models.ForeignKey(
        "events.Attendee",
        verbose_name=_("attendee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="data_requests",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DataRequestStatus.choices,
        default=DataRequestStatus.PENDING,
    )
    language = models.CharField(_("language"), max_length=8, default=settings.LANGUAGE_CODE)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    processed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("processed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.JSONField(
        _("what was erased"),
        default=dict,
        blank=True,
        help_text=_("How many records of each kind were erased or anonymised."),
    )

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False)
                | models.Q(attendee__isnull=False)
                | ~models.Q(status="pending"),
                name="privacy_datarequest_pending_has_subject",
            ),
        ]

    def __str__(self):
        return str(_("Erasure request no. %(number)s")) % {"number": self.pk}
