"""The programme for partners' sites: a compact page made to be framed (the only page of the
site that may be), filtered by track, partner region or day, in the address's language.

A partner pastes `static/js/programme-widget.js` as a script tag, which puts this page in an
iframe and sizes it to its content; or frames the page itself.
"""

import dataclasses
import datetime
import hashlib
from types import SimpleNamespace

from csp.decorators import csp_replace
from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from events.models import Edition
from fairsite.i18n import active_language, as_written, join_list, localized_value
from programme.choices import SpokenLanguage
from programme.models import ProgrammePage, Session
from programme.selectors import (
    day_bounds,
    programme_tracks,
    programme_version,
    public_session_queryset,
    sessions_by_day,
)

# Who may frame the widget: every site unless the settings name some
# (PROGRAMME_WIDGET_FRAME_ANCESTORS = ["https://partner.example"]).
FRAME_ANCESTORS = getattr(settings, "PROGRAMME_WIDGET_FRAME_ANCESTORS", None) or ["*"]
# A partner's page is read by many; the list changes at once when the programme does
# (the cache key holds its version), browsers and proxies keep a copy a few minutes.
WIDGET_CACHE_SECONDS = 10 * 60
BROWSER_CACHE_SECONDS = 5 * 60
TODAY = "today"


@dataclasses.dataclass(frozen=True)
class PartnerRegionChoice:
    slug: str
    name: str


def widget_regions(*, edition: Edition) -> list[PartnerRegionChoice]:
    """The public partner regions with a delegation at one of the edition's public sessions
    (a public partnership meeting held as a session), by name; one query. A confidential
    partnership is never named."""
    rows = (
        Session.objects.published()
        .filter(edition=edition, partnership_meeting__is_public=True)
        .values_list(
            "partnership_meeting__delegations__slug",
            "partnership_meeting__delegations__is_public",
            "partnership_meeting__delegations__name_ar",
            "partnership_meeting__delegations__name_fr",
            "partnership_meeting__delegations__name_en",
        )
        .distinct()
    )
    language = active_language()
    regions = {}
    for slug, is_public, name_ar, name_fr, name_en in rows:
        if slug and is_public:
            names = SimpleNamespace(name_ar=name_ar, name_fr=name_fr, name_en=name_en)
            name = localized_value(names, "name", language)
            regions[slug] = PartnerRegionChoice(slug=slug, name=name)
    return sorted(regions.values(), key=lambda region: region.name)


def widget_sessions(
    *, edition: Edition, track: str = "", region: str = "", day: datetime.date | None = None
) -> QuerySet[Session]:
    """The edition's published and cancelled sessions for the widget, in time order; `region`
    keeps those that are a public meeting with that partner region's delegation."""
    sessions = Session.objects.published().filter(edition=edition)
    if track:
        sessions = sessions.filter(track__slug=track)
    if region:
        meetings = Session.objects.filter(
            partnership_meeting__is_public=True,
            partnership_meeting__delegations__slug=region,
            partnership_meeting__delegations__is_public=True,
        )
        sessions = sessions.filter(pk__in=meetings.values("pk"))
    if day:
        starts, ends = day_bounds(day, edition.time_zone)
        sessions = sessions.filter(starts_at__gte=starts, starts_at__lt=ends)
    return public_session_queryset(sessions).order_by("starts_at", "room__order", "pk")


def _day(value: str, edition: Edition) -> datetime.date | None:
    """`day=2031-05-13`, or `day=today` (the fair's today); a day outside the edition, or no
    day, is every day."""
    if value == TODAY:
        day = edition.today()
    else:
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return day if day in edition.days else None


@require_GET
@xframe_options_exempt
@csp_replace({"frame-ancestors": FRAME_ANCESTORS})
@cache_control(public=True, max_age=BROWSER_CACHE_SECONDS)
def programme_widget(request):
    """The current edition's programme, compact, for an iframe on a partner's site. A wrong
    filter is left out, as on the programme page."""
    edition = Edition.objects.current()
    context = {"edition": edition, "list_html": ""}
    if edition is None:
        return render(request, "programme/widget.html", context)
    tracks = list(programme_tracks(edition=edition))
    regions = widget_regions(edition=edition)
    track = next((t for t in tracks if t.slug == request.GET.get("track")), None)
    region = next((r for r in regions if r.slug == request.GET.get("region")), None)
    day = _day(request.GET.get("day", ""), edition)
    context.update(track=track, region=region, day=day)
    filters = {
        "track": track.slug if track else "",
        "region": region.slug if region else "",
        "day": day,
    }
    key = (
        "programme-widget:"
        + hashlib.sha256(
            f"{active_language()}|{sorted(filters.items())}|"
            f"{programme_version(edition=edition, seats=False)}".encode()
        ).hexdigest()
    )
    html = cache.get(key)
    if html is None:
        page = ProgrammePage.in_language(active_language())
        sessions = _mark(list(widget_sessions(edition=edition, **filters)), page, edition)
        groups = sessions_by_day(sessions, edition.time_zone)
        html = render_to_string(
            "programme/widget_list.html",
            {
                **context,
                "groups": [(date_format(when, "l j F"), group) for when, group in groups],
                "programme_url": page.full_url if page else "",
                "cancelled": _("Cancelled"),
            },
        )
        cache.set(key, html, WIDGET_CACHE_SECONDS)
    context["list_html"] = mark_safe(html)  # noqa: S308 (rendered by the template engine, escaped)
    return render(request, "programme/widget.html", context)


def _mark(sessions: list[Session], page: ProgrammePage | None, edition: Edition) -> list:
    """What a line of the widget shows beyond the session's fields: its time on the fair's
    clock, its speakers, its language in words and the address of its page (outside the
    frame)."""
    zone = edition.zone
    languages = dict(SpokenLanguage.choices)
    base = page.full_url if page else ""
    for session in sessions:
        starts, ends = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
        session.starts_iso = starts.isoformat()
        session.time_range = f"{starts:%H:%M}–{ends:%H:%M}"
        session.speaker_names = join_list(as_written(s.name) for s in session.speakers.all())
        session.language_label = languages.get(session.language, session.language)
        session.page_url = (
            base + page.reverse_subpage("session", args=[str(session.uid)]) if page else ""
        )
    return sessions
