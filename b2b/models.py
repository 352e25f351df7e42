"""One-to-one business meetings at the fair: who takes part, who asked whom, and when and at
which table each accepted meeting takes place."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from b2b.choices import (
    MeetingHeld,
    MeetingOutcome,
    ParticipantKind,
    PartnerRole,
    RequestStatus,
    SpokenLanguage,
)
from b2b.vocabulary import TOPICS
from events.choices import ConsentKind
from events.models import Consent
from fairsite.fields import ChoiceArrayField
from fairsite.i18n import LocalizedField, join_list


def participant_secret() -> str:
    return secrets.token_urlsafe(24)


class B2BParticipantQuerySet(models.QuerySet):
    def findable(self):
        """Those who agreed to be found by the other participants and have not withdrawn it.

        The account's choice decides for a participant with an account (everyone who joins
        on the site): withdrawing it there hides them at once, whatever a registration of
        theirs says. A participant the organisers registered without an account is
        findable through the badge holder's registration they are linked to.
        """
        in_force = Consent.objects.filter(kind=ConsentKind.FINDABLE, withdrawn_at=None)
        return self.alias(
            _by_account=Exists(in_force.filter(user=OuterRef("user"))),
            _by_badge=Exists(in_force.filter(attendee=OuterRef("attendee"))),
        ).filter(Q(user__isnull=False, _by_account=True) | Q(user__isnull=True, _by_badge=True))


class B2BParticipant(models.Model):
    """An exhibitor, a delegation member, a buyer or a partner taking part in the meetings."""

    edition = models.ForeignKey(
        "events.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="b2b_participants",
    )
    kind = models.CharField(_("taking part as"), max_length=12, choices=ParticipantKind.choices)
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    offers = models.TextField(_("what we offer"), blank=True)
    seeks = models.TextField(_("what we look for"), blank=True)
    # What can be matched, in the shared vocabulary (b2b.vocabulary and b2b.choices).
    offer_topics = ChoiceArrayField(_("products and services we offer"), choices=TOPICS)
    seek_topics = ChoiceArrayField(_("products and services we look for"), choices=TOPICS)
    roles = ChoiceArrayField(_("we are"), choices=PartnerRole.choices)
    roles_sought = ChoiceArrayField(_("partners we look for"), choices=PartnerRole.choices)
    markets = CountryField(_("markets and countries"), multiple=True, blank=True)
    languages = ChoiceArrayField(_("languages spoken"), choices=SpokenLanguage.choices)
    remote = models.BooleanField(
        _("meets by video"),
        default=False,
        help_text=_("For delegations that cannot travel: their meetings take place by video."),
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"),
        default=0,
        validators=[MaxValueValidator(5)],
        help_text=_(
            "From 0 to 5, set by the organisers: the higher, the more often this participant "
            "is suggested to the others (a delegation member from a partner region, say)."
        ),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="b2b_participations",
    )
    cooperative = models.ForeignKey(
        "exhibitors.Cooperative",
        verbose_name=_("cooperative"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="b2b_participations",
    )
    partner_region = models.ForeignKey(
        "partnerships.PartnerRegion",
        verbose_name=_("delegation of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="b2b_participants",
    )
    attendee = models.ForeignKey(
        "events.Attendee",
        verbose_name=_("badge holder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="b2b_participations",
        help_text=_("The sessions they signed up for are kept free of meetings."),
    )
    speaker = models.ForeignKey(
        "programme.Speaker",
        verbose_name=_("speaker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="b2b_participations",
        help_text=_("The sessions where they speak are kept free of meetings."),
    )
    secret = models.CharField(
        max_length=64, unique=True, default=participant_secret, editable=False
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    objects = B2BParticipantQuerySet.as_manager()

    class Meta:
        db_table = "partnerships_b2bparticipant"  # made in the partnerships app; the rows stay
        verbose_name = _("B2B participant")
        verbose_name_plural = _("B2B participants")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "user"],
                condition=Q(user__isnull=False),
                name="partnerships_participant_once_per_edition",
            )
        ]

    def __str__(self):
        return f"{self.name} · {self.organisation}" if self.organisation else self.name

    def get_markets_display(self) -> str:
        return join_list(country.name for country in self.markets)


class MeetingRequest(models.Model):
    """One participant asks another for a meeting; the other accepts or declines."""

    edition = models.ForeignKey(
        "events.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="b2b_requests",
    )
    requester = models.ForeignKey(
        B2BParticipant,
        verbose_name=_("asked by"),
        on_delete=models.CASCADE,
        related_name="requests_made",
    )
    recipient = models.ForeignKey(
        B2BParticipant,
        verbose_name=_("asked to"),
        on_delete=models.CASCADE,
        related_name="requests_received",
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        db_table = "partnerships_meetingrequest"  # made in the partnerships app; the rows stay
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=F("recipient")),
                name="partnerships_request_not_to_oneself",
            ),
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=Q(status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED]),
                name="partnerships_request_once",
            ),
        ]
        indexes = [models.Index(fields=["edition", "status"], name="partnerships_request_state")]

    def __str__(self):
        return f"{self.requester} → {self.recipient}"


class B2BBlock(models.Model):
    """A stretch of time set aside for meetings, cut into slots, with a number of tables."""

    edition = models.ForeignKey(
        "events.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="b2b_blocks",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    slot_minutes = models.PositiveSmallIntegerField(_("minutes a meeting"), default=20)
    tables = models.PositiveSmallIntegerField(_("tables"), default=10)
    place_ar = models.CharField(_("place (Arabic)"), max_length=150, blank=True)
    place_fr = models.CharField(_("place (French)"), max_length=150, blank=True)
    place_en = models.CharField(_("place (English)"), max_length=150, blank=True)

    place = LocalizedField()

    class Meta:
        db_table = "partnerships_b2bblock"  # made in the partnerships app; the rows stay
        verbose_name = _("meeting block")
        verbose_name_plural = _("meeting blocks")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="partnerships_block_ends_after_start",
                violation_error_message=_("A block must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(slot_minutes__gte=5) & Q(tables__gte=1),
                name="partnerships_block_slots_and_tables",
                violation_error_message=_(
                    "Meetings last five minutes or more, at one table or more."
                ),
            ),
        ]

    def __str__(self):
        starts, ends = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return f"{starts:%Y-%m-%d %H:%M}–{ends:%H:%M}"

    def clean(self):
        # One person is in one meeting at a time slot by slot: blocks must not overlap.
        if self.edition_id and self.starts_at and self.ends_at:
            overlapping = B2BBlock.objects.filter(
                edition_id=self.edition_id,
                starts_at__lt=self.ends_at,
                ends_at__gt=self.starts_at,
            ).exclude(pk=self.pk)
            if overlapping.exists():
                raise ValidationError(
                    _("This block overlaps %(block)s: blocks of one edition follow each other.")
                    % {"block": overlapping.first()}
                )


class B2BMeeting(models.Model):
    """An accepted request's slot and table."""

    request = models.OneToOneField(
        MeetingRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="meeting",
    )
    block = models.ForeignKey(
        B2BBlock, verbose_name=_("block"), on_delete=models.CASCADE, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    table = models.PositiveSmallIntegerField(_("table"))
    confirmed = models.BooleanField(
        _("confirmed"),
        default=False,
        help_text=_("A confirmed meeting stays where it is when the meetings are placed again."),
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    video_url = models.URLField(
        _("video link"),
        blank=True,
        max_length=500,
        help_text=_("For a side that cannot travel: the address of the video call (https)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "partnerships_b2bmeeting"  # made in the partnerships app; the rows stay
        verbose_name = _("B2B meeting")
        verbose_name_plural = _("B2B meetings")
        ordering = ["starts_at", "table"]
        constraints = [
            # A cancelled meeting stays on record (calendars are told), its table freed.
            models.UniqueConstraint(
                fields=["block", "starts_at", "table"],
                condition=Q(cancelled_at__isnull=True),
                name="partnerships_one_meeting_a_table",
            )
        ]

    def __str__(self):
        return (
            f"{self.request} · {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M} · {self.table}"
        )

    @property
    def is_cancelled(self) -> bool:
        """Called off, or set aside until it is placed again."""
        return self.cancelled_at is not None


class B2BSeat(models.Model):
    """A participant's place at a meeting: one per participant and slot, which the database
    guarantees (nobody is in two meetings at once)."""

    meeting = models.ForeignKey(B2BMeeting, on_delete=models.CASCADE, related_name="seats")
    participant = models.ForeignKey(B2BParticipant, on_delete=models.CASCADE, related_name="seats")
    starts_at = models.DateTimeField()

    class Meta:
        db_table = "partnerships_b2bseat"  # made in the partnerships app; the rows stay
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "starts_at"], name="partnerships_one_meeting_at_a_time"
            )
        ]

    def __str__(self):
        return f"{self.participant} · {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"


class B2BUnavailability(models.Model):
    """A stretch of the meeting blocks that a participant cannot make: no request is placed
    there, by an acceptance or by the organisers' run."""

    participant = models.ForeignKey(
        B2BParticipant, on_delete=models.CASCADE, related_name="unavailabilities"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        verbose_name = _("unavailability")
        verbose_name_plural = _("unavailabilities")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="b2b_unavailability_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["participant", "starts_at"], name="b2b_unavailability_once"
            ),
        ]

    def __str__(self):
        starts, ends = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return f"{self.participant} · {starts:%Y-%m-%d %H:%M}–{ends:%H:%M}"


