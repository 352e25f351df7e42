"""Reads of the events app that several places use (the observatory, the desk)."""

from django.db.models import Count, Q

from events.choices import AttendeeCategory, BadgeStatus, RegisteredVia
from events.models import Attendee, Edition
from fairsite.kept import kept_copy


def registrations_by_way(edition: Edition, *, category: str = "") -> dict[str, int]:
    """How many people of `edition` (of one `category`, or all) came to their badge each way,
    by RegisteredVia value, in its order, every way named (0 for none): walk-ins are those of
    the desk, of the kiosk and of the blank badges bound at the desk.

    A blank badge waiting for its holder (no name, still active) is nobody yet, and test
    badges are nobody at all: both are left out. A person who had their data erased stays
    counted: erasing takes the name out but keeps the row, its way, and revokes the badge.
    """
    attendees = Attendee.objects.filter(edition=edition).exclude(category=AttendeeCategory.TEST)
    if category:
        attendees = attendees.filter(category=category)
    waiting_blank = Q(full_name="", registered_via=RegisteredVia.ONLINE) & Q(
        badges__status=BadgeStatus.ACTIVE
    )
    counts = dict(
        attendees.exclude(waiting_blank)
        .values_list("registered_via")
        .annotate(count=Count("pk", distinct=True))
        .order_by()
    )
    return {way: counts.get(way, 0) for way in RegisteredVia.values}


def shown_edition() -> Edition | None:
    """The current edition as public pages show it: kept per process until the content
    changes (fairsite.kept). Services that write use Edition.objects.current()."""
    return kept_copy(("current edition",), Edition.objects.current)
