"""Public pages as visitors without an account see them, kept a few seconds in the shared
cache: on the opening morning hundreds of people read the same home, programme and
directory pages, and a kept page costs a cache read instead of a render.

Only Wagtail's pages (and their routes) are kept, only for GET, only when the
visitor has no session (nobody signed in, no message waiting) and only a 200 answer that sets
no cookie and is not marked private: a page with a form (its CSRF cookie) or anything about
one person is never kept. A published or unpublished page clears them all; otherwise a kept
page is at most PAGE_CACHE_SECONDS old (0 turns the cache off); `pages_changed` is connected
to Wagtail's signals in fairsite.apps.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse

from fairsite.kept import content_changed, content_version

KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options", "Link")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not _anonymous_read(request):
            return self.get_response(request)
        key = _key(request)
        kept = cache.get(key)
        if kept is not None:
            status, headers, content = kept
            response = HttpResponse(content, status=status)
            for name, value in headers.items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _keepable(request, response):
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(key, (response.status_code, headers, response.content), seconds)
        return response


def _anonymous_read(request) -> bool:
    return request.method == "GET" and not (
        settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES
    )


def _keepable(request, response) -> bool:
    match = getattr(request, "resolver_match", None)
    cache_control = response.get("Cache-Control", "")
    return (
        match is not None
        and match.url_name == "wagtail_serve"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # The page holds a CSRF token (a form): this visitor's, nobody else's.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _key(request) -> str:
    return f"pagecache:{content_version()}:{request.get_host()}:{request.get_full_path()}"


def pages_changed(**kwargs) -> None:
    """Forget every kept page, and what pages keep (fairsite.kept): the next visitor gets a
    fresh one."""
    content_changed()
    # And again once the change is committed: another process that read the rows between
    # the save and the commit kept what it saw, under the first new version.
    transaction.on_commit(content_changed)


def forget_pages_when_changed(*models) -> None:
    """Forget the kept pages whenever a row of `models` (what public pages show: sessions,
    exhibitors, partner regions...) is saved or deleted, so visitors see a change at once."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                _changed,
                sender=model,
                weak=False,
                dispatch_uid=f"page_cache:{signal is post_save}:{model._meta.label}",
            )


def forget_pages_when_linked(*through_models) -> None:
    """The same for links of a many-to-many field (a user's groups, a group's permissions),
    given by the field's `through` model."""
    for through in through_models:
        uid = f"page_cache:m2m:{through._meta.label}"
        m2m_changed.connect(_linked, sender=through, weak=False, dispatch_uid=uid)


def _changed(sender, **kwargs) -> None:
    pages_changed()


def _linked(sender, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        pages_changed()