class B2BRegionPriority(models.Model):
    """How much the organisers want an edition's participants to meet a partner region's
    delegation: its members are suggested the more, the higher the weight."""

    edition = models.ForeignKey(
        "events.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="b2b_region_priorities",
    )
    partner_region = models.ForeignKey(
        "partnerships.PartnerRegion",
        verbose_name=_("partner region"),
        on_delete=models.CASCADE,
        related_name="b2b_priorities",
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=2, validators=[MaxValueValidator(5)], help_text=_("From 0 to 5.")
    )

    class Meta:
        verbose_name = _("partner region priority")
        verbose_name_plural = _("partner region priorities")
        ordering = ["-weight"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "partner_region"], name="b2b_region_priority_once"
            )
        ]

    def __str__(self):
        return f"{self.partner_region} · {self.weight}"


class B2BSuggestion(models.Model):
    """Someone a participant is suggested to meet, with the score and the reasons, computed
    for the whole edition at once (b2b.services.suggestions), read by the pages."""

    participant = models.ForeignKey(
        B2BParticipant, on_delete=models.CASCADE, related_name="suggestions"
    )
    other = models.ForeignKey(B2BParticipant, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.PositiveIntegerField()
    # [[reason code, value], ...]: put in words in the reader's language when shown.
    reasons = models.JSONField(default=list)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["participant", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "other"], name="b2b_suggestion_once"),
        ]
        indexes = [models.Index(fields=["participant", "rank"], name="b2b_suggestion_rank")]

    def __str__(self):
        return f"{self.participant} → {self.other}"


