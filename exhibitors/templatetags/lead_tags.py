"""The stands that scanned a visitor's badge, for the badge page that events renders:
`{% load lead_tags %}{% stands_that_scanned badge token %}` (events imports nothing of this
app; the template loads the tag)."""

from django import template

from events.choices import ConsentKind
from events.services.consents import consent_holds
from exhibitors.selectors import stands_that_scanned as visits_of

register = template.Library()


@register.inclusion_tag("exhibitors/includes/stands_that_scanned.html")
def stands_that_scanned(badge, token):
    """Each stand that holds the badge holder's visit, with a button to take it away, and
    whether those stands see the holder's contact (their choice on the same page)."""
    return {
        "visits": list(visits_of(badge.attendee)),
        "shared": consent_holds(kind=ConsentKind.FINDABLE, attendee=badge.attendee),
        "token": token,
        "zone": badge.edition.zone,
    }
