"""The public programme, served by ProgrammePage's routes: the day-by-day programme, a page
per session, the visitor's agenda and the list of changes.

Thin views: what a sign-up, a star or a new agenda address means is decided in
`events.services`; these read the request, call them, and say what happened.
"""

import functools
import re
import zoneinfo
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.selectors import shown_edition
from events.services.badge_links import badge_link_url
from events.services.people import attendee_of_account
from fairsite.i18n import active_language, as_written, join_list
from fairsite.kept import kept
from fairsite.services.site import public_url
from programme.choices import SessionStatus, SessionType, SignupStatus, SpokenLanguage
from programme.errors import ProgrammeError
from programme.forms import ProgrammeFilterForm
from programme.models import SessionSignup
from programme.selectors import (
    agenda_sessions,
    live_signup,
    programme_changes,
    programme_rooms,
    programme_session,
    programme_sessions,
    programme_tracks,
    sessions_by_day,
    visitor_signups,
    visitor_starred,
    visitor_starred_uids,
)
from programme.services.agenda import agenda_for, agenda_secret_reset, agenda_star, agenda_unstar
from programme.services.signups import session_signup_for_user, signup_cancel

ALL_DAYS = "all"


def ical_path(name: str, **kwargs) -> str:
    """A calendar feed's address, with its texts in the active language."""
    return f"{reverse(name, kwargs=kwargs)}?lang={active_language()}"


def programme_index(request, page):
    edition = shown_edition()
    context = {"edition": edition, "sessions_html": "", "session_count": 0}
    if edition is None:
        return page.render(request, context_overrides=context)
    tracks = kept(("programme tracks", edition.pk), lambda: list(programme_tracks(edition=edition)))
    query = request.GET.copy()
    every_day = query.get("day") == ALL_DAYS
    if every_day:
        query.pop("day")
    elif "day" not in query:
        # One day at a time, today's while the fair is on: a phone shows it at once.
        today = edition.today()
        query["day"] = (today if today in edition.days else edition.starts_on).isoformat()
    rooms = kept(("programme rooms", edition.pk), lambda: list(programme_rooms(edition=edition)))
    form = ProgrammeFilterForm(query, tracks=tracks, rooms=rooms, days=edition.days)
    filters = form.filters()
    track = next((track for track in tracks if track.slug == filters.get("track")), None)
    context.update(
        form=form,
        filtered=bool(set(filters) - {"day"}),
        every_day=every_day,
        days=_day_links(request, edition, None if every_day else filters.get("day")),
        programme_feed=ical_path("ical:programme"),
        track=track,
        track_feed=ical_path("ical:track", slug=track.slug) if track else "",
    )
    context["sessions_html"], context["session_count"] = _sessions_html(
        request, page, edition, filters, context
    )
    return page.render(request, context_overrides=context)


def _sessions_html(request, page, edition, filters, context) -> tuple[str, int]:
    """The day-by-day list of sessions, and how many.

    Everyone sees the same list, kept until the programme or a sign-up changes
    (fairsite.kept); each card holds a marker where a signed-in visitor's own buttons (their
    star, their sign-up) are put in for each request, without the list being made again.
    """
    key = ("programme list", page.pk, active_language(), tuple(sorted(filters.items())))

    def render() -> tuple[str, int]:
        listed = list(programme_sessions(edition=edition, **filters))
        sessions = _mark(request, page, listed, personal=False)
        html = render_to_string(
            "programme/includes/days.html",
            {
                **context,
                "groups": sessions_by_day(sessions, edition.time_zone),
                "labels": card_labels(),
                "page": page,
                "shared": True,
            },
        )
        return html, len(sessions)

    html, count = kept(key, render)
    if request.user.is_authenticated:
        html = _visitor_actions(request, page, html)
    else:
        html = ACTIONS_MARKER.sub("", html)
    return mark_safe(html), count  # noqa: S308 (rendered by the template engine, escaped)


ACTIONS_MARKER = re.compile(r"<!--actions ([0-9a-f-]{36}) (open|cancelled)-->")
STAND_IN_UID = "00000000-0000-0000-0000-000000000000"


