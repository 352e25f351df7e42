"""Admitting people into a session at the room's door, and releasing the places of absentees."""

import datetime

import pytest
from django.utils import timezone

from events.services.badges import attendee_register, badge_revoke
from fairsite.models import OutboundEmail
from programme.choices import AttendanceVia, SignupStatus
from programme.models import SessionAttendance, SessionSignup
from programme.services.attendance import (
    CONFLICT,
    attendance_scan,
    attendance_sync,
    no_shows_release_due,
    session_no_shows_release,
)
from programme.services.signups import seats_left, session_signup
from tests.factories import EditionFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db


def running(edition, *, begun=20, places=3, signup=True, release=10, **fields):
    """A session in a room of its own that began `begun` minutes ago and lasts an hour more."""
    starts = timezone.now() - datetime.timedelta(minutes=begun)
    return SessionFactory(
        edition=edition,
        room=RoomFactory(venue=edition.venue, capacity=80),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        capacity=places,
        signup_required=signup,
        release_after_minutes=release,
        **fields,
    )


def person(edition, name, **fields):
    return attendee_register(edition=edition, category="visitor", full_name=name, **fields)


def scan(session, badge, **fields):
    return attendance_scan(room=session.room, code=badge.code, **fields)


def test_a_signed_up_person_is_admitted_even_when_the_seats_are_taken(fair_today):
    session = running(fair_today, begun=5, places=1)
    signed, signed_badge = person(fair_today, "Nadia")
    session_signup(session=session, attendee=signed)
    _other, other_badge = person(fair_today, "Omar")

    refused = scan(session, other_badge)
    admitted = scan(session, signed_badge)

    assert (refused.result, refused.taken, refused.places) == ("full", 1, 1)
    assert (admitted.result, admitted.via, admitted.taken) == ("ok", AttendanceVia.SIGNUP, 1)
    assert admitted.session == session and admitted.attendee == signed
    assert list(SessionAttendance.objects.values_list("attendee__full_name", "via")) == [
        ("Nadia", "signup")
    ]


def test_others_are_admitted_while_seats_are_left(fair_today):
    session = running(fair_today, begun=5, places=2, signup=False)
    badges = [person(fair_today, f"P{n}")[1] for n in range(3)]

    outcomes = [scan(session, badge) for badge in badges]

    assert [(o.result, o.via, o.taken) for o in outcomes] == [
        ("ok", "walk_in", 1),
        ("ok", "walk_in", 2),
        ("full", "", 2),
    ]
    assert SessionAttendance.objects.filter(session=session).count() == 2


def test_a_second_scan_answers_already_in_and_admits_nobody_more(fair_today):
    session = running(fair_today, begun=5, places=5, signup=False)
    _attendee, badge = person(fair_today, "Salma")

    first = scan(session, badge, scan_id="dev-1")
    again = scan(session, badge, scan_id="dev-1")  # the same scan sent again
    second = scan(session, badge, scan_id="dev-2")  # scanned a second time

    assert (first.result, again.result, second.result) == ("ok", "ok", "already_in")
    assert second.taken == 1
    assert SessionAttendance.objects.count() == 1


def test_a_scan_id_used_for_someone_else_is_a_conflict(fair_today):
    session = running(fair_today, begun=5, places=5, signup=False)
    first, second = person(fair_today, "A")[1], person(fair_today, "B")[1]

    scan(session, first, scan_id="dev-1")
    outcome = scan(session, second, scan_id="dev-1")

    assert outcome.result == CONFLICT
    assert SessionAttendance.objects.count() == 1


def test_refusals_name_their_reason(fair_today):
    session = running(fair_today, begun=5)
    _attendee, badge = person(fair_today, "Karim")
    old = EditionFactory()
    _elsewhere, other_edition = person(old, "Hamid")
    _revoked, revoked = person(fair_today, "Rachid")
    badge_revoke(badge=revoked, by=None)
    empty_room = RoomFactory(venue=fair_today.venue)

    assert scan(session, other_edition).result == "wrong_edition"
    assert scan(session, revoked).result == "revoked"
    assert attendance_scan(room=session.room, code="NOT-A-BADGE").result == "invalid"
    assert attendance_scan(room=session.room, code=badge.code[:-4] + "AAAA").result == "invalid"
    nobody = attendance_scan(room=empty_room, code=badge.code)
    assert (nobody.result, nobody.attendee.full_name) == ("no_session", "Karim")
    assert not SessionAttendance.objects.exists()


def test_the_doors_open_fifteen_minutes_before_the_start(fair_today):
    session = running(fair_today, begun=-10, signup=False)  # starts in ten minutes
    _attendee, badge = person(fair_today, "Early")
    too_early = timezone.now() - datetime.timedelta(minutes=10)

    assert scan(session, badge, scanned_at=too_early).result == "no_session"
    assert scan(session, badge).result == "ok"


def test_between_two_sessions_the_door_admits_into_the_next_one(fair_today):
    first = running(fair_today, begun=50, signup=True)  # ends in ten minutes
    following = SessionFactory(
        edition=fair_today,
        room=first.room,
        starts_at=first.ends_at,
        ends_at=first.ends_at + datetime.timedelta(hours=1),
    )
    late, late_badge = person(fair_today, "Late")
    session_signup(session=first, attendee=late)  # their place is in the one running
    _early, early_badge = person(fair_today, "Early")

    assert scan(first, early_badge).session == following
    assert scan(first, late_badge).session == first


