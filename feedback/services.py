"""Saving what people say, and inviting them to say it.

Each answer is given once and may be changed while its window is open: a session from its end,
the surveys from the fair's last day, all until `survey_weeks()` weeks after the fair
(feedback.selectors). Outside it, or for a session the person neither came into nor signed up
for, nothing is saved and a FeedbackError says why.
"""

import datetime
import zoneinfo

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from events.choices import AttendeeCategory, BadgeStatus
from events.models import Attendee, Badge, Edition
from events.services.badge_links import badge_link_token
from exhibitors.choices import ApplicationStatus
from exhibitors.models import Application
from fairsite.audit import audit_log
from fairsite.errors import FairError
from fairsite.services.mail import email_render_and_queue
from fairsite.services.site import public_url
from feedback.choices import InvitationKind
from feedback.models import ExhibitorSurvey, Invitation, SessionRating, VisitorSurvey
from feedback.selectors import (
    may_rate,
    survey_closes_at,
    survey_is_open,
    survey_opens_at,
)
from programme.choices import SessionStatus, SignupStatus
from programme.models import Session, SessionAttendance, SessionSignup

RATING_GIVEN_ACTION = "feedback.rating.given"
RATING_CHANGED_ACTION = "feedback.rating.changed"
VISITOR_SURVEY_ACTION = "feedback.visitor_survey.answered"
EXHIBITOR_SURVEY_ACTION = "feedback.exhibitor_survey.answered"


class FeedbackError(FairError):
    """Nothing was saved; `code` names why, the message says it in the reader's language."""

    code = "feedback"
    default_message = gettext_lazy("Your answer could not be saved.")


class NotEligible(FeedbackError):
    code = "not_eligible"
    default_message = gettext_lazy(
        "Only those who came to this session or signed up for it rate it."
    )


class NotYetOpen(FeedbackError):
    code = "not_yet_open"
    default_message = gettext_lazy("Not yet: you can answer once it is over.")


class Closed(FeedbackError):
    code = "closed"
    default_message = gettext_lazy("The time for answers is over.")


def _check_window(opens_at: datetime.datetime, closes_at: datetime.datetime, at) -> None:
    if at < opens_at:
        raise NotYetOpen
    if at >= closes_at:
        raise Closed


@transaction.atomic
def session_rating_save(
    *,
    session: Session,
    attendee: Attendee,
    score: int,
    comment: str = "",
    language: str = "",
    by=None,
    at: datetime.datetime | None = None,
) -> SessionRating:
    """Give or change `attendee`'s mark and comment on `session`: they came into it or held a
    confirmed place, and it is over and the surveys are not yet closed. One row per person
    and session, held by a constraint; `by` is the account acting, if any."""
    at = at or timezone.now()
    if not may_rate(session, attendee):
        raise NotEligible
    _check_window(session.ends_at, survey_closes_at(session.edition), at)
    values = {"score": score, "comment": comment.strip(), "language": language}
    try:
        with transaction.atomic():
            rating, created = SessionRating.objects.update_or_create(
                session=session, attendee=attendee, defaults=values
            )
    except IntegrityError:  # the same person's other tab saved first: theirs is changed
        rating, created = (
            SessionRating.objects.update_or_create(
                session=session, attendee=attendee, defaults=values
            )[0],
            False,
        )
    action = RATING_GIVEN_ACTION if created else RATING_CHANGED_ACTION
    audit_log(instance=rating, action=action, by=by, data={"score": score})
    return rating


@transaction.atomic
def visitor_survey_save(
    *,
    attendee: Attendee,
    satisfaction: int,
    come_again: str,
    how_heard: str = "",
    liked: str = "",
    improve: str = "",
    language: str = "",
    by=None,
    at: datetime.datetime | None = None,
) -> VisitorSurvey:
    """Give or change a registration's answers to the visitors' survey of its edition, while
    it is open (test badges never answer)."""
    at = at or timezone.now()
    if attendee.category == AttendeeCategory.TEST:
        raise NotEligible
    edition = attendee.edition
    _check_window(survey_opens_at(edition), survey_closes_at(edition), at)
    survey, _created = VisitorSurvey.objects.update_or_create(
        attendee=attendee,
        defaults={
            "edition": edition,
            "satisfaction": satisfaction,
            "come_again": come_again,
            "how_heard": how_heard,
            "liked": liked.strip(),
            "improve": improve.strip(),
            "language": language,
        },
    )
    audit_log(instance=survey, action=VISITOR_SURVEY_ACTION, by=by)
    return survey


