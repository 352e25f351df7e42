"""Sessions' times as the fair shows them (its own time zone, the reader's language), and
links to their pages."""

from django import template
from django.urls import reverse
from django.utils.formats import date_format

from fairsite.i18n import active_language
from programme.certificates import certificate_code
from programme.models import ProgrammePage
from programme.selectors import attendance_certificates as attendance_certificates_of
from programme.selectors import badge_sessions as badge_sessions_of

register = template.Library()


@register.simple_tag
def session_when(session, at=None) -> str:
    """“Tuesday 12 May 2026, 10:00–11:30” in the edition's time zone; `at` shows another
    start (the one before a change) with the session's length."""
    zone = session.edition.zone
    begins = at or session.starts_at
    starts = begins.astimezone(zone)
    ends = (begins + (session.ends_at - session.starts_at)).astimezone(zone)
    day = date_format(starts, "l j F Y")
    return f"{day}, {starts:%H:%M}–{ends:%H:%M}"


@register.simple_tag
def session_link(session) -> str:
    """The session's page in the active language, as a full address ("" without one)."""
    page = ProgrammePage.in_language(active_language())
    return page.session_url(session, full=True) if page else ""


@register.simple_tag
def programme_url() -> str:
    """The programme's page in the active language ("" while there is none)."""
    page = ProgrammePage.in_language(active_language())
    return page.url if page else ""


@register.inclusion_tag("programme/includes/certificates.html")
def attendance_certificates(attendee=None, user=None) -> dict:
    """Links to the attendance certificates of a registration (a badge's page) or of an
    account (its agenda); nothing when there are none."""
    attendances = attendance_certificates_of(
        attendees=[attendee] if attendee is not None else None, user=user
    )
    links = [
        (attendance, reverse("attendance:certificate", args=[certificate_code(attendance)]))
        for attendance in attendances
    ]
    return {"certificates": links}


@register.inclusion_tag("programme/includes/badge_sessions.html", takes_context=True)
def badge_sessions(context, badge, token) -> dict:
    """The sessions its holder can sign up for from the badge's page (`token`, its link)."""
    return {
        "sessions": badge_sessions_of(attendee=badge.attendee),
        "token": token,
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }
