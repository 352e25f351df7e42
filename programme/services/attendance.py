"""Admitting people into sessions at the room's door, and giving the places of those who have
not come to others.

A room scan is one transaction that holds the session's row lock (on SQLite, the write lock
of the IMMEDIATE transaction) while it counts the seats taken and admits, so that of any
number of simultaneous scans into a session no more are admitted than there are places.
Someone with a confirmed sign-up is always let in; anyone else while seats are left. The
seats taken are the confirmed sign-ups, whether their holders have come yet or not, and the
people admitted without one.

`Session.release_after_minutes` after the start, the confirmed sign-ups of those who have not
come are released (cancelled, with `released_at`): the freed places go first to the waiting
list, whose people are told, then to whoever is at the door. The periodic task does it for
every session, and the first scan after that moment does it if the task has not yet, so the
door never waits on the workers. A session's places are released once.

The service answers with a `RoomScanOutcome`; the room scanners' API turns it into JSON in
the device's language. The lock and the seats' count are written out in SQL
(`programme.attendance_db`), where the benchmark found the ORM slow.
"""

import dataclasses
import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from events.choices import AttendeeCategory, BadgeStatus
from events.keys import code_claims
from events.models import Attendee, Edition
from programme import attendance_db
from programme.choices import AttendanceVia, RoomScanResult, SessionStatus, SignupStatus
from programme.models import Room, Session, SessionAttendance, SessionSignup
from programme.services.notices import attendee_notify
from programme.services.signups import places_taken

# A room's scanner admits people into a session from this long before it starts.
DOORS_OPEN = datetime.timedelta(minutes=15)

# Not a verdict on a badge: the device sent a scan id it had used for another scan.
CONFLICT = "conflict"

MESSAGES = {
    RoomScanResult.ALREADY_IN: gettext_noop("Already admitted into this session."),
    RoomScanResult.FULL: gettext_noop("The session is full: no seat is left."),
    RoomScanResult.NO_SESSION: gettext_noop("No session in this room at this time."),
    RoomScanResult.INVALID: gettext_noop("This is not a badge of the fair."),
    RoomScanResult.WRONG_EDITION: gettext_noop("This badge is for another edition."),
    RoomScanResult.REVOKED: gettext_noop("This badge has been revoked."),
    RoomScanResult.REHEARSAL_OVER: gettext_noop(
        "This is a test badge: it passes only while the gates are rehearsed."
    ),
    CONFLICT: gettext_noop("This scan id was already used for another scan."),
}
ADMITTED_MESSAGES = {
    AttendanceVia.SIGNUP: gettext_noop("Signed up: welcome."),
    AttendanceVia.WALK_IN: gettext_noop("A free seat: welcome."),
    "": gettext_noop("Admitted (rehearsal)"),
}


@dataclasses.dataclass(frozen=True)
class RoomScanOutcome:
    """The verdict on one room scan: a RoomScanResult (or CONFLICT), the session it was for,
    the badge's holder when the badge is one of the fair's, how they were admitted, and the
    session's seats taken and places after the scan (places None: no limit). A test badge
    during a rehearsal is `rehearsal`: admitted, and neither recorded nor seated."""

    result: str
    session: Session | None = None
    attendee: Attendee | None = None
    category: str = ""
    via: str = ""
    taken: int | None = None
    places: int | None = None
    rehearsal: bool = False

    @property
    def admitted(self) -> bool:
        return self.result == RoomScanResult.ADMITTED

    @property
    def message(self) -> str:
        """Untranslated: the API translates it in the device's language."""
        if self.admitted:
            return ADMITTED_MESSAGES[self.via]
        return MESSAGES[self.result]