def test_someone_on_the_waiting_list_at_the_door_takes_a_free_seat(fair_today):
    session = running(fair_today, begun=5, places=1)
    waiting, badge = person(fair_today, "Waiting")
    session.capacity = 0
    session.save()
    session_signup(session=session, attendee=waiting)
    session.capacity = 1
    session.save()

    outcome = scan(session, badge)

    assert (outcome.result, outcome.via, outcome.taken) == ("ok", "signup", 1)
    assert SessionSignup.objects.get(attendee=waiting).status == SignupStatus.CONFIRMED


def test_no_shows_are_released_to_the_waiting_list_once(fair_today):
    session = running(fair_today, begun=15, places=2, release=10)
    came, came_badge = person(fair_today, "Came", email="came@fair.example")
    absent, _absent_badge = person(fair_today, "Absent", email="absent@fair.example")
    waiting, _waiting_badge = person(fair_today, "Waiting", email="waiting@fair.example")
    for attendee in (came, absent, waiting):
        session_signup(session=session, attendee=attendee)
    SessionAttendance.objects.create(
        session=session, attendee=came, via="signup", admitted_at=timezone.now()
    )
    OutboundEmail.objects.all().delete()

    assert no_shows_release_due() == 1
    assert no_shows_release_due() == 0  # once
    assert session_no_shows_release(session=session) == []

    statuses = dict(SessionSignup.objects.values_list("attendee__full_name", "status"))
    assert statuses == {"Came": "confirmed", "Absent": "cancelled", "Waiting": "confirmed"}
    assert SessionSignup.objects.get(attendee=absent).released_at is not None
    (told,) = OutboundEmail.objects.all()
    assert told.to == ["waiting@fair.example"]
    assert session.title_ar in told.subject


def test_places_are_kept_until_the_moment_of_release(fair_today):
    session = running(fair_today, begun=5, places=1, release=10)
    absent, _badge = person(fair_today, "Absent")
    session_signup(session=session, attendee=absent)
    _walk_in, walk_in_badge = person(fair_today, "Walk-in")

    assert no_shows_release_due() == 0
    assert scan(session, walk_in_badge).result == "full"
    assert SessionSignup.objects.get(attendee=absent).status == "confirmed"


def test_a_session_without_release_keeps_its_places_to_the_end(fair_today):
    session = running(fair_today, begun=50, places=1, release=None)
    absent, _badge = person(fair_today, "Absent")
    session_signup(session=session, attendee=absent)

    assert no_shows_release_due() == 0
    assert SessionSignup.objects.get(attendee=absent).status == "confirmed"


def test_the_first_scan_after_the_moment_releases_the_places_of_absentees(fair_today):
    """The door does not wait for the periodic task: a walk-in gets an absentee's seat."""
    session = running(fair_today, begun=15, places=1, release=10)
    absent, _badge = person(fair_today, "Absent")
    session_signup(session=session, attendee=absent)
    _walk_in, walk_in_badge = person(fair_today, "Walk-in")

    outcome = scan(session, walk_in_badge)

    assert (outcome.result, outcome.via, outcome.taken) == ("ok", "walk_in", 1)
    assert SessionSignup.objects.get(attendee=absent).status == "cancelled"
    session.refresh_from_db()
    assert session.no_shows_released_at is not None
    assert seats_left(session) == 0


def test_a_person_at_the_door_is_not_released_by_their_own_scan(fair_today):
    session = running(fair_today, begun=15, places=1, release=10)
    signed, badge = person(fair_today, "Signed")
    session_signup(session=session, attendee=signed)

    outcome = scan(session, badge)

    assert (outcome.result, outcome.via) == ("ok", "signup")
    assert SessionSignup.objects.get(attendee=signed).status == "confirmed"


def test_walk_ins_count_against_new_sign_ups(fair_today):
    session = running(fair_today, begun=5, places=1)
    _walk_in, badge = person(fair_today, "Walk-in")
    scan(session, badge)
    late, _late_badge = person(fair_today, "Late")

    assert session_signup(session=session, attendee=late).status == SignupStatus.WAITING


def test_offline_scans_are_replayed_in_order_and_admitted_ones_recorded(fair_today):
    session = running(fair_today, begun=5, places=1, signup=False)
    first, second = person(fair_today, "First")[1], person(fair_today, "Second")[1]
    now = timezone.now()
    scans = [
        {"code": second.code, "scan_id": "s2", "scanned_at": now, "admitted": True},
        {
            "code": first.code,
            "scan_id": "s1",
            "scanned_at": now - datetime.timedelta(minutes=1),
            "admitted": True,
        },
    ]

    outcomes = attendance_sync(room=session.room, scans=scans)

    # The first scanned took the seat; the second was let in by the device: they are inside.
    assert [(o.result, o.taken) for o in outcomes] == [("ok", 2), ("ok", 1)]
    assert set(SessionAttendance.objects.values_list("offline", flat=True)) == {True}
    again = attendance_sync(room=session.room, scans=scans)
    assert [o.result for o in again] == ["ok", "ok"]
    assert SessionAttendance.objects.count() == 2
