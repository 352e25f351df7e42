"""What people who attended say: the marks and comments they give the sessions they came to
or signed up for, the visitors' and the exhibitors' surveys after the fair, and the record of
the e-mails that invited them.

The marks and figures are counted by the observatory and stay when their author is erased;
the comments are the author's words and go (feedback/personal_data.py).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.choices import HowHeard
from feedback.choices import ComeAgain, InvitationKind, Score


class SessionRating(models.Model):
    """One person's mark (1 to 5) and comment on one session, once; they may change it."""

    wagtail_reference_index_ignore = True

    session = models.ForeignKey(
        "programme.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    attendee = models.ForeignKey(
        "events.Attendee",
        verbose_name=_("attendee"),
        on_delete=models.CASCADE,
        related_name="session_ratings",
    )
    score = models.PositiveSmallIntegerField(
        _("mark"),
        choices=Score.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("given at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("session rating")
        verbose_name_plural = _("session ratings")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "attendee"], name="feedback_rating_once_per_session"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="feedback_rating_score_1_to_5"
            ),
        ]

    def __str__(self):
        # No name: the admin's history keeps this label.
        return f"{self.session} · {self.score}/5"


class VisitorSurvey(models.Model):
    """A visitor's answers to the survey after the fair, one per registration (an attendee
    belongs to one edition); they may change them while the survey is open."""

    wagtail_reference_index_ignore = True

    attendee = models.OneToOneField(
        "events.Attendee",
        verbose_name=_("attendee"),
        on_delete=models.CASCADE,
        related_name="visitor_survey",
    )
    edition = models.ForeignKey(
        "events.Edition",
        verbose_name=_("edition"),
        on_delete=models.PROTECT,
        related_name="visitor_surveys",
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"),
        choices=Score.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    come_again = models.CharField(_("would come again"), max_length=8, choices=ComeAgain.choices)
    how_heard = models.CharField(
        _("how they heard of the fair"), max_length=24, choices=HowHeard.choices, blank=True
    )
    liked = models.TextField(_("what they liked"), max_length=2000, blank=True)
    improve = models.TextField(_("what to improve"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("visitor survey")
        verbose_name_plural = _("visitor surveys")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction__gte=1, satisfaction__lte=5),
                name="feedback_visitor_satisfaction_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.edition} · {self.satisfaction}/5"


class ExhibitorSurvey(models.Model):
    """An exhibitor's answers after the fair, one per confirmed application, given by one of
    the cooperative's managers; any of them may change them while the survey is open."""

    wagtail_reference_index_ignore = True

    application = models.OneToOneField(
        "exhibitors.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="exhibitor_survey",
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction"),
        choices=Score.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    sales = models.PositiveIntegerField(
        _("sales at the fair (MAD)"),
        null=True,
        blank=True,
        help_text=_("What you sold at the fair, in dirhams. Internal: never published alone."),
    )
    contacts = models.PositiveIntegerField(
        _("contacts made"),
        null=True,
        blank=True,
        help_text=_("Buyers, partners and suppliers you met and will follow up."),
    )
    come_again = models.CharField(_("would come again"), max_length=8, choices=ComeAgain.choices)
    comments = models.TextField(_("comments"), max_length=3000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("exhibitor survey")
        verbose_name_plural = _("exhibitor surveys")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction__gte=1, satisfaction__lte=5),
                name="feedback_exhibitor_satisfaction_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.application} · {self.satisfaction}/5"


class Invitation(models.Model):
    """An e-mail asking for feedback, made before it is sent so that it is sent once: the
    sessions of one fair day to one attendee, the visitors' survey to one attendee, the
    exhibitors' survey to one application's managers."""

    kind = models.CharField(_("kind"), max_length=12, choices=InvitationKind.choices)
    attendee = models.ForeignKey(
        "events.Attendee", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    application = models.ForeignKey(
        "exhibitors.Application", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("day"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("feedback invitation")
        verbose_name_plural = _("feedback invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "attendee", "day"],
                condition=Q(kind=InvitationKind.SESSIONS),
                name="feedback_invitation_sessions_once_a_day",
            ),
            models.UniqueConstraint(
                fields=["kind", "attendee"],
                condition=Q(kind=InvitationKind.VISITOR),
                name="feedback_invitation_visitor_once",
            ),
            models.UniqueConstraint(
                fields=["kind", "application"],
                condition=Q(kind=InvitationKind.EXHIBITOR),
                name="feedback_invitation_exhibitor_once",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.day or ''}"
