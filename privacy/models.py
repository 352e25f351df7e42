from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting

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
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
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


def _months(label, default, help_text):
    return models.PositiveSmallIntegerField(
        label,
        default=default,
        validators=[MaxValueValidator(120)],
        help_text=help_text,
    )


class RetentionSettings(BaseGenericSetting):
    """How long each kind of personal record is kept, counted from the end of its edition
    (law 09-08: no longer than the purpose needs). A daily task applies them; what it erases
    leaves every count of the observatory as it was."""

    attendee_months = _months(
        _("visitors and badge holders (months)"),
        12,
        _(
            "Names, contacts and organisations of people with a badge are erased this many "
            "months after their edition ends. The privacy page promises 12."
        ),
    )
    entry_months = _months(
        _("names in the entry log (months)"),
        3,
        _("Entries at the gates keep their time and gate, without the name, after this long."),
    )
    b2b_months = _months(
        _("business-meetings profiles (months)"),
        12,
        _(
            "Profiles of the business meetings are erased this many months after their "
            "edition ends."
        ),
    )
    outbox_days = models.PositiveSmallIntegerField(
        _("e-mails and text messages sent (days)"),
        default=90,
        validators=[MaxValueValidator(3650)],
        help_text=_("Messages already delivered are deleted after this many days."),
    )

    panels = [
        FieldPanel("attendee_months"),
        FieldPanel("entry_months"),
        FieldPanel("b2b_months"),
        FieldPanel("outbox_days"),
    ]

    class Meta:
        verbose_name = _("data retention")
        verbose_name_plural = _("data retention")


class RetentionSweep(models.Model):
    """One run of the retention rules: when, and how many records each rule erased."""

    ran_at = models.DateTimeField(_("ran at"), auto_now_add=True)
    outcome = models.JSONField(_("records erased"), default=dict, blank=True)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-ran_at"]

    def __str__(self):
        return str(_("Retention run no. %(number)s")) % {"number": self.pk}