def attendance_scan(
    *,
    room: Room,
    code: str,
    scan_id: str = "",
    scanned_at: datetime.datetime | None = None,
    offline: bool = False,
    admitted_offline: bool = False,
) -> RoomScanOutcome:
    """Decide on one scan at the door of `room` and record the admission.

    The session is the one published in the room at the scan's moment, its doors open
    DOORS_OPEN before it starts. `admitted_offline` says the device already let the person in
    while it had no network: they are in the room, and are recorded even if it is now full.
    A scan id sent again answers as the first time; used for another scan, it is a conflict.
    """
    at = scanned_at or timezone.now()
    claims = code_claims(code)
    if claims is None:
        return RoomScanOutcome(RoomScanResult.INVALID)
    badge = attendance_db.badge(claims.badge_id)
    if badge is None or badge.code != code.strip().upper():
        return RoomScanOutcome(RoomScanResult.INVALID)
    person = {"attendee": badge.attendee, "category": badge.category}
    session = _session_at(room, at, attendee_id=badge.attendee.pk)
    if session is None:
        return RoomScanOutcome(RoomScanResult.NO_SESSION, **person)
    if badge.edition_id != session.edition_id:
        return RoomScanOutcome(RoomScanResult.WRONG_EDITION, session=session, **person)
    if badge.status == BadgeStatus.REVOKED:
        return RoomScanOutcome(RoomScanResult.REVOKED, session=session, **person)
    if badge.category == AttendeeCategory.TEST:
        # A test badge tries the scanner while the edition is rehearsed, and takes no seat.
        if not Edition.objects.filter(pk=badge.edition_id, rehearsal=True).exists():
            return RoomScanOutcome(RoomScanResult.REHEARSAL_OVER, session=session, **person)
        return _with_seats(session, RoomScanResult.ADMITTED, rehearsal=True, **person)
    try:
        with transaction.atomic():
            return _admit(
                session=session,
                attendee=badge.attendee,
                category=badge.category,
                at=at,
                scan_id=scan_id,
                offline=offline,
                admitted_offline=admitted_offline,
            )
    except IntegrityError:
        if not scan_id:
            raise
        # The scan id was used for someone else's admission: nothing was changed.
        return RoomScanOutcome(CONFLICT)


def attendance_sync(*, room: Room, scans: list[dict]) -> list[RoomScanOutcome]:
    """Replay a device's offline scans in the order they were made; outcomes in input order."""
    order = sorted(range(len(scans)), key=lambda index: scans[index]["scanned_at"])
    outcomes: list[RoomScanOutcome | None] = [None] * len(scans)
    for index in order:
        scan = scans[index]
        outcomes[index] = attendance_scan(
            room=room,
            code=scan["code"],
            scan_id=scan["scan_id"],
            scanned_at=scan["scanned_at"],
            offline=True,
            admitted_offline=bool(scan.get("admitted")),
        )
    return outcomes


def session_in_room(room: Room, at: datetime.datetime | None = None) -> Session | None:
    """The session the room's door admits people into at `at` (now by default)."""
    return _session_at(room, at or timezone.now())


def _session_at(room: Room, at: datetime.datetime, *, attendee_id: int | None = None):
    """The published session in `room` whose doors are open at `at`. Between two sessions
    (the next one's doors open before the last one ends) it is the next one, unless the
    person holds a place in the one still running."""
    candidates = attendance_db.sessions_open(room, at, doors_open=DOORS_OPEN)
    if len(candidates) > 1 and attendee_id is not None:
        held = set(
            SessionSignup.objects.filter(
                session__in=candidates, attendee_id=attendee_id, status=SignupStatus.CONFIRMED
            ).values_list("session_id", flat=True)
        )
        candidates.sort(key=lambda session: session.pk not in held)
    return candidates[0] if candidates else None


