"""Indicators against figures counted by hand."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from events.models import CheckIn
from events.services.badges import attendee_register
from exhibitors.models import Certification
from observatory import selectors as indicators
from programme.services.attendance import attendance_scan, no_shows_release_due
from programme.services.signups import session_signup
from tests.factories import (
    AgreementFactory,
    ApplicationFactory,
    CooperativeFactory,
    EditionFactory,
    GateFactory,
    PartnerRegionFactory,
    RoomFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

FAIR = ZoneInfo("Africa/Casablanca")


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def rows(indicator) -> dict:
    return dict(indicator.rows)


def exhibitor(edition, status="confirmed", **cooperative):
    return ApplicationFactory(
        edition=edition, status=status, cooperative=CooperativeFactory(**cooperative)
    )


def test_an_empty_edition_has_every_indicator_at_zero():
    edition = EditionFactory(is_current=True)

    found = {indicator.key: indicator for indicator in indicators.indicators(edition)}

    assert found["applications"].total == 0
    assert rows(found["led_by"]) == {"Women-led": 0.0, "Youth-led": 0.0}
    assert found["exhibitors_province"].is_empty and len(found["exhibitors_province"].rows) == 8
    assert found["exhibitors_province"].headline == ("Exhibitors", 0, "")
    assert rows(found["export_readiness"]) == {
        "0/100": 0,
        "25/100": 0,
        "50/100": 0,
        "75/100": 0,
        "100/100": 0,
    }
    assert list(found) == list(indicators.CATALOGUE)
    assert rows(found["sessions"])["Filled (%)"] == 0.0
    assert indicators.previous_edition(edition) is None
    assert indicators.indicators(None) == []


def test_exhibitors_counted_by_hand():
    edition = EditionFactory()
    exhibitor(edition, province="berkane", members=10, women_members=6, young_members=2)
    exhibitor(edition, province="berkane", members=10, women_members=5, young_members=8)
    exhibitor(edition, province="figuig", members=4, women_members=4, young_members=4)
    exhibitor(edition, status="submitted", province="nador")  # not an exhibitor (yet)

    assert rows(indicators.applications_by_status(edition))["Confirmed"] == 3
    assert rows(indicators.applications_by_status(edition))["Submitted"] == 1
    by_province = indicators.indicator("exhibitors_province", edition)
    assert {label: n for label, n in by_province.rows if n} == {"Berkane": 2, "Figuig": 1}
    assert by_province.codes[:2] == ["berkane", "figuig"]  # the largest first
    assert by_province.rows[2] == ("Oujda-Angad", 0)  # then the others, in the usual order
    assert by_province.headline == ("Exhibitors", 3, "")
    assert indicators.exhibitors_by_sector(edition).headline.value == 1  # one sector
    # Women-led: 6/10 and 4/4 (5/10 is not a majority); youth-led: 8/10 and 4/4.
    assert rows(indicators.led_by(edition)) == {"Women-led": 66.7, "Youth-led": 66.7}
    assert indicators.led_by(edition).headline == ("Women-led cooperatives", 66.7, "%")


def test_export_readiness_by_hand():
    from exportsupport.models import SupportRequest

    edition = EditionFactory(starts_on=datetime.date(2031, 5, 13))
    nothing = exhibitor(edition).cooperative
    certified = exhibitor(edition).cooperative
    ready = exhibitor(edition).cooperative
    exhibitor(edition, status="submitted")  # not an exhibitor: not counted
    for cooperative, valid_until in [
        (certified, None),
        (certified, datetime.date(2030, 1, 1)),  # lapsed before the fair
        (ready, None),
        (ready, datetime.date(2032, 1, 1)),
        (ready, datetime.date(2033, 1, 1)),  # a third counts no more than two
    ]:
        Certification.objects.create(
            cooperative=cooperative, kind="organic", valid_until=valid_until
        )
    for cooperative, status in [(ready, "done"), (ready, "done"), (certified, "in_progress")]:
        SupportRequest.objects.create(cooperative=cooperative, service="labelling", status=status)

    counted = indicators.export_readiness(edition)

    # nothing: 0; certified: one valid certification, no request done: 25; ready: 2 + 2: 100.
    assert rows(counted) == {"0/100": 1, "25/100": 1, "50/100": 0, "75/100": 0, "100/100": 1}
    assert counted.headline.value == 1  # helped to export: only `ready` has a request done
    assert nothing.pk


def test_agreements_by_partner_region_keep_confidential_partners_unnamed():
    edition = EditionFactory()
    oriental_partner = PartnerRegionFactory(name_en="Occitanie", name_ar="أوكسيتانيا")
    other = PartnerRegionFactory(name_en="Dakar", name_ar="داكار")
    secret = PartnerRegionFactory(name_fr="Secrète", is_public=False)
    AgreementFactory(partner_regions=[oriental_partner])
    AgreementFactory(partner_regions=[oriental_partner, other])
    AgreementFactory(partner_regions=[secret], status="draft")
    PartnerRegionFactory(name_fr="Sans accord")

    counted = indicators.agreements_by_region(edition)

    assert rows(counted) == {"Occitanie": 2, "Dakar": 1, "Confidential partners": 1}
    assert counted.headline.value == 2


def test_certifications_held_and_expiring():
    edition = EditionFactory(
        starts_on=datetime.date(2031, 5, 13), ends_on=datetime.date(2031, 5, 16)
    )
    cooperative = exhibitor(edition).cooperative
    for valid_until in (
        None,
        datetime.date(2031, 6, 1),
        datetime.date(2032, 1, 1),
        datetime.date(2031, 1, 1),
    ):
        Certification.objects.create(
            cooperative=cooperative, kind="organic", valid_until=valid_until
        )

    # Held on the first day: three (one lapsed in January); expiring by mid-August: one.
    assert rows(indicators.certifications(edition)) == {
        "Held": 3,
        "Expiring within three months": 1,
    }


def test_visitors_by_day_and_hour_on_the_fair_s_clock(fair_today):
    gate = GateFactory()
    badges = [
        attendee_register(edition=fair_today, category="visitor", full_name=f"V{n}")[1]
        for n in range(3)
    ]
    first = fair_today.starts_on
    at = lambda day, hour: datetime.datetime.combine(  # noqa: E731
        first + datetime.timedelta(days=day), datetime.time(hour), tzinfo=FAIR
    )
    scans = [
        (badges[0], at(0, 10)),
        (badges[0], at(0, 15)),
        (badges[1], at(0, 10)),
        (badges[2], at(1, 0)),
    ]
    for badge, moment in scans:
        CheckIn.objects.create(badge=badge, gate=gate, result="ok", scanned_at=moment)
    CheckIn.objects.create(badge=badges[1], gate=gate, result="already_in", scanned_at=at(1, 11))

    by_day = rows(indicators.visitors_by_day(fair_today))
    by_hour = rows(indicators.admissions_by_hour(fair_today))

    assert by_day["Registered visitors"] == 3
    assert by_day[first.isoformat()] == 2  # two people, one of them twice
    assert by_day[(first + datetime.timedelta(days=1)).isoformat()] == 1  # 00:00, the fair's day
    assert {hour: n for hour, n in by_hour.items() if n} == {"00:00": 1, "10:00": 2, "15:00": 1}
    assert len(by_hour) == 16  # every hour from the first entry's to the last's, zeros too


def test_a_rehearsal_s_test_badges_are_counted_nowhere(fair_today):
    gate = GateFactory()
    visitor = attendee_register(edition=fair_today, category="visitor", full_name="Salma")[1]
    test = attendee_register(edition=fair_today, category="test", full_name="Essai")[1]
    moment = timezone.now()
    for badge in (visitor, test):
        CheckIn.objects.create(badge=badge, gate=gate, result="ok", scanned_at=moment)
        badge.inside, badge.last_entry_at = True, moment
        badge.save()

    by_day = rows(indicators.visitors_by_day(fair_today))
    by_way = indicators.visitors_by_way(fair_today)

    assert by_day["Registered visitors"] == 1
    assert by_day[timezone.localdate(moment).isoformat()] == 1
    assert sum(rows(indicators.admissions_by_hour(fair_today)).values()) == 1
    assert indicators.people_inside(fair_today) == 1
    assert sum(rows(by_way).values()) == 1


def test_walk_ins_are_counted_by_the_way_they_registered(fair_today):
    for name, way in [("A", "online"), ("B", "desk"), ("C", "desk"), ("D", "kiosk")]:
        attendee, _badge = attendee_register(edition=fair_today, category="visitor", full_name=name)
        attendee.registered_via = way
        attendee.save()
    staff = attendee_register(edition=fair_today, category="press", full_name="E")[0]
    staff.registered_via = "desk"
    staff.save()

    counted = indicators.visitors_by_way(fair_today)

    assert rows(counted) == {
        "Online": 1,
        "At the desk": 2,
        "At the kiosk": 1,
        "Blank badge bound at the desk": 0,
    }
    assert counted.headline == ("Walk-in visitors", 3, "")


def test_session_fill_rate(fair_today):
    room = RoomFactory(venue=fair_today.venue, capacity=10)
    own = SessionFactory(
        edition=fair_today, ahead=True, room=room, capacity=4, signup_required=True
    )
    by_room = SessionFactory(edition=fair_today, ahead=True, room=room, signup_required=True)
    by_room.starts_at += datetime.timedelta(hours=2)
    by_room.ends_at += datetime.timedelta(hours=2)
    by_room.save()
    for n in range(3):
        person = attendee_register(edition=fair_today, category="visitor", full_name=f"P{n}")[0]
        session_signup(session=own, attendee=person)

    # Places: 4 + 10; signed up: 3.
    assert rows(indicators.sessions_filled(fair_today)) == {
        "Places": 14,
        "Signed up": 3,
        "Filled (%)": 21.4,
        "Attended": 0,
        "Of them, without a sign-up": 0,
    }


def test_attendance_is_counted_beside_sign_ups(fair_today):
    """Four signed up for a workshop of four; two came, one did not and lost the place to
    the waiting list's first, and two came without signing up once places were released."""
    starts = timezone.now() - datetime.timedelta(minutes=20)
    workshop = SessionFactory(
        edition=fair_today,
        room=RoomFactory(venue=fair_today.venue, capacity=50),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        capacity=4,
        signup_required=True,
        release_after_minutes=30,
    )
    people = [
        attendee_register(edition=fair_today, category="visitor", full_name=f"P{n}")
        for n in range(8)
    ]
    for attendee, _badge in people[:5]:  # the fifth waits
        session_signup(session=workshop, attendee=attendee)
    for _attendee, badge in people[:2]:
        attendance_scan(room=workshop.room, code=badge.code)
    workshop.release_after_minutes = 10
    workshop.save()
    no_shows_release_due()  # P2, P3 released; P4 promoted
    for _attendee, badge in people[5:8]:  # two seats free, three at the door
        attendance_scan(room=workshop.room, code=badge.code)

    assert rows(indicators.sessions_filled(fair_today)) == {
        "Places": 4,
        "Signed up": 5,  # P0 to P4: each was given a place
        "Filled (%)": 100.0,  # P0, P1 and P4 hold theirs, P5 took the last
        "Attended": 3,
        "Of them, without a sign-up": 1,
    }


def test_the_previous_edition_is_the_one_before():
    older, newer = EditionFactory(year=2031), EditionFactory(year=2033)
    EditionFactory(year=2035)

    assert indicators.previous_edition(newer) == older
