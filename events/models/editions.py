import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import DEFAULT_UNLIMITED_ENTRY, AttendeeCategory, EditionStatus
from fairsite.i18n import LocalizedField


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class Venue(models.Model):
    """Where an edition is held."""

    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    address_ar = models.TextField(_("address (Arabic)"), blank=True)
    address_fr = models.TextField(_("address (French)"), blank=True)
    address_en = models.TextField(_("address (English)"), blank=True)
    city_ar = models.CharField(_("city (Arabic)"), max_length=100, blank=True, default="وجدة")
    city_fr = models.CharField(_("city (French)"), max_length=100, blank=True, default="Oujda")
    city_en = models.CharField(_("city (English)"), max_length=100, blank=True, default="Oujda")
    directions_ar = models.TextField(
        _("how to get there (Arabic)"),
        blank=True,
        help_text=_("Tram, bus, taxi, parking, access for people with reduced mobility."),
    )
    directions_fr = models.TextField(_("how to get there (French)"), blank=True)
    directions_en = models.TextField(_("how to get there (English)"), blank=True)
    access_map = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("access map"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A plan of the way to the venue and its entrances."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    name = LocalizedField()
    address = LocalizedField()
    city = LocalizedField()
    directions = LocalizedField()

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name_fr"]

    def __str__(self):
        return self.name

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def geo_uri(self) -> str:
        """A geo: URI (RFC 5870), which a phone opens in its own maps application."""
        return f"geo:{self.latitude},{self.longitude}" if self.has_coordinates else ""

    @property
    def openstreetmap_url(self) -> str:
        if not self.has_coordinates:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )


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
    rehearsal = models.BooleanField(
        _("rehearsal"),
        default=False,
        help_text=_(
            "While this is on, test badges pass the gates and scanners on any day, shown in "
            "orange, so that staff can try their devices before the fair. Turn it off before "
            "opening: test badges stop passing at once."
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
        permissions = [
            ("scan_badges", _("Can scan badges at a gate")),
            ("register_walk_ins", _("Can register walk-in visitors at the desk")),
        ]

    def __str__(self):
        return self.name

    def get_unlimited_entry_display(self) -> list[str]:
        labels = dict(AttendeeCategory.choices)
        return [str(labels.get(code, code)) for code in self.unlimited_entry]

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
        return _("the fair's time (UTC%(offset)s)") % {"offset": self._utc_offset()}

    @property
    def clock_offset(self) -> str:
        """The fair's clock as a short offset, "UTC+1" ("غرينتش+1" in Arabic)."""
        return _("UTC%(offset)s") % {"offset": self._utc_offset()}

    def _utc_offset(self) -> str:
        first_day = datetime.datetime.combine(self.starts_on, datetime.time(12), tzinfo=self.zone)
        minutes = int(first_day.utcoffset().total_seconds() // 60)
        hours, rest = divmod(abs(minutes), 60)
        offset = ("+" if minutes > 0 else "−") + str(hours) if minutes else ""
        return offset + (f":{rest:02d}" if rest else "")

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


class OpeningHours(models.Model):
    """When the fair is open to the public on one of the edition's days."""

    edition = models.ForeignKey(
        Edition,
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="opening_hours",
    )
    date = models.DateField(_("day"))
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"))
    note_ar = models.CharField(_("note (Arabic)"), max_length=200, blank=True)
    note_fr = models.CharField(_("note (French)"), max_length=200, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=200, blank=True)

    note = LocalizedField()

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["edition", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "date"],
                name="events_openinghours_one_per_day",
                violation_error_message=_("This day already has its opening hours."),
            ),
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")),
                name="events_openinghours_closes_after_opens",
                violation_error_message=_("The fair must close after it opens."),
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        errors = {}
        if self.opens and self.closes and self.closes <= self.opens:
            errors["closes"] = _("The fair must close after it opens.")
        edition = self.edition if self.edition_id else None
        if edition and self.date and not edition.starts_on <= self.date <= edition.ends_on:
            errors["date"] = _("This day is not one of the edition's days.")
        if errors:
            raise ValidationError(errors)
