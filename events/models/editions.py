import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import DEFAULT_UNLIMITED_ENTRY, EditionStatus
from fairsite.i18n import LocalizedField


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class Venue(models.Model):
    """Where an edition is held."""

    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    city = models.CharField(_("city"), max_length=100, default="Oujda")
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    name = LocalizedField()

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name_fr"]

    def __str__(self):
        return self.name


def default_unlimited_entry() -> list[str]:
    return list(DEFAULT_UNLIMITED_ENTRY)


class EditionQuerySet(models.QuerySet):
    def current(self) -> "Edition | None":
        """The edition that the public site, the portal and the gates work with now."""
        return self.filter(is_current=True).select_related("venue").first()


class Edition(models.Model):
    """One fair: the yearly edition that applications, badges and the programme belong to."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("7 for the seventh edition of the fair.")
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="editions",
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Africa/Casablanca",
        validators=[validate_time_zone],
    )
    exhibitor_registration_opens_at = models.DateTimeField(
        _("exhibitor applications open"), null=True, blank=True
    )
    exhibitor_registration_closes_at = models.DateTimeField(
        _("exhibitor applications close"), null=True, blank=True
    )
    visitor_registration_opens_at = models.DateTimeField(
        _("visitor registration opens"), null=True, blank=True
    )
    visitor_registration_closes_at = models.DateTimeField(
        _("visitor registration closes"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EditionStatus.choices, default=EditionStatus.DRAFT
    )
    unlimited_entry = models.JSONField(
        _("categories with unlimited entry"),
        default=default_unlimited_entry,
        blank=True,
        help_text=_(
            "Badges of these categories go in and out as often as needed. The others enter "
            "once a day, and again only after an exit scan."
        ),
    )
    is_current = models.BooleanField(
        _("current edition"),
        default=False,
        help_text=_("The edition that the public site and the gates work with."),
    )

    name = LocalizedField()

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="events_edition_one_current",
                violation_error_message=_(
                    "Another edition is already the current one. Untick it there first."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="events_edition_ends_after_start",
                violation_error_message=_("The last day cannot come before the first day."),
            ),
        ]
        permissions = [("scan_badges", _("Can scan badges at a gate"))]

    def __str__(self):
        return self.name

    def clean(self):
        windows = [
            ("exhibitor_registration_opens_at", "exhibitor_registration_closes_at"),
            ("visitor_registration_opens_at", "visitor_registration_closes_at"),
        ]
        errors = {}
        for opens, closes in windows:
            start, end = getattr(self, opens), getattr(self, closes)
            if start and end and end <= start:
                errors[closes] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The fair's clock: the time zone its days and hours are read in."""
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def clock_label(self) -> str:
        """The fair's clock as people name it, "the fair's time (UTC+1)", never a zone's
        database name; the offset is the one of the fair's first day."""
        first_day = datetime.datetime.combine(self.starts_on, datetime.time(12), tzinfo=self.zone)
        minutes = int(first_day.utcoffset().total_seconds() // 60)
        hours, rest = divmod(abs(minutes), 60)
        offset = ("+" if minutes > 0 else "−") + str(hours) if minutes else ""
        offset += f":{rest:02d}" if rest else ""
        return _("the fair's time (UTC%(offset)s)") % {"offset": offset}

    def today(self) -> datetime.date:
        """Today on the fair's own clock."""
        return timezone.localdate(timezone=self.zone)

    def today_start(self) -> datetime.datetime:
        """Midnight that began today, on the fair's own clock."""
        return datetime.datetime.combine(self.today(), datetime.time(), tzinfo=self.zone)

    @property
    def days(self) -> list[datetime.date]:
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + datetime.timedelta(days=n) for n in range(count)]

    def exhibitor_registration_is_open(self, at: datetime.datetime | None = None) -> bool:
        return _window_is_open(
            self.exhibitor_registration_opens_at, self.exhibitor_registration_closes_at, at
        )

    def visitor_registration_is_open(self, at: datetime.datetime | None = None) -> bool:
        return _window_is_open(
            self.visitor_registration_opens_at, self.visitor_registration_closes_at, at
        )


def _window_is_open(opens_at, closes_at, at) -> bool:
    at = at or timezone.now()
    if opens_at is None or at < opens_at:
        return False
    return closes_at is None or at < closes_at
