from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import AttendeeCategory, BadgeStatus, HowHeard, RegisteredVia
from fairsite.uploads import private_storage


class Attendee(models.Model):
    """A person with a badge for one edition: visitor, stand staff, speaker, delegate..."""

    wagtail_reference_index_ignore = True  # operational rows: see CheckIn

    edition = models.ForeignKey(
        "events.Edition",
        verbose_name=_("edition"),
        on_delete=models.PROTECT,
        related_name="attendees",
    )
    full_name = models.CharField(
        _("full name"), max_length=150, blank=True, help_text=_("As the person writes it.")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=24, choices=AttendeeCategory.choices)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("mobile number"),
        max_length=20,
        blank=True,
        help_text=_("In international form (+212…), for those who use a phone rather than e-mail."),
    )
    how_heard = models.CharField(
        _("how they heard of the fair"), max_length=24, choices=HowHeard.choices, blank=True
    )
    registered_via = models.CharField(
        _("registered"),
        max_length=16,
        choices=RegisteredVia.choices,
        default=RegisteredVia.ONLINE,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attendances",
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["full_name"]
        constraints = [
            # Registering twice as a visitor with one address gives back the same badge.
            models.UniqueConstraint(
                "edition",
                Lower("email"),
                condition=Q(category=AttendeeCategory.VISITOR) & ~Q(email=""),
                name="events_attendee_one_visitor_per_email",
            ),
            # ...and with one mobile number, for those who register without e-mail.
            models.UniqueConstraint(
                "edition",
                "phone",
                condition=Q(category=AttendeeCategory.VISITOR) & ~Q(phone=""),
                name="events_attendee_one_visitor_per_phone",
            ),
        ]

    def __str__(self):
        return self.full_name or str(_("Badge without a name"))


class BadgeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=BadgeStatus.ACTIVE)

    def inside_now(self, edition):
        """The edition's badges inside now: entered today, on the fair's clock, and not out
        since. Nobody stays in overnight (the check-in service's rule for one badge)."""
        return self.filter(edition=edition, inside=True, last_entry_at__gte=edition.today_start())


class Badge(models.Model):
    """A signed code for one attendee. A reissued badge revokes the one it replaces."""

    wagtail_reference_index_ignore = True  # operational rows: see CheckIn

    attendee = models.ForeignKey(
        Attendee, verbose_name=_("attendee"), on_delete=models.PROTECT, related_name="badges"
    )
    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.PROTECT, related_name="badges"
    )
    category = models.CharField(_("category"), max_length=24, choices=AttendeeCategory.choices)
    code = models.CharField(_("code"), max_length=200, unique=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=BadgeStatus.choices, default=BadgeStatus.ACTIVE
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    printed_at = models.DateTimeField(_("printed at"), null=True, blank=True)
    # Where the badge's holder is now, kept on the row that a scan locks, so that a scan
    # reads and writes one row instead of searching the check-in log.
    inside = models.BooleanField(_("inside"), default=False)
    last_entry_at = models.DateTimeField(_("last entry"), null=True, blank=True)
    last_entry_gate = models.ForeignKey(
        "events.Gate", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = BadgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["-issued_at"]
        indexes = [
            models.Index(
                fields=["edition", "status", "revoked_at"], name="events_badge_revocations"
            )
        ]

    def __str__(self):
        return f"{self.attendee} · {self.get_category_display()}"


class BadgePrintJob(models.Model):
    """A batch of badges rendered to one PDF by a worker, with its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Rendering")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    wagtail_reference_index_ignore = True  # operational rows: see CheckIn

    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.CASCADE
    )
    category = models.CharField(
        _("category"), max_length=24, choices=AttendeeCategory.choices, blank=True
    )
    badge_ids = models.JSONField(_("badges"), default=list)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveIntegerField(_("rendered"), default=0)
    # The numbers of the parts rendered so far; each part is rendered by whichever worker
    # takes it, and the last one to finish has the parts joined.
    parts_done = models.JSONField(default=list, editable=False)
    file = models.FileField(_("file"), storage=private_storage, upload_to="print-jobs/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("badge printing")
        verbose_name_plural = _("badge printings")
        ordering = ["-created_at"]

    def __str__(self):
        created = timezone.localtime(self.created_at)
        # Outside the f-string: makemessages does not read inside one.
        category = self.get_category_display() or _("All badges")
        return f"{category} · {created:%Y-%m-%d %H:%M}"

    @property
    def total(self) -> int:
        return len(self.badge_ids)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100
