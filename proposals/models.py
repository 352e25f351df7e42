"""Calls for proposals, the sessions proposed to them, their speakers and their reviews."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from fairsite.i18n import LocalizedField
from programme.choices import SessionType, SpokenLanguage
from proposals.choices import Duration, ProposalStatus


def default_kinds() -> list[str]:
    return [SessionType.TALK, SessionType.PANEL, SessionType.WORKSHOP]


class CallQuerySet(models.QuerySet):
    def open_at(self, at=None):
        at = at or timezone.now()
        return self.filter(opens_at__lte=at, closes_at__gt=at)


class CallForProposals(ClusterableModel):
    """An edition's call: when it takes proposals, what for, the questions it asks and how
    its proposals are reviewed."""

    edition = models.OneToOneField(
        "events.Edition",
        verbose_name=_("edition"),
        on_delete=models.PROTECT,
        related_name="call_for_proposals",
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    intro_ar = models.TextField(_("introduction (Arabic)"))
    intro_fr = models.TextField(_("introduction (French)"))
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    kinds = models.JSONField(
        _("kinds of session"),
        default=default_kinds,
        help_text=_("The kinds of session people may propose."),
    )
    anonymous_reviews = models.BooleanField(
        _("anonymous reviews"),
        default=True,
        help_text=_("Reviewers do not see who proposed a session, nor its speakers' names."),
    )
    reviews_required = models.PositiveSmallIntegerField(
        _("reviews needed"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("A proposal is decided on once it has this many reviews."),
    )
    score_max = models.PositiveSmallIntegerField(
        _("highest score"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(10)],
        help_text=_("Reviewers score from 1 to this number."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    intro = LocalizedField()

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="proposals_call_closes_after_opening",
                violation_error_message=_("The call must close after it opens."),
            )
        ]

    def __str__(self):
        return str(self.edition)

    def get_kinds_display(self) -> list[str]:
        labels = dict(SessionType.choices)
        return [str(labels.get(code, code)) for code in self.kinds]

    def clean(self):
        known = set(SessionType.values)
        if not self.kinds or not isinstance(self.kinds, list) or set(self.kinds) - known:
            raise ValidationError({"kinds": _("Choose at least one kind of session.")})

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at < self.closes_at

    def kind_choices(self) -> list[tuple[str, str]]:
        return [(value, label) for value, label in SessionType.choices if value in self.kinds]


class CallQuestion(Orderable):
    """A question the call asks of every proposal, in the order the organisers set."""

    call = ParentalKey(CallForProposals, on_delete=models.CASCADE, related_name="questions")
    text_ar = models.CharField(_("question (Arabic)"), max_length=300)
    text_fr = models.CharField(_("question (French)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    required = models.BooleanField(_("answer required"), default=False)

    text = LocalizedField()

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text


class ProposalQuerySet(models.QuerySet):
    def of_user(self, user):
        return self.filter(submitter=user) if user.is_authenticated else self.none()


class Proposal(models.Model):
    """A session someone proposes to a call. Its state changes only through
    proposals.services; once accepted it points to the programme's session made from it."""

    call = models.ForeignKey(
        CallForProposals,
        verbose_name=_("call"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    title = models.CharField(_("title"), max_length=250)
    abstract = models.TextField(_("abstract"))
    kind = models.CharField(_("kind of session"), max_length=24, choices=SessionType.choices)
    language = models.CharField(_("language spoken"), max_length=8, choices=SpokenLanguage.choices)
    written_in = models.CharField(
        _("written in"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("The language of the title and abstract."),
    )
    duration = models.PositiveSmallIntegerField(
        _("duration"), choices=Duration.choices, default=Duration.MIN_60
    )
    track = models.ForeignKey(
        "programme.Track",
        verbose_name=_("track"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    session = models.OneToOneField(
        "programme.Session",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        permissions = [("review_proposal", _("Can review proposals"))]
        indexes = [models.Index(fields=["call", "status"], name="proposals_call_status")]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status == ProposalStatus.DRAFT


class ProposalAnswer(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(CallQuestion, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["question__sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "question"], name="proposals_answer_once")
        ]

    def __str__(self):
        return f"{self.question} · {self.proposal}"


def token_hash(token: str) -> str:
    """What is kept of an invitation's link token: its SHA-256, so the table alone opens no
    invitation."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitedSpeaker(models.Model):
    """Someone a proposer asked to speak, reached by e-mail or text message. Their link lets
    them confirm and keep their speaker profile up to date."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="speakers"
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("mobile number"), max_length=20, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="ar"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    speaker = models.ForeignKey(
        "programme.Speaker",
        verbose_name=_("speaker profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speaker_invitations",
    )

    class Meta:
        verbose_name = _("invited speaker")
        verbose_name_plural = _("invited speakers")
        ordering = ["invited_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""),
                name="proposals_speaker_reachable",
                violation_error_message=_("Give an e-mail address or a mobile number."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Review(models.Model):
    """One reviewer's score and comment on one proposal."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="proposal_reviews",
    )
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "reviewer"], name="proposals_review_once"),
            models.CheckConstraint(condition=Q(score__gte=1), name="proposals_review_score"),
        ]

    def __str__(self):
        return f"{self.proposal} · {self.score}"
