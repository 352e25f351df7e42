"""Scanning devices: the phones and handheld scanners paired to a gate, a stand or a room.

A device is paired in one scan: an organiser (or an exhibitor, for a stand) starts a pairing,
which makes a row holding only the hash of a short one-time code; the device's scanner page
reads the code from a QR and gets back its own long token, of which only the hash is kept.
Unpairing stamps `revoked_at`, and the token stops working at once.

`ScannerDevice` is abstract: each app pairs devices to its own kind of post (events' gates,
exhibitors' stands, programme's rooms) with a foreign key named by `post_field`.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from events.models.checkin import Gate


class ScannerDeviceQuerySet(models.QuerySet):
    def paired(self):
        """Devices that hold a working token: paired and not unpaired since."""
        return self.filter(paired_at__isnull=False, revoked_at__isnull=True)


class ScannerDevice(models.Model):
    post_field = ""  # the name of the foreign key to the gate, stand or room

    wagtail_reference_index_ignore = True  # operational rows: see CheckIn

    name = models.CharField(
        _("name"), max_length=100, blank=True, help_text=_("To tell the devices apart.")
    )
    token_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    pairing_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    pairing_expires_at = models.DateTimeField(_("pairing code expires at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    paired_at = models.DateTimeField(_("paired at"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=200, blank=True)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("unpaired at"), null=True, blank=True)

    objects = ScannerDeviceQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-paired_at", "-created_at"]

    def __str__(self):
        return self.name or str(_("Device %(number)s") % {"number": self.pk})

    @property
    def post(self):
        return getattr(self, self.post_field)

    @property
    def is_paired(self) -> bool:
        return self.paired_at is not None and self.revoked_at is None

    @staticmethod
    def hash_secret(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()


class GateDevice(ScannerDevice):
    post_field = "gate"

    gate = models.ForeignKey(
        Gate, verbose_name=_("gate"), on_delete=models.CASCADE, related_name="devices"
    )

    class Meta(ScannerDevice.Meta):
        verbose_name = _("gate device")
        verbose_name_plural = _("gate devices")
