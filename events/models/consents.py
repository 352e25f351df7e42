from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import ConsentKind


class Consent(models.Model):
    """A person's agreement to one use of their data beyond its purpose, as they gave it: the
    version and the very words they read, in their language, and when. It belongs to a
    visitor's registration (given with it, kept on the badge page) or to an account (given
    in the portal or when joining the business meetings). Withdrawing keeps the row (and
    when it ended); agreeing again makes a new one."""

    attendee = models.ForeignKey(
        "events.Attendee",
        verbose_name=_("attendee"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="consents",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
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
        ordering = ["kind", "-given_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(attendee__isnull=False, user__isnull=True)
                | models.Q(attendee__isnull=True, user__isnull=False),
                name="events_consent_one_holder",
            ),
            models.UniqueConstraint(
                fields=["attendee", "kind"],
                condition=models.Q(withdrawn_at__isnull=True, attendee__isnull=False),
                name="events_consent_one_in_force",
            ),
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=models.Q(withdrawn_at__isnull=True, user__isnull=False),
                name="events_consent_one_in_force_per_account",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.version})"
