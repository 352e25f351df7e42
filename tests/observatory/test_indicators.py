"""Indicators against figures counted by hand."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from events.models import CheckIn
from events.services.badges import attendee_register
from events.services.signups import session_signup
from exhibitors.models import Certification
from observatory import indicators
from tests.factories import (
    ApplicationFactory,
    CooperativeFactory,
    EditionFactory,
    GateFactory,
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
    assert found["exhibitors_province"].rows == []
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
    assert rows(indicators.exhibitors_by(edition, "province", *_province())) == {
        "Berkane": 2,
        "Figuig": 1,
    }
    # Women-led: 6/10 and 4/4 (5/10 is not a majority); youth-led: 8/10 and 4/4.
    assert rows(indicators.led_by(edition)) == {"Women-led": 66.7, "Youth-led": 66.7}


def _province():
    from exhibitors.choices import Province

    return Province, "Exhibitors by province"


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
    assert by_hour == {"00:00": 1, "10:00": 2, "15:00": 1}


def test_session_fill_rate(fair_today):
    room = RoomFactory(venue=fair_today.venue, capacity=10)
    own = SessionFactory(edition=fair_today, room=room, capacity=4, signup_required=True)
    by_room = SessionFactory(edition=fair_today, room=room, signup_required=True)
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
    }


def test_the_previous_edition_is_the_one_before():
    older, newer = EditionFactory(year=2031), EditionFactory(year=2033)
    EditionFactory(year=2035)

    assert indicators.previous_edition(newer) == older