@transaction.atomic
def exhibitor_survey_save(
    *,
    application: Application,
    satisfaction: int,
    come_again: str,
    sales: int | None = None,
    contacts: int | None = None,
    comments: str = "",
    language: str = "",
    by,
    at: datetime.datetime | None = None,
) -> ExhibitorSurvey:
    """Give or change a confirmed application's answers to the exhibitors' survey, by one of
    its cooperative's managers (`by`), while the survey is open."""
    at = at or timezone.now()
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.CONFIRMED or not (
        application.cooperative.managers.filter(pk=getattr(by, "pk", None)).exists()
    ):
        raise NotEligible
    edition = application.edition
    _check_window(survey_opens_at(edition), survey_closes_at(edition), at)
    survey, _created = ExhibitorSurvey.objects.update_or_create(
        application=application,
        defaults={
            "satisfaction": satisfaction,
            "come_again": come_again,
            "sales": sales,
            "contacts": contacts,
            "comments": comments.strip(),
            "answered_by": by,
            "language": language,
        },
    )
    audit_log(instance=survey, action=EXHIBITOR_SURVEY_ACTION, by=by)
    return survey


# How far back the sweep looks for sessions that have ended: a worker down for a day still
# invites, and nobody is asked about a session of last week.
INVITE_LOOKBACK = datetime.timedelta(days=2)


def _badge_link(attendee: Attendee, badges: dict[int, Badge], language: str) -> str:
    badge = badges.get(attendee.pk)
    if badge is None:
        return ""
    with translation.override(language):
        return public_url(reverse("feedback:badge", args=[badge_link_token(badge)]))


def _active_badges(attendee_ids) -> dict[int, Badge]:
    badges = Badge.objects.filter(attendee__in=attendee_ids, status=BadgeStatus.ACTIVE)
    return {badge.attendee_id: badge for badge in badges.select_related("attendee")}


def session_invitations_send(*, at: datetime.datetime | None = None) -> int:
    """Invite each person to rate the sessions of a fair day they came into or signed up for,
    once the last of them that day is over: one e-mail a person a day, to those with an
    e-mail address and a badge in force. How many e-mails were queued."""
    at = at or timezone.now()
    sessions = Session.objects.filter(
        status=SessionStatus.PUBLISHED,
        ends_at__gt=at - INVITE_LOOKBACK,
        starts_at__lte=at + INVITE_LOOKBACK,
    )
    attendees = Attendee.objects.exclude(email="").exclude(category=AttendeeCategory.TEST)
    fields = ("attendee_id", "session__starts_at", "session__ends_at")
    fields += ("session__edition__time_zone",)
    rows = set(
        SessionAttendance.objects.filter(session__in=sessions, attendee__in=attendees).values_list(
            *fields
        )
    ) | set(
        SessionSignup.objects.filter(
            session__in=sessions, attendee__in=attendees, status=SignupStatus.CONFIRMED
        ).values_list(*fields)
    )
    # (attendee, fair day) → the latest end among their sessions of that day.
    latest: dict[tuple[int, datetime.date], datetime.datetime] = {}
    for attendee_id, starts_at, ends_at, zone in rows:
        key = (attendee_id, starts_at.astimezone(zoneinfo.ZoneInfo(zone)).date())
        latest[key] = max(latest.get(key, ends_at), ends_at)
    due = [key for key, ends_at in latest.items() if ends_at <= at]
    Invitation.objects.bulk_create(
        [Invitation(kind=InvitationKind.SESSIONS, attendee_id=a, day=d) for a, d in due],
        ignore_conflicts=True,
    )
    return _invitations_deliver(InvitationKind.SESSIONS)


