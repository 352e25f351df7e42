"""Reads for the public programme: sessions as visitors see them, a visitor's agenda and
sign-ups, the list of changes, and who came (certificates, the observatory's counts). Each
read is a fixed number of queries, however many sessions there are."""

import datetime
import itertools
import zoneinfo
from collections.abc import Iterable

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.models import Attendee, Edition
from programme.choices import AttendanceVia, SessionStatus, SessionType, SignupStatus
from programme.models import (
    Agenda,
    Room,
    Session,
    SessionAttendance,
    SessionChange,
    SessionSignup,
    Speaker,
    Track,
)


def programme_sessions(
    *,
    edition: Edition,
    track: str = "",
    type: str = "",
    room: int | None = None,
    language: str = "",
    day: datetime.date | None = None,
) -> QuerySet[Session]:
    """The edition's published and cancelled sessions in time order, filtered, with their
    room, track and speakers, and `seats_left` (None when places are not counted)."""
    sessions = Session.objects.published().filter(edition=edition)
    if track:
        sessions = sessions.filter(track__slug=track)
    if type:
        sessions = sessions.filter(type=type)
    if room:
        sessions = sessions.filter(room_id=room)
    if language:
        sessions = sessions.filter(language=language)
    if day:
        starts, ends = day_bounds(day, edition.time_zone)
        sessions = sessions.filter(starts_at__gte=starts, starts_at__lt=ends)
    return with_seats_left(public_session_queryset(sessions)).order_by(
        "starts_at", "room__order", "pk"
    )


def public_session_queryset(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """What a session's card shows, loaded with the sessions."""
    return sessions.select_related("edition", "track", "room__venue").prefetch_related(
        Prefetch("speakers", queryset=Speaker.objects.order_by("name_latin", "name_ar"))
    )


def with_seats_left(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """Each session's free places counted by the database, in the query of the sessions.

    The same count as `programme.services.signups.seats_left`: the session's places (its own
    number, else its room's) less the confirmed sign-ups, never below zero.
    """
    return sessions.annotate(
        seat_count=Coalesce("capacity", "room__capacity"),
        confirmed_count=Count("signups", filter=Q(signups__status=SignupStatus.CONFIRMED)),
    ).annotate(
        seats_left=Case(
            When(seat_count__isnull=True, then=Value(None)),
            When(seat_count__lte=F("confirmed_count"), then=Value(0)),
            default=F("seat_count") - F("confirmed_count"),
            output_field=IntegerField(),
        )
    )


def programme_version(*, edition: Edition, seats: bool = True) -> tuple:
    """What changes whenever the edition's public programme changes, and with `seats` its
    free places too (a sign-up): one query. (A renamed room, track or speaker is not seen:
    the caches that use it keep their copies for minutes only.)"""
    sessions = Session.objects.published().filter(edition=edition)
    figures = {"count": Count("pk", distinct=True), "changed": Max("updated_at")}
    if seats:
        figures["signed_up"] = Max("signups__updated_at")
    return (edition.pk, *sessions.aggregate(**figures).values())


def programme_session(*, uid) -> Session | None:
    """A published or cancelled session of any edition: old calendars keep their links."""
    return (
        with_seats_left(public_session_queryset(Session.objects.published()))
        .filter(uid=uid)
        .first()
    )


def programme_tracks(*, edition: Edition) -> QuerySet[Track]:
    return Track.objects.filter(edition=edition)


def programme_rooms(*, edition: Edition) -> QuerySet[Room]:
    """The rooms that hold at least one of the edition's public sessions."""
    public = Session.objects.published().filter(edition=edition).values("room_id")
    return Room.objects.filter(pk__in=public)


def day_bounds(day: datetime.date, time_zone: str) -> tuple[datetime.datetime, datetime.datetime]:
    """The first and last instants of a day at the fair (its own clock, which may change
    during the day)."""
    zone = zoneinfo.ZoneInfo(time_zone)
    starts = datetime.datetime.combine(day, datetime.time(), tzinfo=zone)
    ends = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), tzinfo=zone)
    return starts, ends


def sessions_by_day(
    sessions: Iterable[Session], time_zone: str
) -> list[tuple[datetime.date, list[Session]]]:
    """Sessions in time order, grouped by the day they start on at the fair."""
    zone = zoneinfo.ZoneInfo(time_zone)
    return [
        (day, list(group))
        for day, group in itertools.groupby(
            sessions, key=lambda session: session.starts_at.astimezone(zone).date()
        )
    ]


def visitor_signups(*, user) -> dict[int, SessionSignup]:
    """The visitor's live sign-ups (a place or a turn on the waiting list), by session id."""
    if not user.is_authenticated:
        return {}
    signups = (
        SessionSignup.objects.filter(attendee__user=user)
        .exclude(status=SignupStatus.CANCELLED)
        .select_related("session")
        .only("status", "session__uid", "session_id", "attendee_id")
    )
    return {signup.session_id: signup for signup in signups}


