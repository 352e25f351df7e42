"""Who may say what, and when: the sessions a person may rate, the surveys' windows, and the
answers as the observatory and the admin read them."""

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from events.choices import AttendeeCategory
from events.models import Attendee, Edition
from exhibitors.choices import ApplicationStatus
from exhibitors.models import Application
from feedback.models import ExhibitorSurvey, SessionRating, VisitorSurvey
from programme.choices import SessionStatus, SignupStatus
from programme.models import Session, SessionAttendance, SessionSignup


def survey_weeks() -> int:
    """How many weeks after the fair's last day the surveys (and the sessions' ratings) stay
    open: FEEDBACK_SURVEY_WEEKS, four by default."""
    return getattr(settings, "FEEDBACK_SURVEY_WEEKS", 4)


def survey_opens_at(edition: Edition) -> datetime.datetime:
    """The start of the fair's last day, on the fair's clock."""
    return datetime.datetime.combine(edition.ends_on, datetime.time(), tzinfo=edition.zone)


def survey_closes_at(edition: Edition) -> datetime.datetime:
    """The end of the day `survey_weeks()` weeks after the fair's last day."""
    last = edition.ends_on + datetime.timedelta(weeks=survey_weeks(), days=1)
    return datetime.datetime.combine(last, datetime.time(), tzinfo=edition.zone)


def survey_is_open(edition: Edition, at: datetime.datetime | None = None) -> bool:
    at = at or timezone.now()
    return survey_opens_at(edition) <= at < survey_closes_at(edition)


def rating_is_open(session: Session, at: datetime.datetime | None = None) -> bool:
    """A session is rated from its end until the surveys close."""
    at = at or timezone.now()
    return session.ends_at <= at < survey_closes_at(session.edition)


def _took_part(attendees) -> Q:
    """Sessions that one of `attendees` came into, or held a confirmed place at."""
    came = SessionAttendance.objects.filter(session=OuterRef("pk"), attendee__in=attendees)
    signed = SessionSignup.objects.filter(
        session=OuterRef("pk"), attendee__in=attendees, status=SignupStatus.CONFIRMED
    )
    return Q(Exists(came)) | Q(Exists(signed))


def sessions_taken_part(attendees) -> QuerySet[Session]:
    """The published sessions these registrations came into or signed up for, soonest first."""
    return (
        Session.objects.filter(status=SessionStatus.PUBLISHED)
        .filter(_took_part(attendees))
        .select_related("edition", "room", "track")
    )


def may_rate(session: Session, attendee: Attendee) -> bool:
    """Whether `attendee` came into the session or held a confirmed place at it (a test
    badge is never one's opinion)."""
    if attendee.category == AttendeeCategory.TEST or session.edition_id != attendee.edition_id:
        return False
    return sessions_taken_part([attendee]).filter(pk=session.pk).exists()


def sessions_to_rate(attendees, at: datetime.datetime | None = None) -> list[Session]:
    """The sessions these registrations may rate now, newest first, each with `my_rating`
    (the rating already given, or None) and `rated_by` (the attendee the rating is by)."""
    at = at or timezone.now()
    # A test badge is never one's opinion.
    attendees = [a for a in attendees if a.category != AttendeeCategory.TEST]
    if not attendees:
        return []
    sessions = list(
        sessions_taken_part(attendees)
        .filter(ends_at__lte=at)
        .prefetch_related(
            Prefetch(
                "ratings",
                queryset=SessionRating.objects.filter(attendee__in=attendees),
                to_attr="mine",
            )
        )
        .order_by("-starts_at", "pk")
    )
    by_edition = {attendee.edition_id: attendee for attendee in attendees}
    rateable = []
    for session in sessions:
        if not rating_is_open(session, at):
            continue
        session.my_rating = session.mine[0] if session.mine else None
        session.rated_by = by_edition.get(session.edition_id)
        rateable.append(session)
    return rateable


def visitor_survey_attendees(attendees, at: datetime.datetime | None = None) -> list[Attendee]:
    """Of these registrations, those whose edition's survey is open now (test badges left
    out), each with `survey`: the answers already given, or None."""
    found = []
    for attendee in attendees:
        if attendee.category == AttendeeCategory.TEST or not survey_is_open(attendee.edition, at):
            continue
        attendee.survey = VisitorSurvey.objects.filter(attendee=attendee).first()
        found.append(attendee)
    return found


def account_attendees(user) -> QuerySet[Attendee]:
    if not user.is_authenticated:
        return Attendee.objects.none()
    return Attendee.objects.filter(user=user).select_related("edition")


def exhibitor_applications(user) -> QuerySet[Application]:
    """The confirmed applications this account manages."""
    return Application.objects.of_user(user).filter(status=ApplicationStatus.CONFIRMED)


def exhibitor_survey_of(application: Application) -> ExhibitorSurvey | None:
    return ExhibitorSurvey.objects.filter(application=application).first()
