"""Visits to the stands as indicators: anonymous counts by hour of the fair's day and by the
exhibitors' sector, rehearsal badges left out, withdrawn visits still counted."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from exhibitors.models import StandVisit
from exhibitors.services.leads import lead_forget, lead_scan
from observatory import selectors as indicators
from tests.exhibitors.leads import stand_at, visitor
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db

FAIR = ZoneInfo("Africa/Casablanca")


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def test_stand_visits_counted_by_hour_and_sector(fair_today):
    fair_today.rehearsal = True
    fair_today.save()
    food = stand_at(fair_today, sector="agri_food")
    crafts = stand_at(fair_today, sector="crafts")
    other_food = stand_at(fair_today, sector="agri_food")
    people = [visitor(fair_today, findable=n % 2 == 0, number=n) for n in range(4)]
    rehearsal = visitor(fair_today, findable=False, number=9, category="test")
    day = fair_today.starts_on
    at = lambda hour, minute=0: datetime.datetime.combine(  # noqa: E731
        day, datetime.time(hour, minute), tzinfo=FAIR
    )
    scans = [
        (food, people[0], at(10)),
        (food, people[0], at(13)),  # the same visitor again: one visit, at its first hour
        (food, people[1], at(10, 59)),
        (crafts, people[2], at(12)),
        (other_food, people[3], at(13)),
        (crafts, rehearsal, at(11)),  # a test badge: never counted
    ]
    for stand, badge, moment in scans:
        lead_scan(application=stand, code=badge.code, scanned_at=moment)
    # A visitor who takes their visit back leaves it counted.
    lead_forget(visit=StandVisit.objects.get(application=other_food))

    by_hour = indicators.indicator("stand_visits_hour", fair_today)
    by_sector = indicators.indicator("stand_visits_sector", fair_today)

    assert by_hour.rows == [("10:00", 2), ("11:00", 0), ("12:00", 1), ("13:00", 1)]
    assert by_hour.headline == ("Stand visits", 4, "")
    assert by_hour.chart == "line"
    assert by_sector.rows == [("Agri-food", 3), ("Crafts", 1)]
    by_stand = indicators.indicator("stand_visits_stand", fair_today)
    assert by_stand.rows == [
        (f"{food.stand.code} · {food.cooperative.name}", 2),
        *sorted(
            [
                (f"{crafts.stand.code} · {crafts.cooperative.name}", 1),
                (f"{other_food.stand.code} · {other_food.cooperative.name}", 1),
            ]
        ),
    ]


def test_past_the_busiest_stands_the_others_are_summed(fair_today, monkeypatch):
    monkeypatch.setattr(indicators, "BUSIEST_STANDS", 1)
    busy, quiet, quieter = (stand_at(fair_today) for _n in range(3))
    people = [visitor(fair_today, findable=False, number=n) for n in range(3)]
    for stand, badge in [(busy, people[0]), (busy, people[1]), (quiet, people[2])]:
        lead_scan(application=stand, code=badge.code)
    lead_scan(application=quieter, code=people[0].code)

    rows = indicators.indicator("stand_visits_stand", fair_today).rows

    assert rows == [(f"{busy.stand.code} · {busy.cooperative.name}", 2), ("Other stands", 2)]


def test_other_editions_visits_are_not_counted(fair_today):
    last_year = EditionFactory()
    stand = stand_at(last_year)
    badge = visitor(last_year, findable=True)
    lead_scan(application=stand, code=badge.code)

    assert indicators.indicator("stand_visits_hour", fair_today).rows == []
    assert indicators.indicator("stand_visits_sector", fair_today).rows == []
    assert indicators.indicator("stand_visits_hour", last_year).headline.value == 1
