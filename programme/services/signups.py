"""Signing up for sessions that have a limited number of places, with a waiting list.

Sign-ups for one session are made one at a time: each takes the session's row lock (on
SQLite, the write lock of the transaction) before counting the places taken, so no number
of simultaneous sign-ups ever confirms more people than there are places. The places taken
are the confirmed sign-ups and, once the session has begun, the seats of people admitted at
the door without one (programme.services.attendance).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Attendee, Edition
from events.services.badges import visitor_register
from events.services.people import attendee_of_account
from programme.choices import AttendanceVia, SessionStatus, SignupStatus
from programme.errors import ProgrammeError
from programme.models import Session, SessionAttendance, SessionSignup
from programme.services.agenda import agenda_star
from programme.services.notices import attendee_notify


@transaction.atomic
def session_signup(*, session: Session, attendee: Attendee) -> SessionSignup:
    """A place for the attendee, or a turn on the waiting list when the session is full.

    Signing up again gives back the sign-up already made.
    """
    session = (
        Session.objects.select_for_update(of=("self",)).select_related("room").get(pk=session.pk)
    )
    if session.status != SessionStatus.PUBLISHED or not session.signup_required:
        raise ProgrammeError(_("This session takes no sign-ups."))
    if session.ends_at <= timezone.now():
        raise ProgrammeError(_("This session is over."))
    if attendee.edition_id != session.edition_id:
        raise ProgrammeError(_("This badge is for another edition."))
    existing = (
        session.signups.exclude(status=SignupStatus.CANCELLED).filter(attendee=attendee).first()
    )
    if existing is not None:
        return existing
    places = session.places
    taken = places_taken(session)
    status = SignupStatus.CONFIRMED if places is None or taken < places else SignupStatus.WAITING
    signup = SessionSignup.objects.create(session=session, attendee=attendee, status=status)
    _tell(signup, "signup_confirmed" if status == SignupStatus.CONFIRMED else "signup_waiting")
    return signup


@transaction.atomic
def signup_cancel(*, signup: SessionSignup) -> None:
    """Give up a place (or a turn on the waiting list); the next person waiting gets it."""
    session = (
        Session.objects.select_for_update(of=("self",))
        .select_related("room")
        .get(pk=signup.session_id)
    )
    signup = SessionSignup.objects.get(pk=signup.pk)
    if signup.status == SignupStatus.CANCELLED:
        return
    signup.status = SignupStatus.CANCELLED
    signup.save(update_fields=["status", "updated_at"])
    signups_promote(session=session)


def signups_promote(*, session: Session) -> list[SessionSignup]:
    """Give free places to the people waiting, first come first served, and tell them.

    Called inside a transaction that holds the session's lock.
    """
    if session.status != SessionStatus.PUBLISHED:
        return []
    waiting = session.signups.filter(status=SignupStatus.WAITING).select_related("attendee")
    places = session.places
    if places is not None:
        waiting = waiting[: max(places - places_taken(session), 0)]
    promoted = list(waiting)
    for signup in promoted:
        signup.status = SignupStatus.CONFIRMED
        signup.save(update_fields=["status", "updated_at"])
        _tell(signup, "signup_promoted")
    return promoted


def seats_left(session: Session) -> int | None:
    """Free places; None when the session has no limit."""
    places = session.places
    if places is None:
        return None
    return max(places - places_taken(session), 0)


def places_taken(session: Session) -> int:
    """The confirmed sign-ups, and the people admitted at the door without one."""
    confirmed = session.signups.filter(status=SignupStatus.CONFIRMED).count()
    walk_ins = SessionAttendance.objects.filter(session=session, via=AttendanceVia.WALK_IN)
    return confirmed + walk_ins.count()


@transaction.atomic
def session_signup_for_user(*, user, session: Session) -> SessionSignup:
    """A signed-in visitor signs up: registered for the edition the first time (with a badge
    by e-mail), and the session goes into their agenda, so their calendar has it too. A
    refused sign-up leaves no registration behind."""
    attendee = attendee_for_user(user=user, edition=session.edition)
    signup = session_signup(session=session, attendee=attendee)
    agenda_star(user=user, session=session)
    return signup


def attendee_for_user(*, user, edition: Edition) -> Attendee:
    """The account holder's registration for the edition (the one they made at /visit/ with
    the same address or number, `events.services.people`), made (with a badge sent by e-mail)
    the first time they sign up for something if there is none."""
    attendee = attendee_of_account(user=user, edition=edition)
    if attendee is not None:
        return attendee
    email = user.email or ""
    phone = user.phone if user.phone and user.phone_verified else ""
    badge, _new = visitor_register(
        edition=edition,
        # The name the account gave; never one made from its address ("salma.visiteuse").
        full_name=user.get_full_name(),
        email=email,
        phone=phone,
        language=getattr(user, "language", "") or "ar",
    )
    attendee = badge.attendee
    if attendee.user_id not in (None, user.pk):
        # The address is another account's registration (an e-mail changed since).
        raise ProgrammeError(
            _("This e-mail address is registered for the fair by another account.")
        )
    if attendee.user_id is None:
        attendee.user = user
        attendee.save(update_fields=["user"])
    return attendee


def _tell(signup: SessionSignup, template: str) -> None:
    attendee_notify(
        attendee=signup.attendee,
        template=template,
        context={"signup": signup, "session": signup.session},
    )
