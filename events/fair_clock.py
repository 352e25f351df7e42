"""The fair's clock in the admin: times are read and typed in the edition's time zone
(Africa/Casablanca moves its clock around Ramadan), whatever the time zone of the server or
of the organiser's account."""

import datetime
import zoneinfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail.admin.ui.components import Component
from wagtail.users.models import UserProfile

from events.models import Edition
from events.selectors import shown_edition

# Times read left to right in every language: isolated, they keep their order in Arabic.
LTR, POP = "\u2066", "\u2069"  # left-to-right isolate, pop directional isolate
JOIN = "\u2060"  # word joiner: "10:00–11:30" is not broken across lines


def edition_zone(edition: Edition | None) -> zoneinfo.ZoneInfo:
    """The time zone of the edition's clocks (the project's own without an edition)."""
    return edition.zone if edition else zoneinfo.ZoneInfo(settings.TIME_ZONE)


def fair_clock_zone() -> zoneinfo.ZoneInfo:
    """The current edition's clocks (the edition as kept until the content changes: asked at
    every request)."""
    return edition_zone(shown_edition())


def utc_offsets(
    zone: zoneinfo.ZoneInfo, start: datetime.datetime, end: datetime.datetime
) -> list[list[int]]:
    """The zone's UTC offsets from `start` to `end`: [[since, minutes], ...], `since` in
    milliseconds since 1970 (the first entry since `start`), one entry per change.

    The gate page reads its clock from this rather than from the browser: a browser's own
    zone data may lag behind Morocco's (Chromium 156 puts Africa/Casablanca at UTC+0 from
    the end of 2026).
    """
    offsets: list[list[int]] = []
    at = start.replace(minute=0, second=0, microsecond=0)
    while at <= end:
        minutes = int(at.astimezone(zone).utcoffset().total_seconds() // 60)
        if not offsets or offsets[-1][1] != minutes:
            offsets.append([int(max(at, start).timestamp() * 1000), minutes])
        at += datetime.timedelta(hours=1)
    return offsets


def fair_time(value: datetime.datetime | None) -> str:
    """A moment as the admin shows it, on the clock in effect: "Sat 15 May 2027 15:00"."""
    if value is None:
        return "-"
    moment = timezone.localtime(value)
    return f"{date_format(moment, 'D j F Y')} {LTR}{moment:%H:%M}{POP}"


class FairTimeDisplay(Component):
    """How an inspect view shows a date and time field: Wagtail's own display formats the
    stored value as it is, in UTC."""

    def __init__(self, value):
        self.value = value

    def render_html(self, parent_context=None):
        return format_html("{}", fair_time(self.value))


class FairClockMiddleware:
    """Every admin request runs on the fair's clock: what the pages show, what the forms
    read, and the times typed in them.

    Wagtail sets the clock of each admin view from the organiser's profile (or the server's
    zone), inside the view: the profile it reads carries the fair's zone for the request.
    Nothing saves it, and the admin offers no choice of zone (WAGTAIL_USER_TIME_ZONES)."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    def __call__(self, request):
        if not request.path_info.startswith(self.admin_prefix):
            return self.get_response(request)
        zone = fair_clock_zone()
        user = request.user
        if user.is_authenticated:
            try:
                profile = user.wagtail_userprofile
            except UserProfile.DoesNotExist:
                profile = user.wagtail_userprofile = UserProfile()
            profile.current_time_zone = zone.key
        with timezone.override(zone):
            return self.get_response(request)
