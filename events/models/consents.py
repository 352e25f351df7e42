from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import ConsentKind


class Consent(models.Model):
    """A visitor's agreement to one use of their data beyond the badge, as they gave it: the
    version and the very words they read, in their language, and when. Withdrawing keeps
    the row (and when it ended); agreeing again makes a new one."""

    attendee = models.ForeignKey(
        "events.Attendee",
        verbose_name=_("attendee"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ConsentKind.choices)
    version = models.CharField(_("version of the text"), max_length=20)
    text = models.TextField(_("text agreed to"))
    language = models.CharField(_("language"), max_length=8)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["attendee", "kind", "-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["attendee", "kind"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="events_consent_one_in_force",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.version})"
