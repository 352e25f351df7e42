"""The programme's rules: what clashes, what publishing a session means, and what a
change to a published session sets off.

A clash is hard when the programme cannot work as planned (a room or a speaker in two
places at once, a session outside its room's hours or the edition's days): a published
session may not have one. Soft clashes are warnings (more places than seats, no room yet).
"""

import dataclasses
import datetime

from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from events.models import Edition
from fairsite.audit import audit_log
from fairsite.models import User
from fairsite.queueing import task_queue_after_commit
from programme.choices import SessionStatus, SignupStatus
from programme.errors import ProgrammeError
from programme.models import RoomAvailability, Session, SessionChange, Speaker
from programme.services.notices import attendee_notify
from programme.services.signups import signups_promote

# What a published session's record is compared on to know whether calendars must update.
# The admin log's actions of a session's status (registered in programme/viewsets.py).
PUBLISHED_ACTION = "programme.session.published"
CANCELLED_ACTION = "programme.session.cancelled"

CALENDAR_FIELDS = [
    "title_ar",
    "title_fr",
    "title_en",
    "description_ar",
    "description_fr",
    "description_en",
    "type",
    "track_id",
    "language",
    "room_id",
    "starts_at",
    "ends_at",
    "status",
]


@dataclasses.dataclass(frozen=True)
class Clash:
    hard: bool
    message: str
    other: Session | None = None


def session_clashes(session: Session, *, speakers: list[Speaker] | None = None) -> list[Clash]:
    """The clashes of one session (saved or not) with the rest of its edition's programme.

    `speakers` are the ones the session is about to have (a form not yet saved); by default
    the ones it has.
    """
    if speakers is None:
        speakers = list(session.speakers.all()) if session.pk else []
    others = (
        Session.objects.filter(edition_id=session.edition_id)
        .exclude(status=SessionStatus.CANCELLED)
        .exclude(pk=session.pk)
        .overlapping(session.starts_at, session.ends_at)
        .filter(Q(room_id=session.room_id) | Q(speakers__in=speakers))
        .distinct()
        .select_related("room")
        .prefetch_related("speakers")
    )
    windows = list(session.room.availability.all()) if session.room_id else []
    confirmed = session.signups.filter(status=SignupStatus.CONFIRMED).count() if session.pk else 0
    return _clashes(session, speakers, list(others), windows, session.edition, confirmed)


def programme_clashes(edition: Edition) -> dict[int, list[Clash]]:
    """Every session's clashes in the edition, from three queries, for the schedule view."""
    sessions = list(
        Session.objects.filter(edition=edition)
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("room")
        .prefetch_related(
            "speakers",
            Prefetch("room__availability", queryset=RoomAvailability.objects.order_by()),
        )
        .annotate(confirmed=Count("signups", filter=Q(signups__status=SignupStatus.CONFIRMED)))
        .order_by("starts_at")
    )
    found = {}
    for index, session in enumerate(sessions):
        # Sorted by start: only the sessions starting before this one ends can overlap it.
        neighbours = []
        for other in sessions[:index]:
            if other.ends_at > session.starts_at:
                neighbours.append(other)
        for other in sessions[index + 1 :]:
            if other.starts_at >= session.ends_at:
                break
            neighbours.append(other)
        windows = list(session.room.availability.all()) if session.room_id else []
        clashes = _clashes(
            session, list(session.speakers.all()), neighbours, windows, edition, session.confirmed
        )
        if clashes:
            found[session.pk] = clashes
    return found


def _clashes(session, speakers, others, windows, edition, confirmed) -> list[Clash]:
    return [
        *_outside(session, windows, edition),
        *_overlapping(session, speakers, others),
        *_seating(session, confirmed),
    ]