def live_signup(signup_id: int, **owner) -> SessionSignup | None:
    """A sign-up not given up, only if it is `owner`'s (`attendee=` or `attendee__user=`):
    None for anyone else's."""
    return (
        SessionSignup.objects.filter(pk=signup_id, **owner)
        .exclude(status=SignupStatus.CANCELLED)
        .select_related("session")
        .first()
    )


def badge_sessions(*, attendee: Attendee) -> list[tuple[Session, SessionSignup | None]]:
    """The sessions of the badge's edition that take sign-ups and have not ended, in time
    order, each with the badge holder's live sign-up (or None) and its free places."""
    sessions = with_seats_left(
        public_session_queryset(
            Session.objects.filter(
                edition_id=attendee.edition_id,
                status=SessionStatus.PUBLISHED,
                signup_required=True,
                ends_at__gt=timezone.now(),
            )
        )
    ).order_by("starts_at", "room__order", "pk")
    signups = {
        signup.session_id: signup
        for signup in SessionSignup.objects.filter(attendee=attendee).exclude(
            status=SignupStatus.CANCELLED
        )
    }
    return [(session, signups.get(session.pk)) for session in sessions]


def visitor_starred(*, user) -> set[int]:
    """The ids of the sessions in the visitor's agenda."""
    if not user.is_authenticated:
        return set()
    starred = Agenda.sessions.through.objects.filter(agenda__user=user)
    return set(starred.values_list("session_id", flat=True))


def visitor_starred_uids(*, user) -> list:
    """The uids of the sessions in the visitor's agenda."""
    starred = Agenda.sessions.through.objects.filter(agenda__user=user)
    return list(starred.values_list("session__uid", flat=True))


def visitor_sessions(*, user) -> QuerySet[Session]:
    """The public sessions, of any edition, that the visitor starred or signed up for: their
    agenda, on its page and in its calendar feed."""
    signed_up = SessionSignup.objects.filter(attendee__user=user).exclude(
        status=SignupStatus.CANCELLED
    )
    return Session.objects.published().filter(
        Q(agendas__user=user) | Q(pk__in=signed_up.values("session_id"))
    )


def agenda_sessions(*, user, edition: Edition) -> QuerySet[Session]:
    """The edition's public sessions that the visitor starred or signed up for."""
    sessions = visitor_sessions(user=user).filter(edition=edition)
    return with_seats_left(
        public_session_queryset(Session.objects.filter(pk__in=sessions))
    ).order_by("starts_at", "room__order", "pk")


def programme_changes(*, edition: Edition) -> QuerySet[SessionChange]:
    """The public list of what changed in the edition's programme, newest first."""
    return (
        SessionChange.objects.filter(session__edition=edition)
        .exclude(session__status=SessionStatus.DRAFT)
        .select_related(
            "session__edition", "session__room__venue", "session__track", "previous_room"
        )
        .order_by("-created_at", "-pk")
    )


def attendance_certificates(*, attendees=None, user=None) -> list[SessionAttendance]:
    """The attendances that earn a certificate (published workshops that are over, a named
    holder) of these registrations, or of the registrations of this account; newest first."""
    if user is not None:
        attendees = Attendee.objects.filter(user=user) if user.is_authenticated else []
    attended = (
        SessionAttendance.objects.filter(
            attendee__in=attendees,
            session__type=SessionType.WORKSHOP,
            session__status=SessionStatus.PUBLISHED,
            session__ends_at__lte=timezone.now(),
        )
        .exclude(attendee__full_name="")
        .select_related("session__edition", "session__room", "attendee")
        .order_by("-session__starts_at")
    )
    return list(attended)


def attendance_figures(sessions: QuerySet[Session]) -> dict[str, int]:
    """For these sessions: the people given a place by sign-up (those who hold it and those
    whose place was released because they had not come), the places taken (held by sign-up
    or by someone admitted at the door without one), the people admitted at the door, and
    among them those without a sign-up."""
    signups = SessionSignup.objects.filter(session__in=sessions).aggregate(
        held=Count("pk", filter=Q(status=SignupStatus.CONFIRMED)),
        released=Count("pk", filter=Q(released_at__isnull=False)),
    )
    attended = SessionAttendance.objects.filter(session__in=sessions).aggregate(
        attended=Count("pk"), walk_ins=Count("pk", filter=Q(via=AttendanceVia.WALK_IN))
    )
    return {
        "signed_up": signups["held"] + signups["released"],
        "taken": signups["held"] + attended["walk_ins"],
        **attended,
    }
