from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import Direction, ScanResult
from fairsite.i18n import LocalizedField


class Gate(models.Model):
    """A place where badges are scanned, by the devices paired to it (`GateDevice`)."""

    wagtail_reference_index_ignore = True  # operational rows: see CheckIn

    slug = models.SlugField(_("slug"), unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    name = LocalizedField()

    class Meta:
        verbose_name = _("gate")
        verbose_name_plural = _("gates")
        ordering = ["slug"]

    def __str__(self):
        return self.name


class CheckIn(models.Model):
    """One scan at a gate, admitted or refused: an append-only log."""

    # Operational rows, never linked from content: Wagtail's reference index would cost
    # a dozen queries on every save (every scan).
    wagtail_reference_index_ignore = True

    badge = models.ForeignKey(
        "events.Badge",
        verbose_name=_("badge"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="checkins",
    )
    gate = models.ForeignKey(
        Gate, verbose_name=_("gate"), on_delete=models.PROTECT, related_name="checkins"
    )
    direction = models.CharField(
        _("direction"), max_length=3, choices=Direction.choices, default=Direction.IN
    )
    result = models.CharField(_("result"), max_length=16, choices=ScanResult.choices)
    scanned_at = models.DateTimeField(_("scanned at"))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    scan_id = models.CharField(_("scan id"), max_length=64, blank=True)
    device = models.CharField(_("device"), max_length=100, blank=True)
    offline = models.BooleanField(_("scanned offline"), default=False)
    flagged = models.BooleanField(
        _("flagged"),
        default=False,
        help_text=_("Admitted offline although the badge was already in: a double entry."),
    )
    answer = models.JSONField(_("answer"), default=dict)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-scanned_at"]
        constraints = [
            # A device that sends the same scan twice (a retry, a second sync) gets the first
            # answer back and adds nothing.
            models.UniqueConstraint(
                fields=["scan_id"], condition=~Q(scan_id=""), name="events_checkin_unique_scan_id"
            )
        ]
        indexes = [models.Index(fields=["gate", "scanned_at"], name="events_checkin_gate_time")]

    def __str__(self):
        scanned = timezone.localtime(self.scanned_at)
        return f"{self.get_result_display()} · {self.gate} · {scanned:%Y-%m-%d %H:%M}"