class MeetingFeedback(models.Model):
    """What one side of a meeting says of it afterwards: whether it took place and what came
    of it. Private to the two sides and the partnerships officers."""

    meeting = models.ForeignKey(
        B2BMeeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="feedback"
    )
    participant = models.ForeignKey(
        B2BParticipant,
        verbose_name=_("said by"),
        on_delete=models.CASCADE,
        related_name="meeting_feedback",
    )
    held = models.CharField(_("did it take place?"), max_length=16, choices=MeetingHeld.choices)
    outcome = models.CharField(
        _("what came of it"),
        max_length=16,
        choices=MeetingOutcome.choices,
        default=MeetingOutcome.NONE,
    )
    amount = models.DecimalField(
        _("amount (MAD)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Optional: the value of the order or agreement, in dirhams."),
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)
    commitment = models.ForeignKey(
        "partnerships.Commitment",
        verbose_name=_("commitment made of it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="b2b_outcomes",
    )
    agreement = models.ForeignKey(
        "partnerships.Agreement",
        verbose_name=_("agreement started from it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="b2b_outcomes",
    )
    created_at = models.DateTimeField(_("said at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("meeting outcome")
        verbose_name_plural = _("meeting outcomes")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="b2b_feedback_once_a_side"
            ),
        ]

    def __str__(self):
        return f"{self.meeting} · {self.participant}"
