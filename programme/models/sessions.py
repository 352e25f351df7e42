"""The programme: rooms, tracks, speakers and sessions, the people signed up for sessions,
the public list of changes, and visitors' personal agendas."""

import datetime
import secrets
import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from fairsite.i18n import LocalizedField
from programme.choices import SessionStatus, SessionType, SignupStatus, SpokenLanguage


class Room(ClusterableModel):
    """A room of a venue where sessions are held."""

    venue = models.ForeignKey(
        "events.Venue", verbose_name=_("venue"), on_delete=models.PROTECT, related_name="rooms"
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), help_text=_("Seats in the room."))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Rooms are shown in this order, smallest first.")
    )

    name = LocalizedField()

    class Meta:
        db_table = "events_room"  # made in the events app; the rows stay where they are
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["order", "name_fr"]

    def __str__(self):
        return self.name


class RoomAvailability(models.Model):
    """A window when a room may be used. A room without windows is free on every day of
    the edition."""

    room = ParentalKey(Room, on_delete=models.CASCADE, related_name="availability")
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))

    class Meta:
        db_table = "events_roomavailability"  # made in the events app; the rows stay where they are
        verbose_name = _("availability window")
        verbose_name_plural = _("availability windows")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="events_roomavailability_ends_after_start",
                violation_error_message=_("A window must end after it starts."),
            )
        ]

    def __str__(self):
        starts, ends = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return f"{self.room} · {starts:%Y-%m-%d %H:%M} – {ends:%H:%M}"


