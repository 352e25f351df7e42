"""Who came into a session: admissions made by the room's scanner, and the devices that scan
at a room's door."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models import ScannerDevice
from programme.choices import AttendanceVia
from programme.models.sessions import Room, Session


class SessionAttendance(models.Model):
    """A person admitted into a session by the room's scanner, once per session.

    Those who came `via` a sign-up hold the place their sign-up counts; the others took one of
    the seats left free, and count as seats taken beside the sign-ups.
    """

    wagtail_reference_index_ignore = True  # operational rows, like the gates' log

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="attendances"
    )
    attendee = models.ForeignKey(
        "events.Attendee",
        verbose_name=_("attendee"),
        on_delete=models.CASCADE,
        related_name="session_attendances",
    )
    via = models.CharField(_("admitted"), max_length=12, choices=AttendanceVia.choices)
    admitted_at = models.DateTimeField(_("admitted at"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    # The scanning device's own id for the scan: sending it again changes nothing.
    scan_id = models.CharField(max_length=64, blank=True, editable=False)
    offline = models.BooleanField(
        _("scanned offline"),
        default=False,
        help_text=_("The device let the person in while it had no network."),
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["admitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "attendee"], name="programme_attendance_once_per_session"
            ),
            models.UniqueConstraint(
                fields=["scan_id"],
                condition=~Q(scan_id=""),
                name="programme_attendance_unique_scan_id",
            ),
        ]
        indexes = [models.Index(fields=["session", "via"], name="programme_attendance_via")]

    def __str__(self):
        return f"{self.attendee} · {self.session}"


class RoomDevice(ScannerDevice):
    """A phone or handheld scanner paired to a room's door."""

    post_field = "room"

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="devices"
    )

    class Meta(ScannerDevice.Meta):
        verbose_name = _("room device")
        verbose_name_plural = _("room devices")
