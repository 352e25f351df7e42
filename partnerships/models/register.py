"""The register of the region's partnerships: partner regions, agreements, the commitments
made under them, and partnership meetings with their decisions."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from fairsite.i18n import LocalizedField
from fairsite.uploads import FileContentValidator, RandomName, private_storage
from partnerships.choices import (
    AgreementStatus,
    AgreementType,
    CommitmentStatus,
    Continent,
    Renewal,
)

SIGNED_DOCUMENTS = FileContentValidator(kinds=("pdf",))
EVIDENCE = FileContentValidator(kinds=("pdf", "jpeg", "png"))


class PartnerRegion(models.Model):
    """A region (or another body) the Oriental has a decentralised cooperation with."""

    slug = models.SlugField(_("slug"), unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=150)
    name_fr = models.CharField(_("name (French)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    country_ar = models.CharField(_("country (Arabic)"), max_length=100)
    country_fr = models.CharField(_("country (French)"), max_length=100)
    country_en = models.CharField(_("country (English)"), max_length=100, blank=True)
    country_code = models.CharField(
        _("country code"), max_length=2, help_text=_("Two letters, as in ISO 3166: SN, FR…")
    )
    continent = models.CharField(_("continent"), max_length=12, choices=Continent.choices)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_public = models.BooleanField(
        _("shown to the public"),
        default=True,
        help_text=_("Untick while the partnership is confidential: the region stays off the map."),
    )
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Made up for a demonstration: marked as such wherever it is shown."),
    )

    name = LocalizedField()
    country = LocalizedField()
    description = LocalizedField()

    class Meta:
        verbose_name = _("partner region")
        verbose_name_plural = _("partner regions")
        ordering = ["name_fr"]

    def __str__(self):
        return self.name


class Agreement(models.Model):
    """A signed (or to be signed) agreement between the Oriental and its partners.

    `status` follows from the dates and the officers' actions; it is kept on the row so
    that lists can filter on it, and refreshed every day (`partnerships.refresh_statuses`).
    """

    reference = models.CharField(_("reference"), max_length=50, unique=True)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300)
    title_fr = models.CharField(_("title (French)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    type = models.CharField(_("type"), max_length=16, choices=AgreementType.choices)
    partner_regions = models.ManyToManyField(
        PartnerRegion, verbose_name=_("partner regions"), related_name="agreements"
    )
    other_parties_ar = models.TextField(
        _("other parties (Arabic)"),
        blank=True,
        help_text=_("Institutions that signed besides the regions, one a line."),
    )
    other_parties_fr = models.TextField(_("other parties (French)"), blank=True)
    other_parties_en = models.TextField(_("other parties (English)"), blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_at_ar = models.CharField(_("signed at (Arabic)"), max_length=150, blank=True)
    signed_at_fr = models.CharField(_("signed at (French)"), max_length=150, blank=True)
    signed_at_en = models.CharField(_("signed at (English)"), max_length=150, blank=True)
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), null=True, blank=True
    )
    expires_on = models.DateField(
        _("expires on"), null=True, blank=True, help_text=_("Or give a duration instead.")
    )
    renewal = models.CharField(
        _("renewal"), max_length=10, choices=Renewal.choices, default=Renewal.EXPLICIT
    )
    notice_months = models.PositiveSmallIntegerField(
        _("notice (months)"),
        default=3,
        help_text=_("How long before the end a party must say it will not renew."),
    )
    domains = models.JSONField(_("domains"), default=list, blank=True)
    summary_ar = models.TextField(_("summary (Arabic)"), blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    budget = models.DecimalField(
        _("budget (MAD)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    funded_by_ar = models.CharField(_("funded by (Arabic)"), max_length=300, blank=True)
    funded_by_fr = models.CharField(_("funded by (French)"), max_length=300, blank=True)
    funded_by_en = models.CharField(_("funded by (English)"), max_length=300, blank=True)
    budget_is_public = models.BooleanField(_("budget shown to the public"), default=False)
    document = models.FileField(
        _("signed document"),
        storage=private_storage,
        upload_to=RandomName("agreements"),
        validators=[SIGNED_DOCUMENTS],
        blank=True,
        help_text=_("The signed PDF. Never shown to the public."),
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Shown on the public partnerships pages.")
    )
    renews = models.OneToOneField(
        "self",
        verbose_name=_("renews"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewed_by",
    )
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    internal_notes = models.TextField(_("internal notes"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AgreementStatus.choices,
        default=AgreementStatus.DRAFT,
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    title = LocalizedField()
    summary = LocalizedField()
    signed_at = LocalizedField()
    other_parties = LocalizedField()
    funded_by = LocalizedField()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-signed_on", "reference"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | Q(effective_from__isnull=True)
                | Q(expires_on__gt=F("effective_from")),
                name="partnerships_agreement_expires_after_start",
                violation_error_message=_("An agreement must expire after it comes into force."),
            )
        ]
        indexes = [models.Index(fields=["status"], name="partnerships_agreement_status")]

    def __str__(self):
        return f"{self.reference} · {self.title}"


class Commitment(models.Model):
    """Something a party undertook under an agreement, with who answers for it and when."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    description = models.TextField(_("what"))
    responsible_region = models.CharField(
        _("responsible on the Oriental's side"), max_length=200, blank=True
    )
    responsible_partner = models.CharField(
        _("responsible on the partner's side"), max_length=200, blank=True
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.PLANNED,
    )
    evidence = models.FileField(
        _("evidence"),
        storage=private_storage,
        upload_to=RandomName("commitments"),
        validators=[EVIDENCE],
        blank=True,
    )
    evidence_note = models.TextField(_("evidence note"), blank=True)
    decision = models.ForeignKey(
        "partnerships.Decision",
        verbose_name=_("decided at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commitments",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"], name="partnerships_commitment_due")]

    def __str__(self):
        return self.description[:80]

    def is_overdue(self, today: datetime.date) -> bool:
        open_ = self.status in (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)
        return open_ and self.due_on is not None and self.due_on < today


class PartnershipMeeting(ClusterableModel):
    """A meeting with partner delegations, at the fair or elsewhere."""

    title_ar = models.CharField(_("title (Arabic)"), max_length=300)
    title_fr = models.CharField(_("title (French)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place_ar = models.CharField(_("place (Arabic)"), max_length=200, blank=True)
    place_fr = models.CharField(_("place (French)"), max_length=200, blank=True)
    place_en = models.CharField(_("place (English)"), max_length=200, blank=True)
    session = models.OneToOneField(
        "programme.Session",
        verbose_name=_("programme session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnership_meeting",
        help_text=_("When the meeting is a session of the fair's programme."),
    )
    agreements = models.ManyToManyField(
        Agreement, verbose_name=_("agreements concerned"), blank=True, related_name="meetings"
    )
    delegations = models.ManyToManyField(
        PartnerRegion, verbose_name=_("partner delegations"), blank=True, related_name="meetings"
    )
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Shown on the partner region's public page.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    title = LocalizedField()
    place = LocalizedField()

    class Meta:
        verbose_name = _("partnership meeting")
        verbose_name_plural = _("partnership meetings")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title


class MeetingParticipant(models.Model):
    """Someone at a partnership meeting; members of a delegation get a badge for the fair."""

    meeting = ParentalKey(
        PartnershipMeeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    full_name = models.CharField(_("full name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=150, blank=True)
    partner_region = models.ForeignKey(
        PartnerRegion,
        verbose_name=_("delegation of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for the Oriental's own participants."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    attendee = models.ForeignKey(
        "events.Attendee",
        verbose_name=_("badge holder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.full_name


class Decision(models.Model):
    """A decision taken at a meeting; it can give rise to commitments."""

    meeting = ParentalKey(
        PartnershipMeeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    text = models.TextField(_("decision"))
    order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text[:80]


class ReminderDigest(models.Model):
    """The reminders sent to one officer on one day: at most one digest a day each."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    items = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="partnerships_one_digest_a_day")
        ]

    def __str__(self):
        return f"{self.user} · {self.day}"