class Track(models.Model):
    """A thread of the programme (collective entrepreneurship, export, ...), with its colour."""

    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="tracks"
    )
    slug = models.SlugField(_("slug"), help_text=_("In the track's calendar address."))
    name_ar = models.CharField(_("name (Arabic)"), max_length=150)
    name_fr = models.CharField(_("name (French)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#1b5e20",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour like #1b5e20."))],
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    name = LocalizedField()

    class Meta:
        db_table = "events_track"  # made in the events app; the rows stay where they are
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["order", "name_fr"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="events_track_unique_slug")
        ]

    def __str__(self):
        return self.name


class Speaker(models.Model):
    """Someone who speaks at sessions. The name is kept as they write it, in Arabic script,
    Latin script or both."""

    name_ar = models.CharField(_("name in Arabic script"), max_length=150, blank=True)
    name_latin = models.CharField(_("name in Latin script"), max_length=150, blank=True)
    organisation_ar = models.CharField(_("organisation (Arabic)"), max_length=200, blank=True)
    organisation_fr = models.CharField(_("organisation (French)"), max_length=200, blank=True)
    organisation_en = models.CharField(_("organisation (English)"), max_length=200, blank=True)
    country_ar = models.CharField(_("country (Arabic)"), max_length=100, blank=True)
    country_fr = models.CharField(_("country (French)"), max_length=100, blank=True)
    country_en = models.CharField(_("country (English)"), max_length=100, blank=True)
    bio_ar = models.TextField(_("biography (Arabic)"), blank=True)
    bio_fr = models.TextField(_("biography (French)"), blank=True)
    bio_en = models.TextField(_("biography (English)"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)

    organisation = LocalizedField()
    country = LocalizedField()
    bio = LocalizedField()

    class Meta:
        db_table = "events_speaker"  # made in the events app; the rows stay where they are
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name_latin", "name_ar"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_ar="") | ~Q(name_latin=""),
                name="events_speaker_has_a_name",
                violation_error_message=_("Give the speaker's name in at least one script."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the script of the page's language when there is one."""
        if (get_language() or "ar").startswith("ar"):
            return self.name_ar or self.name_latin
        return self.name_latin or self.name_ar

    def get_languages_display(self) -> list[str]:
        labels = dict(SpokenLanguage.choices)
        return [str(labels.get(code, code)) for code in self.languages]


class SessionQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published sessions and the cancelled ones (shown as such)."""
        return self.filter(status__in=[SessionStatus.PUBLISHED, SessionStatus.CANCELLED])

    def overlapping(self, starts_at, ends_at):
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class Session(models.Model):
    """A talk, panel, workshop, ceremony or meeting in a room at a given time.

    `uid` names the session in every calendar forever; `sequence` counts the changes
    published since it was first published, as calendar apps expect.
    """

    edition = models.ForeignKey(
        "events.Edition",
        verbose_name=_("edition"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title_ar = models.CharField(_("title (Arabic)"), max_length=250)
    title_fr = models.CharField(_("title (French)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    type = models.CharField(
        _("type"), max_length=24, choices=SessionType.choices, default=SessionType.TALK
    )
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    language = models.CharField(
        _("language spoken"),
        max_length=8,
        choices=SpokenLanguage.choices,
        default=SpokenLanguage.ARABIC,
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    speakers = models.ManyToManyField(
        Speaker, verbose_name=_("speakers"), blank=True, related_name="sessions"
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for the room's capacity."),
    )
    signup_required = models.BooleanField(
        _("sign-up required"),
        default=False,
        help_text=_("Visitors sign up for a place; when it is full they join a waiting list."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.DRAFT
    )
    release_after_minutes = models.PositiveSmallIntegerField(
        _("places kept for (minutes)"),
        null=True,
        blank=True,
        default=10,
        help_text=_(
            "So many minutes after the start, the places of people signed up who have not come "
            "go to the waiting list, then to others at the door. Leave empty to keep them until "
            "the end."
        ),
    )
    no_shows_released_at = models.DateTimeField(
        _("places of absentees released at"), null=True, blank=True, editable=False
    )
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)

    title = LocalizedField()
    description = LocalizedField()

    objects = SessionQuerySet.as_manager()

    class Meta:
        db_table = "events_session"  # made in the events app; the rows stay where they are
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "room__order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="events_session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            )
        ]
        indexes = [
            models.Index(
                fields=["edition", "status", "starts_at"], name="events_session_programme"
            ),
            models.Index(fields=["room", "starts_at"], name="events_session_room_time"),
        ]

    def __str__(self):
        return self.title

    @property
    def places(self) -> int | None:
        """Seats for sign-ups: the session's own number, else the room's."""
        if self.capacity is not None:
            return self.capacity
        return self.room.capacity if self.room_id else None

    @property
    def is_cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED

    @property
    def release_at(self) -> datetime.datetime | None:
        """When the places of those signed up who have not come are released; None: never."""
        if self.release_after_minutes is None:
            return None
        return self.starts_at + datetime.timedelta(minutes=self.release_after_minutes)


class SessionChange(models.Model):
    """A change to a published session, for the public "what changed" list and the
    e-mails to the people signed up."""

    class Kind(models.TextChoices):
        MOVED = "moved", _("New time or room")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(_("change"), max_length=12, choices=Kind.choices)
    sequence = models.PositiveIntegerField(_("revision"))
    previous_starts_at = models.DateTimeField(_("was at"))
    previous_room = models.ForeignKey(
        Room,
        verbose_name=_("was in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    notified_at = models.DateTimeField(_("people told at"), null=True, blank=True)

    class Meta:
        db_table = "events_sessionchange"  # made in the events app; the rows stay where they are
        verbose_name = _("programme change")
        verbose_name_plural = _("programme changes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "sequence"], name="events_sessionchange_one_per_revision"
            )
        ]

    def __str__(self):
        return f"{self.session} · {self.get_kind_display()}"


class SessionSignup(models.Model):
    """A person's place at a session, or their turn on its waiting list."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="signups"
    )
    attendee = models.ForeignKey(
        "events.Attendee",
        verbose_name=_("attendee"),
        on_delete=models.CASCADE,
        related_name="session_signups",
    )
    status = models.CharField(_("status"), max_length=12, choices=SignupStatus.choices)
    # Set with the status "cancelled" when the person had not come when the session's places
    # were released: their place went to someone else.
    released_at = models.DateTimeField(_("place released at"), null=True, blank=True)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        db_table = "events_sessionsignup"  # made in the events app; the rows stay where they are
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "attendee"],
                condition=~Q(status=SignupStatus.CANCELLED),
                name="events_sessionsignup_once",
            )
        ]
        indexes = [
            models.Index(fields=["session", "status", "created_at"], name="events_signup_queue")
        ]

    def __str__(self):
        return f"{self.attendee} · {self.session} · {self.get_status_display()}"


def agenda_secret() -> str:
    return secrets.token_urlsafe(24)


class Agenda(models.Model):
    """A visitor's starred sessions, and the secret address of their calendar feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="agenda",
    )
    secret = models.CharField(max_length=64, unique=True, default=agenda_secret, editable=False)
    sessions = models.ManyToManyField(Session, blank=True, related_name="agendas")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "events_agenda"  # made in the events app; the rows stay where they are
        verbose_name = pgettext_lazy("a visitor's own", "agenda")
        verbose_name_plural = pgettext_lazy("a visitor's own", "agendas")

    def __str__(self):
        return str(self.user)
