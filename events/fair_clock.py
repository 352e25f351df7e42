"""The fair's clock in the admin: times are read and typed in the edition's time zone
(Africa/Casablanca moves its clock around Ramadan), whatever the time zone of the server or
of the organiser's account."""

import zoneinfo

from django.conf import settings
from django.utils import timezone

from events.models import Edition

# Times read left to right in every language: isolated, they keep their order in Arabic.
LTR, POP = "\u2066", "\u2069"  # left-to-right isolate, pop directional isolate
JOIN = "\u2060"  # word joiner: "10:00–11:30" is not broken across lines


def edition_zone(edition: Edition | None) -> zoneinfo.ZoneInfo:
    """The time zone of the edition's clocks (the project's own without an edition)."""
    return zoneinfo.ZoneInfo(edition.time_zone if edition else settings.TIME_ZONE)


def fair_clock_zone() -> zoneinfo.ZoneInfo:
    """The current edition's clocks."""
    return edition_zone(Edition.objects.current())


class FairClockMixin:
    """For an admin view whose times are on the fair's clocks: the form reads them, and the
    page shows them, in the current edition's time zone."""

    def dispatch(self, request, *args, **kwargs):
        with timezone.override(fair_clock_zone()):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response