def _outside(session, windows, edition) -> list[Clash]:
    """Hard: outside the edition's days, or outside the room's opening hours."""
    clashes = []
    zone = edition.zone
    first_day = session.starts_at.astimezone(zone).date()
    last_day = (session.ends_at - datetime.timedelta(microseconds=1)).astimezone(zone).date()
    if first_day < edition.starts_on or last_day > edition.ends_on:
        clashes.append(
            Clash(
                True,
                _("“%(session)s” is outside the edition's days (%(first)s to %(last)s).")
                % {
                    "session": session,
                    "first": date_format(edition.starts_on, "SHORT_DATE_FORMAT"),
                    "last": date_format(edition.ends_on, "SHORT_DATE_FORMAT"),
                },
            )
        )
    if windows and not any(
        w.starts_at <= session.starts_at and session.ends_at <= w.ends_at for w in windows
    ):
        clashes.append(
            Clash(
                True,
                _("“%(session)s” is outside the hours when %(room)s is available.")
                % {"session": session, "room": session.room},
            )
        )
    return clashes


def _overlapping(session, speakers, others) -> list[Clash]:
    """Hard: the same room, or one of the same speakers, at a time that overlaps."""
    clashes = []
    speaker_ids = {speaker.pk for speaker in speakers}
    for other in others:
        if not (other.starts_at < session.ends_at and session.starts_at < other.ends_at):
            continue
        if session.room_id and other.room_id == session.room_id:
            clashes.append(
                Clash(
                    True,
                    _("%(room)s holds “%(session)s” and “%(other)s” at the same time.")
                    % {"room": session.room, "session": session, "other": other},
                    other,
                )
            )
        for speaker in other.speakers.all():
            if speaker.pk in speaker_ids:
                clashes.append(
                    Clash(
                        True,
                        _("%(speaker)s is due at “%(session)s” and “%(other)s” at once.")
                        % {"speaker": speaker, "session": session, "other": other},
                        other,
                    )
                )
    return clashes


def _seating(session, confirmed) -> list[Clash]:
    """Soft: no room yet, or more places offered or taken than the room seats."""
    if session.room_id is None:
        return [Clash(False, _("“%(session)s” has no room yet.") % {"session": session})]
    clashes = []
    seats = session.room.capacity
    if session.capacity is not None and session.capacity > seats:
        clashes.append(
            Clash(
                False,
                _("“%(session)s” offers %(places)s places; %(room)s seats %(seats)s.")
                % {
                    "session": session,
                    "places": session.capacity,
                    "room": session.room,
                    "seats": seats,
                },
            )
        )
    if confirmed > seats:
        clashes.append(
            Clash(
                False,
                _("%(count)s people signed up for “%(session)s”; %(room)s seats %(seats)s.")
                % {"count": confirmed, "session": session, "room": session.room, "seats": seats},
            )
        )
    return clashes


@transaction.atomic
def session_save(
    *,
    session: Session,
    speakers: list[Speaker] | None = None,
    by: User | None = None,
    content_changed: bool = True,
) -> list[Clash]:
    """Save a session as an organiser edited it; returns the soft clashes to warn about.

    A published (or publishing) session with a hard clash is refused. A change to a
    published session bumps its revision for calendars; a new time or room and a
    cancellation are also listed publicly and sent to the people signed up. Logged as made
    or edited by `by`, and as published or cancelled when it was.
    """
    created = session.pk is None
    previous = None
    if session.pk:
        previous = (
            Session.objects.select_for_update(of=("self",)).filter(pk=session.pk).order_by().first()
        )
    was = previous.status if previous else SessionStatus.DRAFT
    _check_transition(was, session.status)
    clashes = session_clashes(session, speakers=speakers)
    hard = [clash for clash in clashes if clash.hard]
    if session.status == SessionStatus.PUBLISHED and hard:
        raise ProgrammeError(" ".join(clash.message for clash in hard), hard)

    change = None
    if was == SessionStatus.DRAFT and session.status == SessionStatus.PUBLISHED:
        session.published_at = timezone.now()
    elif was != SessionStatus.DRAFT:
        speakers_changed = speakers is not None and {s.pk for s in speakers} != set(
            previous.speakers.values_list("pk", flat=True)
        )
        if speakers_changed or any(
            getattr(previous, field) != getattr(session, field) for field in CALENDAR_FIELDS
        ):
            session.sequence = previous.sequence + 1
        if session.status == SessionStatus.CANCELLED and was != SessionStatus.CANCELLED:
            change = SessionChange.Kind.CANCELLED
        elif (previous.starts_at, previous.ends_at, previous.room_id) != (
            session.starts_at,
            session.ends_at,
            session.room_id,
        ):
            change = SessionChange.Kind.MOVED
    session.save()
    if speakers is not None:
        session.speakers.set(speakers)
    if change:
        _change_record(session, previous, change)
    if session.status == SessionStatus.PUBLISHED:
        signups_promote(session=session)  # a bigger room or more places
    _save_logged(session, was, created=created, by=by, content_changed=content_changed)
    return [clash for clash in clashes if not clash.hard]


