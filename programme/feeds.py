"""The programme's calendar feeds: the whole programme, a track, a session, a visitor's agenda.

Open to calendar apps without a log-in; the agenda's address is its secret. The texts are in
`?lang=` (ar, fr or en), Arabic when it is missing or unknown; an agenda's default is its
owner's language.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from events.models import Edition
from programme.ical import SPEAKERS, calendar_bytes
from programme.models import Agenda, ProgrammePage, Session, Speaker, Track
from programme.selectors import programme_version, visitor_sessions

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Calendar apps fetch feeds on their own schedule; five minutes of caching on the way costs
# an organiser's change little and spares the site a crowd of identical requests.
MAX_AGE = 300
SHARED_SECONDS = 10 * 60  # a renamed room or track shows within ten minutes


@require_safe
def programme_feed(request):
    """The current edition's programme: published and cancelled sessions."""
    language = _language(request)
    edition = Edition.objects.current()
    with translation.override(language):
        if edition is None:
            return _calendar_response(
                [], name=_("Regional SSE Fair"), language=language, filename="programme.ics"
            )
        return _calendar_response(
            lambda: _loaded(_public_sessions().filter(edition=edition)),
            name=_("Programme – %(edition)s") % {"edition": edition.name},
            language=language,
            filename=f"programme-{edition.year}.ics",
            shared=("programme", edition),
        )


@require_safe
def track_feed(request, slug):
    """One track of the current edition."""
    language = _language(request)
    edition = Edition.objects.current()
    if edition is None:
        raise Http404
    track = get_object_or_404(Track, edition=edition, slug=slug)
    with translation.override(language):
        return _calendar_response(
            lambda: _loaded(_public_sessions().filter(edition=edition, track=track)),
            name=f"{track.name} – {edition.name}",
            language=language,
            filename=f"{track.slug}-{edition.year}.ics",
            shared=(f"track-{track.pk}", edition),
        )


@require_safe
def session_feed(request, uid):
    """One published or cancelled session, of any edition."""
    language = _language(request)
    sessions = _loaded(_public_sessions().filter(uid=uid))
    if not sessions:
        raise Http404
    with translation.override(language):
        return _calendar_response(
            sessions, name=sessions[0].title, language=language, filename=f"session-{uid}.ics"
        )


@require_safe
def agenda_feed(request, secret):
    """The sessions a visitor starred or signed up for, for whoever holds the agenda's
    secret address."""
    agenda = get_object_or_404(Agenda.objects.select_related("user"), secret=secret)
    language = _language(request, agenda.user.language)
    with translation.override(language):
        response = _calendar_response(
            _loaded(
                _public_sessions().filter(pk__in=visitor_sessions(user=agenda.user).values("pk"))
            ),
            name=_("My agenda – Regional SSE Fair"),
            language=language,
            filename="agenda.ics",
        )
    response["Cache-Control"] = f"private, max-age={MAX_AGE}"
    response["X-Robots-Tag"] = "noindex"
    return response


def _language(request, default: str = settings.LANGUAGE_CODE) -> str:
    language = request.GET.get("lang")
    if language in LANGUAGES:
        return language
    return default if default in LANGUAGES else settings.LANGUAGE_CODE


def _public_sessions():
    """Published and cancelled sessions, with their editions, rooms, venues and tracks.

    These are prefetched rather than joined: a programme has a handful of each, and a join
    would build them again for every session (five objects a session, most of a feed's time).
    """
    return Session.objects.published().prefetch_related("edition__venue", "room__venue", "track")


def _loaded(sessions) -> list[Session]:
    """The sessions, with their speakers in SPEAKERS: at most eight queries in all.

    The speakers come from their own table once each, with the pairs from the table that
    links them to sessions: a prefetch of `speakers` would build a speaker object for every
    pair and a related manager for every session, a third of a feed's time.
    """
    loaded = list(sessions)
    pairs = list(
        Session.speakers.through.objects.filter(session__in=sessions)
        .order_by("speaker__name_latin", "speaker__name_ar", "speaker_id")
        .values_list("session_id", "speaker_id")
    )
    speakers = Speaker.objects.only("name_ar", "name_latin").in_bulk(
        {speaker_id for _session_id, speaker_id in pairs}
    )
    by_session = {}
    for session_id, speaker_id in pairs:
        by_session.setdefault(session_id, []).append(speakers[speaker_id])
    for session in loaded:
        setattr(session, SPEAKERS, by_session.get(session.pk, []))
    return loaded


def _session_link(language: str):
    """The address of a session's page in `language`, or None without a programme page.

    The address is worked out once for the whole feed, with a stand-in uid that each
    session's own replaces: the page's address and the route, looked up for each of 500
    sessions, would take a tenth of the feed's time.
    """
    page = ProgrammePage.in_language(language)
    base = page.full_url if page else None
    if not base:
        return lambda session: None
    stand_in = str(uuid.UUID(int=0))
    pattern = base + page.reverse_subpage("session", args=[stand_in])
    return lambda session: pattern.replace(stand_in, str(session.uid))


def _calendar_response(
    sessions, *, name: str, language: str, filename: str, shared: tuple | None = None
) -> HttpResponse:
    """The calendar of `sessions` (a list, or a function that loads it).

    `shared` (a feed's name and its edition) keeps the body in the cache that all the web
    processes share, until the edition's programme or a sign-up changes: a feed of hundreds
    of sessions is then written once per change, not once per process.
    """

    def render() -> bytes:
        listed = sessions() if callable(sessions) else sessions
        return calendar_bytes(listed, name=name, language=language, url_for=_session_link(language))

    modified = None
    if shared is None:
        body = render()
    else:
        feed, edition = shared
        version = programme_version(edition=edition, seats=False)
        key = "ical:" + hashlib.sha256(f"{feed}|{language}|{version}".encode()).hexdigest()
        kept = cache.get(key)
        if kept is None:
            kept = (render(), int(time.time()))
            cache.set(key, kept, SHARED_SECONDS)
        body, modified = kept
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = language
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    if modified is not None:
        # A calendar app asking again gets "304 Not Modified" until the programme changes
        # (ConditionalGetMiddleware compares; the ETag is the body's, the date its writing).
        response["ETag"] = f'"{key[5:37]}"'
        response["Last-Modified"] = http_date(modified)
    return response