def _visitor_actions(request, page, html: str) -> str:
    """Put the signed-in visitor's buttons in the shared list's markers: whether the session
    is in their agenda (and a button to change it), and their sign-up, drawn by the card's
    own template (`session_actions.html`). Two queries."""
    starred = {str(uid) for uid in visitor_starred_uids(user=request.user)}
    signups = {str(s.session.uid): s for s in visitor_signups(user=request.user).values()}
    base = page.get_url(request)
    # The template is rendered once per card with a plain Context: the request's context
    # processors have nothing to add here, and would run for every card.
    template = get_template("programme/includes/session_actions.html").template
    shared = {"request": request, "csrf_token": get_token(request), "labels": card_labels()}

    def render(uid: str, on: bool, cancelled: bool) -> str:
        card = SimpleNamespace(
            uid=uid,
            is_starred=on,
            is_cancelled=cancelled,
            my_signup=signups.get(uid),
            star_url=base + page.reverse_subpage("unstar" if on else "star", args=[uid]),
        )
        return template.render(Context({**shared, "session": card}))

    # A card without a sign-up differs from another in the same state by its uid only: its
    # buttons are drawn once per state and the uid written in.
    drawn: dict[tuple[bool, bool], str] = {}

    def actions(match) -> str:
        uid, cancelled = match.group(1), match.group(2) == "cancelled"
        on = uid in starred
        if uid in signups:
            return render(uid, on, cancelled)
        if (on, cancelled) not in drawn:
            drawn[on, cancelled] = render(STAND_IN_UID, on, cancelled)
        return drawn[on, cancelled].replace(STAND_IN_UID, uid)

    return ACTIONS_MARKER.sub(actions, html)


def _day_links(request, edition, active) -> list[dict]:
    """The day switcher: every day of the edition, then all of them, keeping the other
    filters."""
    query = request.GET.copy()
    links = []
    for day in edition.days:
        query["day"] = day.isoformat()
        links.append({"day": day, "query": query.urlencode(), "active": day == active})
    query["day"] = ALL_DAYS
    links.append({"day": None, "query": query.urlencode(), "active": active is None})
    return links


def session_detail(request, page, uid):
    session = _public_session_or_404(uid)
    _mark(request, page, [session])
    now = timezone.now()
    return page.render(
        request,
        template="programme/session.html",
        context_overrides={
            "session": session,
            "edition": session.edition,
            "is_over": session.ends_at <= now,
            "takes_signups": session.signup_required
            and session.status == SessionStatus.PUBLISHED
            and session.ends_at > now,
            "session_feed": ical_path("ical:session", uid=session.uid),
        },
    )