def session_publish_check(*, session: Session) -> None:
    """Refuse (ProgrammeError) unless the session is a draft."""
    if session.status != SessionStatus.DRAFT:
        raise ProgrammeError(_("Only a draft session can be published."), code="not_a_draft")


def session_publish(*, session: Session, by: User | None = None) -> list[Clash]:
    session_publish_check(session=session)
    session.status = SessionStatus.PUBLISHED
    return session_save(session=session, by=by, content_changed=False)


def session_cancel_check(*, session: Session) -> None:
    """Refuse (ProgrammeError) when the session is already cancelled."""
    if session.status == SessionStatus.CANCELLED:
        raise ProgrammeError(_("This session is already cancelled."), code="already_cancelled")


def session_cancel(*, session: Session, by: User | None = None) -> None:
    session_cancel_check(session=session)
    session.status = SessionStatus.CANCELLED
    session_save(session=session, by=by, content_changed=False)


def _save_logged(session: Session, was: str, *, created: bool, by, content_changed: bool) -> None:
    """One entry for the save (unless it only published or cancelled), one for the new status."""
    now = session.status
    if created or content_changed:
        action = "wagtail.create" if created else "wagtail.edit"
        audit_log(instance=session, action=action, by=by, content_changed=content_changed)
    if was != now and now == SessionStatus.PUBLISHED:
        audit_log(instance=session, action=PUBLISHED_ACTION, by=by)
    elif was != now and now == SessionStatus.CANCELLED:
        audit_log(instance=session, action=CANCELLED_ACTION, by=by)


def _check_transition(was: str, now: str) -> None:
    if was == now:
        return
    if was == SessionStatus.CANCELLED:
        raise ProgrammeError(
            _("A cancelled session stays cancelled: make a new session to hold it again.")
        )
    if was == SessionStatus.PUBLISHED and now == SessionStatus.DRAFT:
        raise ProgrammeError(
            _("A published session cannot go back to draft: change it, or cancel it.")
        )


def _change_record(session: Session, previous: Session, kind: str) -> SessionChange:
    change = SessionChange.objects.create(
        session=session,
        kind=kind,
        sequence=session.sequence,
        previous_starts_at=previous.starts_at,
        previous_room_id=previous.room_id,
    )
    task_queue_after_commit("programme.notify_session_change", change_id=change.pk)
    return change


@transaction.atomic
def session_change_notify(*, change_id: int) -> int:
    """Tell the change to everyone signed up or waiting, each in their language, by e-mail
    or by text message; returns how many were told. Run by a worker once the change is
    committed; a second run (a task delivered twice) sends nothing more."""
    change = (
        SessionChange.objects.select_for_update(of=("self",))
        .select_related("session__room", "session__edition", "previous_room")
        .filter(pk=change_id, notified_at__isnull=True)
        .first()
    )
    if change is None:
        return 0
    signups = change.session.signups.exclude(status=SignupStatus.CANCELLED).select_related(
        "attendee"
    )
    told = 0
    for signup in signups:
        told += attendee_notify(
            attendee=signup.attendee,
            template="session_changed",
            context={"change": change, "session": change.session, "signup": signup},
        )
    change.notified_at = timezone.now()
    change.save(update_fields=["notified_at"])
    return told
