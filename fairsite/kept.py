"""What every public page looks up around its own content (which site and page answer an
address, the menu, the links to the other languages, the site's settings, the current
edition), worked out once per process and kept until the site's content changes.

The shared cache holds one token, the content version, replaced whenever a page is
published, moved or taken down, or a row that public pages show is saved (see
`fairsite.page_cache.forget_pages_when_changed`). A request reads it once
(`ContentVersionMiddleware`); each process keeps what it worked out under the version it saw,
so that a change made in one process is seen by all at their next request. A kept value also
expires after KEPT_SECONDS, for what changes without a signal (a bulk update).

Kept values are shared by every request of the process: read them, never change them (hand
out a copy where a caller may set attributes, as `kept_copy` does).
"""

import contextvars
import copy
import time
import uuid
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.core.cache import cache

VERSION_KEY = "content:version"
KEPT_SECONDS = 60
MOST_KEPT = 5000  # entries; the whole store is dropped beyond (menus and pages are few)

T = TypeVar("T")

_request_version: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "content_version", default=None
)
_kept: dict[Hashable, tuple[str, float, object]] = {}


def content_version() -> str:
    """The site's content version: read once per request, from the shared cache."""
    version = _request_version.get()
    return version if version is not None else _shared_version()


def content_changed_at() -> int | None:
    """When the content last changed (a Unix time), as its version says: what an answer made
    from the content gives as `Last-Modified`. None for a version that does not say."""
    _token, _dot, moment = content_version().partition(".")
    return int(moment) if moment.isdigit() else None


def content_changed() -> None:
    """The public pages' content changed: a new version, here and in every process."""
    version = _new_version()
    cache.set(VERSION_KEY, version, None)
    if _request_version.get() is not None:
        _request_version.set(version)


MISSING = object()


def kept(key: Hashable, compute: Callable[[], T]) -> T:
    """The value under `key` for the current content, worked out by `compute` when this
    process has none for it."""
    value = find_kept(key)
    if value is MISSING:
        value = compute()
        keep(key, value)
    return value  # type: ignore[return-value]


def find_kept(key: Hashable) -> object:
    """The value kept under `key` for the current content, or MISSING."""
    entry = _kept.get(key)
    if entry is not None and entry[0] == content_version() and entry[1] > time.monotonic():
        return entry[2]
    return MISSING


def keep(key: Hashable, value: object) -> None:
    if len(_kept) >= MOST_KEPT:
        _kept.clear()
    _kept[key] = (content_version(), time.monotonic() + KEPT_SECONDS, value)


def kept_copy(key: Hashable, compute: Callable[[], T]) -> T:
    """A shallow copy of the kept value (a model instance a request may annotate)."""
    value = kept(key, compute)
    return copy.copy(value) if value is not None else value


def _new_version() -> str:
    """A token no process has seen, and the time it was made."""
    return f"{uuid.uuid4().hex}.{int(time.time())}"


def _shared_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        # Never set, or the cache was emptied: a new version, so nothing kept before counts
        # (and a date from now on: nothing says what changed while it was lost).
        version = _new_version()
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY) or version
    return version


class ContentVersionMiddleware:
    """Reads the content version once for the whole request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set(_shared_version())
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)
