"""Which Wagtail site and page answer an address, kept per process (`fairsite.kept`).

Wagtail looks both up at every request: the site from the host (a query), then the page by
walking the tree from the site's root in the reader's language, one query or two per level.
The answers change only when pages or sites do, so they are kept with the content version
and handed to Wagtail on the request (`request._wagtail_site`,
`request._wagtail_route_for_request`), where Wagtail reads them before looking itself.

What stays per request: the page is a copy of the kept one, a routable page resolves its own
sub-path (no query), and Wagtail's hooks run as they always do. The view restrictions that
Wagtail's hook checks on the page are kept with it (their rows are content too), and so are
the sites' root paths that every page link is worked out from.
"""

import copy

from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from fairsite.kept import MISSING, find_kept, keep, kept


class KeptRoutesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        site = kept(("site", request.get_host()), lambda: Site.find_for_request(request))
        if site is None:
            return None
        request._wagtail_site = site
        request._wagtail_cached_site_root_paths = kept("site-root-paths", Site.get_site_root_paths)
        if view_func is wagtail_views.serve and request.method in ("GET", "HEAD"):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            request._wagtail_route_for_request = page_route(request, site, path)
        return None


def page_route(request, site: Site, path: str):
    """Wagtail's route for `path` (page, args, kwargs), or None for no page (a 404)."""
    components = [component for component in path.split("/") if component]
    language = get_language()
    # From the deepest page that a kept route reached on the way to this address, as
    # Wagtail would from the site's root: a routable page's sub-path, or its children.
    for depth in range(len(components), -1, -1):
        found = find_kept(("route", site.pk, language, tuple(components[:depth])))
        if found is not MISSING:
            try:
                result = copy.copy(found).route(request, components[depth:])
            except Http404:
                return None
            break
    else:
        result = Page.route_for_request(request, path)
    if result is not None:
        page = result[0]
        key = ("route", site.pk, language, tuple(components[: page.depth - site.root_page.depth]))
        if find_kept(key) is MISSING:
            keep(key, copy.copy(page))
        # For Wagtail's view restrictions hook, on this request's copy only (the admin asks
        # the page's own method for a query set).
        restrictions = kept(
            ("view-restrictions", page.pk), lambda: list(Page.get_view_restrictions(page))
        )
        page.get_view_restrictions = lambda: restrictions
    return result
