"""The settings for running the suite at another hour of the fair's clock with libfaketime.

    python tests/clock_at.py 08:30      ->  @2026-12-03 07:30:00  (FAKETIME: that UTC instant)
    python tests/clock_at.py --library  ->  the path of libfaketime.so.1 (LD_PRELOAD)

The instant is today's date at that hour in Africa/Casablanca, which moves between UTC+1 and
UTC+0 around Ramadan; the clock then runs on from it. `make test-at HOUR=08:30` uses both.

The library is the one the PyPI package `libfaketime` builds: with Python 3.11, Debian
bookworm's libfaketime 0.9.10 either hangs every lock wait with a timeout (when it fakes the
monotonic clock) or fails every time.sleep() (when it leaves it alone); this one leaves the
monotonic clock alone and sleeps right.
"""

import datetime
import sys
import zoneinfo
from pathlib import Path

import libfaketime

FAIR_ZONE = zoneinfo.ZoneInfo("Africa/Casablanca")


def faketime_start(hour_minute: str, *, now: datetime.datetime | None = None) -> str:
    hour, minute = (int(part) for part in hour_minute.split(":"))
    today = (now or datetime.datetime.now(datetime.UTC)).astimezone(FAIR_ZONE).date()
    local = datetime.datetime.combine(today, datetime.time(hour, minute), tzinfo=FAIR_ZONE)
    return "@" + local.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")


def library() -> Path:
    return Path(libfaketime.__file__).parent / "vendor" / "libfaketime" / "src" / "libfaketime.so.1"


if __name__ == "__main__":
    print(library() if sys.argv[1] == "--library" else faketime_start(sys.argv[1]))