def visitor_post(view):
    """A POST route for signed-in visitors; anyone else is sent to sign in first, and comes
    back to the page they were on."""

    @functools.wraps(view)
    def wrapper(request, page, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.is_authenticated:
            return redirect_to_login(_next_url(request) or page.get_url(request))
        return view(request, page, *args, **kwargs)

    return wrapper


@visitor_post
def session_signup_view(request, page, uid):
    session = _public_session_or_404(uid)
    signed_up_and_told(request, lambda: session_signup_for_user(user=request.user, session=session))
    return _back(request, page, session)


def signed_up_and_told(request, sign_up) -> None:
    """Run `sign_up` (a sign-up service call) and tell the visitor how it went."""
    try:
        signup = sign_up()
    except ProgrammeError as error:
        messages.error(request, str(error))
        return
    title = signup.session.title
    if signup.status == SignupStatus.CONFIRMED:
        messages.success(request, _("You have a place at “%(session)s”.") % {"session": title})
    else:
        messages.info(
            request,
            _(
                "“%(session)s” is full: you are on the waiting list. We will write to you "
                "if a place comes free."
            )
            % {"session": title},
        )


@visitor_post
def signup_cancel_view(request, page, signup_id):
    signup = live_signup(signup_id, attendee__user=request.user)
    if signup is None:
        raise Http404
    cancelled_and_told(request, signup)
    return _back(request, page, signup.session)


def cancelled_and_told(request, signup: SessionSignup) -> None:
    """Give up the sign-up and tell the visitor how it went."""
    was_waiting = signup.status == SignupStatus.WAITING
    try:
        signup_cancel(signup=signup)
    except ProgrammeError as error:
        messages.error(request, str(error))
        return
    if was_waiting:
        message = _("You have left the waiting list of “%(session)s”.")
    else:
        message = _("You have given up your place at “%(session)s”.")
    messages.success(request, message % {"session": signup.session.title})


@visitor_post
def session_star_view(request, page, uid):
    session = _public_session_or_404(uid)
    agenda_star(user=request.user, session=session)
    messages.success(request, _("“%(session)s” is in your agenda.") % {"session": session.title})
    return _back(request, page, session)


@visitor_post
def session_unstar_view(request, page, uid):
    session = _public_session_or_404(uid)
    agenda_unstar(user=request.user, session=session)
    messages.success(
        request, _("“%(session)s” is no longer in your agenda.") % {"session": session.title}
    )
    return _back(request, page, session)


def agenda_view(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    agenda = agenda_for(user=request.user)
    edition = shown_edition()
    sessions = list(agenda_sessions(user=request.user, edition=edition)) if edition else []
    _mark(request, page, sessions)
    # The badge registered with the account's address or number, found and linked here.
    attendee = attendee_of_account(user=request.user, edition=edition) if edition else None
    badge = attendee.badges.active().first() if attendee else None
    feed = ical_path("ical:agenda", secret=agenda.secret)
    https_feed = public_url(feed)
    return page.render(
        request,
        template="programme/agenda.html",
        context_overrides={
            "edition": edition,
            "agenda": agenda,
            "groups": sessions_by_day(sessions, edition.time_zone) if edition else [],
            "labels": card_labels(),
            "agenda_feed": https_feed,
            "agenda_webcal": "webcal://" + https_feed.split("://", 1)[1],
            "badge_url": badge_link_url(badge, language=get_language()) if badge else "",
        },
    )


@visitor_post
def agenda_reset_view(request, page):
    agenda_secret_reset(agenda=agenda_for(user=request.user))
    messages.success(
        request,
        _(
            "Your agenda has a new calendar address: subscribe to it again in your calendar "
            "app. The old address no longer works."
        ),
    )
    return redirect(page.get_url(request) + page.reverse_subpage("agenda"))


def changes_view(request, page):
    edition = shown_edition()
    return page.render(
        request,
        template="programme/changes.html",
        context_overrides={
            "edition": edition,
            "changes": list(programme_changes(edition=edition)) if edition else [],
        },
    )


def _mark(request, page, sessions: list, *, personal: bool = True) -> list:
    """Give each session what its card shows beyond its fields: its page's address
    (`page_url`), its type and language in words, whether it is in the visitor's agenda
    (`is_starred`) and the visitor's sign-up (`my_signup`, None without one).

    Two queries for the whole list; the rest is worked out once, not once per session.
    Without `personal`, the cards are everyone's: nobody's agenda or sign-ups.
    """
    starred = visitor_starred(user=request.user) if personal else set()
    signups = visitor_signups(user=request.user) if personal else {}
    base = page.get_url(request)
    types = dict(SessionType.choices)
    languages = dict(SpokenLanguage.choices)
    zones = {}
    for session in sessions:
        uid = str(session.uid)
        session.page_url = base + page.reverse_subpage("session", args=[uid])
        session.type_label = types.get(session.type, session.type)
        session.language_label = languages.get(session.language, session.language)
        session.is_starred = session.pk in starred
        session.star_url = base + page.reverse_subpage(
            "unstar" if session.is_starred else "star", args=[uid]
        )
        session.my_signup = signups.get(session.pk)
        zone = zones.setdefault(
            session.edition.time_zone, zoneinfo.ZoneInfo(session.edition.time_zone)
        )
        starts, ends = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
        session.starts_iso, session.ends_iso = starts.isoformat(), ends.isoformat()
        session.time_range = f"{starts:%H:%M}–{ends:%H:%M}"
        session.speaker_names = join_list(
            as_written(speaker.name) for speaker in session.speakers.all()
        )
    return sessions


def card_labels() -> dict:
    """The words every session card repeats, translated once for the whole list."""
    return {
        "cancelled": _("Cancelled"),
        "language": _("Language spoken"),
        "speakers": _("Speakers"),
        "signup_required": _("Sign-up required"),
        "full": _("Full: waiting list open"),
        "star": _("Add to my agenda"),
        "unstar": _("Remove from my agenda"),
    }


def _public_session_or_404(uid):
    session = programme_session(uid=uid)
    if session is None:
        raise Http404
    return session


def _next_url(request) -> str:
    """The page a form was posted from, when it is one of this site's."""
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def _back(request, page, session):
    """Post, redirect, get: back to the page the visitor was on, else the session's."""
    return redirect(_next_url(request) or page.session_url(session))
