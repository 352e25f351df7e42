"""The current edition's programme as frab schedule.xml and schedule.json, below the programme
page's address in its language: /<lang>/programme/schedule.xml.

Open to every app without a log-in, like the calendar feeds, and cached the same way: five
minutes on the way, and the document itself kept in the shared cache until the site's
content changes (`fairsite.kept`: a session, and as much a renamed room, track or speaker).
Apps that poll get `ETag` and `Last-Modified` (that change's time), and a 304 when nothing
changed.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from events.models import Edition
from fairsite.i18n import active_language
from fairsite.kept import content_changed_at, content_version
from programme.feeds import MAX_AGE, SHARED_SECONDS
from programme.frab import schedule_data, schedule_json, schedule_xml
from programme.selectors import programme_sessions

FORMATS = {
    "xml": (schedule_xml, "application/xml; charset=utf-8"),
    "json": (schedule_json, "application/json"),
}


@require_safe
def schedule_xml_view(request, page):
    return _schedule_response(request, page, "xml")


@require_safe
def schedule_json_view(request, page):
    return _schedule_response(request, page, "json")


def _schedule_response(request, page, format: str) -> HttpResponse:
    """The document, or 404 while there is no current edition. A fixed number of queries,
    however many sessions: after Wagtail's routing, the edition, then when the content has
    changed the sessions and their speakers."""
    edition = Edition.objects.current()
    if edition is None:
        raise Http404
    language = active_language()
    base_url = page.get_full_url(request)
    version = f"{edition.pk}|{content_version()}"
    key = "frab:" + hashlib.sha256(f"{format}|{language}|{base_url}|{version}".encode()).hexdigest()
    kept = cache.get(key)
    if kept is None:
        data = schedule_data(
            programme_sessions(edition=edition),
            edition=edition,
            language=language,
            base_url=base_url,
            url_for=_session_link(page, base_url),
        )
        render, _content_type = FORMATS[format]
        kept = (render(data), f'"{data["schedule"]["version"]}"')
        cache.set(key, kept, SHARED_SECONDS)
    body, etag = kept
    last_modified = content_changed_at()
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = HttpResponse(body, content_type=FORMATS[format][1])
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    response["Content-Language"] = language
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    # Open data: a partner's page may read it from its own address (nothing in it is private).
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _session_link(page, base_url: str):
    """The address of a session's page, worked out once with a stand-in uid (as the calendar
    feeds do): the route, reversed for each of hundreds of sessions, would cost more than
    the document."""
    stand_in = str(uuid.UUID(int=0))
    pattern = base_url + page.reverse_subpage("session", args=[stand_in])
    return lambda session: pattern.replace(stand_in, str(session.uid))
