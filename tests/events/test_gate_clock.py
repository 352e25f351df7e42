import datetime
from zoneinfo import ZoneInfo

from events.fair_clock import utc_offsets

CASABLANCA = ZoneInfo("Africa/Casablanca")
UTC = datetime.UTC


def test_the_offsets_follow_moroccos_clock_around_ramadan():
    start = datetime.datetime(2027, 1, 20, 10, 30, tzinfo=UTC)
    end = datetime.datetime(2027, 4, 1, tzinfo=UTC)

    offsets = utc_offsets(CASABLANCA, start, end)

    assert [minutes for _since, minutes in offsets] == [60, 0, 60]
    assert offsets[0][0] == int(start.timestamp() * 1000)
    for since, minutes in offsets[1:]:
        at = datetime.datetime.fromtimestamp(since / 1000, UTC)
        assert at.astimezone(CASABLANCA).utcoffset() == datetime.timedelta(minutes=minutes)
        before = at - datetime.timedelta(hours=1)
        assert before.astimezone(CASABLANCA).utcoffset() != datetime.timedelta(minutes=minutes)


def test_a_zone_without_changes_has_one_offset():
    start = datetime.datetime(2026, 12, 3, tzinfo=UTC)

    assert utc_offsets(CASABLANCA, start, start + datetime.timedelta(days=10)) == [
        [int(start.timestamp() * 1000), 60]
    ]