def _admit(
    *,
    session: Session,
    attendee: Attendee,
    category: str,
    at: datetime.datetime,
    scan_id: str,
    offline: bool,
    admitted_offline: bool,
) -> RoomScanOutcome:
    attendance_db.session_lock(session.pk)
    state = attendance_db.seat_state(session.pk, attendee_id=attendee.pk)
    session.no_shows_released_at = state.no_shows_released_at
    taken = state.taken

    def answer(result: str, *, via: str = "") -> RoomScanOutcome:
        return RoomScanOutcome(
            result,
            session=session,
            attendee=attendee,
            category=category,
            via=via,
            taken=taken,
            places=session.places,
        )

    if state.my_via:
        repeated = bool(scan_id) and state.my_scan_id == scan_id
        return answer(
            RoomScanResult.ADMITTED if repeated else RoomScanResult.ALREADY_IN,
            via=state.my_via,
        )
    now = timezone.now()
    due = session.no_shows_released_at is None and _release_due(session, now)
    if state.my_signup_status == SignupStatus.CONFIRMED:
        _record(session, attendee, AttendanceVia.SIGNUP, at, scan_id, offline)
        if due:
            _release(session, now)
            taken = places_taken(session)
        return answer(RoomScanResult.ADMITTED, via=AttendanceVia.SIGNUP)
    if due:
        # Their own turn on the waiting list may come up now: they are told nothing, being here.
        promoted = _release(session, now, present=attendee.pk)
        taken = places_taken(session)
        if state.my_signup_id in {signup.pk for signup in promoted}:
            _record(session, attendee, AttendanceVia.SIGNUP, at, scan_id, offline)
            return answer(RoomScanResult.ADMITTED, via=AttendanceVia.SIGNUP)
    places = session.places
    if places is not None and taken >= places and not admitted_offline:
        return answer(RoomScanResult.FULL)
    if state.my_signup_id is not None:
        # On the waiting list and at the door while a seat is free: the place is theirs.
        signup = SessionSignup.objects.get(pk=state.my_signup_id)
        signup.status = SignupStatus.CONFIRMED
        signup.save(update_fields=["status", "updated_at"])
        via = AttendanceVia.SIGNUP
    else:
        via = AttendanceVia.WALK_IN
    _record(session, attendee, via, at, scan_id, offline)
    taken += 1
    return answer(RoomScanResult.ADMITTED, via=via)


def _record(session, attendee, via, at, scan_id, offline) -> SessionAttendance:
    return SessionAttendance.objects.create(
        session=session,
        attendee=attendee,
        via=via,
        admitted_at=at,
        scan_id=scan_id,
        offline=offline,
    )


def _with_seats(session: Session, result: str, **fields) -> RoomScanOutcome:
    places = session.places
    return RoomScanOutcome(
        result, session=session, taken=places_taken(session), places=places, **fields
    )


def _release_due(session: Session, now: datetime.datetime) -> bool:
    release_at = session.release_at
    return (
        session.signup_required and release_at is not None and release_at <= now < session.ends_at
    )


@transaction.atomic
def session_no_shows_release(*, session: Session, now=None) -> list[SessionSignup]:
    """Release the places of those signed up who have not come, if the session's moment for
    it has come and it was not done yet; the sign-ups promoted from the waiting list."""
    now = now or timezone.now()
    session = (
        Session.objects.select_for_update(of=("self",)).select_related("room").get(pk=session.pk)
    )
    if session.no_shows_released_at is not None or not _release_due(session, now):
        return []
    if session.status != SessionStatus.PUBLISHED:
        return []
    return _release(session, now)


def no_shows_release_due(*, now=None) -> int:
    """Release the places of absentees in every session whose moment for it has come; how
    many sessions had theirs released. Run every minute by the periodic task."""
    now = now or timezone.now()
    running = Session.objects.filter(
        status=SessionStatus.PUBLISHED,
        signup_required=True,
        release_after_minutes__isnull=False,
        no_shows_released_at__isnull=True,
        starts_at__lte=now,
        ends_at__gt=now,
    )
    released = 0
    for session in running:
        if session.release_at <= now:
            session_no_shows_release(session=session, now=now)
            released += 1
    return released


def _release(session: Session, now: datetime.datetime, *, present: int | None = None):
    """Inside the transaction that holds the session's lock: cancel the confirmed sign-ups of
    those not admitted, give the places to the waiting list, first come first served, and
    tell those promoted (but `present`, the person at the door)."""
    came = session.attendances.values("attendee_id")
    absent = session.signups.filter(status=SignupStatus.CONFIRMED).exclude(attendee_id__in=came)
    for signup in absent:
        signup.status, signup.released_at = SignupStatus.CANCELLED, now
        signup.save(update_fields=["status", "released_at", "updated_at"])
    promoted = []
    waiting = session.signups.filter(status=SignupStatus.WAITING).select_related("attendee")
    places = session.places
    if places is not None:
        waiting = waiting[: max(places - places_taken(session), 0)]
    for signup in waiting:
        signup.status = SignupStatus.CONFIRMED
        signup.save(update_fields=["status", "updated_at"])
        promoted.append(signup)
        if signup.attendee_id != present:
            attendee_notify(
                attendee=signup.attendee,
                template="seat_released",
                context={"signup": signup, "session": session},
            )
    session.no_shows_released_at = now
    session.save(update_fields=["no_shows_released_at"])
    return promoted
