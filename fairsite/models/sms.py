from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboundSmsQuerySet(models.QuerySet):
    def pending(self):
        """Neither sent nor refused for good: a worker still owes them."""
        return self.filter(sent_at__isnull=True, refused_at__isnull=True)


class OutboundSms(models.Model):
    """A text message the site has promised to send: stored first, sent by a worker, never
    twice. The number and the text are personal data: they are never written to a log."""

    to = models.CharField(_("mobile number"), max_length=20)
    body = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The provider refused it (a bad number, wrong credentials): sending again would not help.
    refused_at = models.DateTimeField(_("refused at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    provider_id = models.CharField(_("provider's message id"), max_length=64, blank=True)

    objects = OutboundSmsQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing text message")
        verbose_name_plural = _("outgoing text messages")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sent_at", "created_at"], name="fairsite_sms_pending")]

    def __str__(self):
        return f"SMS {self.pk}"
