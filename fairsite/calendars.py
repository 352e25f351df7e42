"""What every calendar feed of the site shares (the programme's, a B2B participant's): the
calendar's header, the domain of its UIDs, and the time zone component.

Times are written in the edition's time zone with a VTIMEZONE that covers the feed's dates:
Morocco puts its clocks back an hour during Ramadan, and a calendar that guessed the offset
from the zone's name alone would show every event of that month an hour off.
"""

import datetime
import functools
from urllib.parse import urlsplit

from django.conf import settings
from icalendar import Calendar, Timezone, vDuration

PRODID = "-//Regional Council of the Oriental//fairsite//EN"
# How often subscribed calendars are asked to fetch the feed again.
REFRESH = datetime.timedelta(hours=1)


def uid_domain() -> str:
    """The host that follows the session's uuid in every UID: the site's own address."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def published_calendar(name: str) -> Calendar:
    """An empty calendar as the site publishes them: its name, and how often apps should
    fetch it again."""
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.calendar_name = name
    calendar.add("REFRESH-INTERVAL", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    return calendar


# Timezone.from_tzid searches the whole span for changes of offset: once per span is enough.
@functools.lru_cache(maxsize=64)
def vtimezone(tzid: str, first: datetime.date, last: datetime.date) -> Timezone:
    return Timezone.from_tzid(tzid, first_date=first, last_date=last)