def survey_invitations_send(*, at: datetime.datetime | None = None) -> int:
    """Once the fair is over (the day after its last), while the surveys are open: invite
    every registration with an e-mail address and a badge in force to the visitors' survey,
    and every confirmed application's managers to the exhibitors' survey; each once. How
    many e-mails were queued."""
    at = at or timezone.now()
    editions = [
        edition
        for edition in Edition.objects.filter(ends_on__lt=at.date() + datetime.timedelta(days=1))
        if survey_is_open(edition, at) and edition.today() > edition.ends_on
    ]
    for edition in editions:
        attendees = (
            Attendee.objects.filter(edition=edition, badges__status=BadgeStatus.ACTIVE)
            .exclude(email="")
            .exclude(category__in=[AttendeeCategory.TEST, AttendeeCategory.EXHIBITOR_STAFF])
            .distinct()
            .values_list("pk", flat=True)
        )
        Invitation.objects.bulk_create(
            [Invitation(kind=InvitationKind.VISITOR, attendee_id=pk) for pk in attendees],
            ignore_conflicts=True,
        )
        applications = Application.objects.filter(
            edition=edition, status=ApplicationStatus.CONFIRMED
        ).values_list("pk", flat=True)
        Invitation.objects.bulk_create(
            [Invitation(kind=InvitationKind.EXHIBITOR, application_id=pk) for pk in applications],
            ignore_conflicts=True,
        )
    return _invitations_deliver(InvitationKind.VISITOR) + _invitations_deliver(
        InvitationKind.EXHIBITOR
    )


def _invitations_deliver(kind: str) -> int:
    """Queue the e-mail of each invitation of `kind` not yet sent, marking it sent in the
    same transaction as the e-mail is put in the outbox: once each."""
    sent = 0
    pending = Invitation.objects.filter(kind=kind, sent_at__isnull=True).values_list(
        "pk", flat=True
    )
    for invitation_id in list(pending[:1000]):
        with transaction.atomic():
            invitation = (
                # Only the invitation's row: PostgreSQL locks no nullable side of a join.
                Invitation.objects.select_for_update(of=("self",))
                .filter(pk=invitation_id, sent_at__isnull=True)
                .select_related("attendee__edition", "application__edition")
                .select_related("application__cooperative")
                .first()
            )
            if invitation is None:
                continue
            if _invitation_email(invitation):
                sent += 1
            invitation.sent_at = timezone.now()
            invitation.save(update_fields=["sent_at"])
    return sent


def _invitation_email(invitation: Invitation) -> bool:
    """Put the invitation's e-mail in the outbox; False if there is nobody to write to."""
    if invitation.kind == InvitationKind.EXHIBITOR:
        application = invitation.application
        cooperative = application.cooperative
        to = [user.email for user in cooperative.managers.all() if user.email] or (
            [cooperative.email] if cooperative.email else []
        )
        if not to:
            return False
        language = cooperative.language or "ar"
        with translation.override(language):
            url = public_url(reverse("feedback:exhibitor_survey", args=[application.pk]))
        email_render_and_queue(
            to=to,
            template_prefix="feedback/email/exhibitor_survey",
            context={
                "application": application,
                "cooperative": cooperative,
                "url": url,
                "closes_at": survey_closes_at(application.edition),
            },
            language=language,
        )
        return True
    attendee = invitation.attendee
    language = attendee.language or "ar"
    url = _badge_link(attendee, _active_badges([attendee.pk]), language)
    if not url or not attendee.email:
        return False
    prefix = (
        "feedback/email/sessions"
        if invitation.kind == InvitationKind.SESSIONS
        else "feedback/email/visitor_survey"
    )
    email_render_and_queue(
        to=[attendee.email],
        template_prefix=prefix,
        context={
            "attendee": attendee,
            "edition": attendee.edition,
            "day": invitation.day,
            "url": url,
            "closes_at": survey_closes_at(attendee.edition),
        },
        language=language,
    )
    return True
