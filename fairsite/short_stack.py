"""The gates' API on a short middleware stack.

A gate sends a scan every second or two at the busiest hour, and its JSON API needs little
of what a page needs: no session, no signed-in user, no messages, no kept pages, no content
security policy for HTML, no Wagtail site. Requests under GATE_API go to a second Django
handler built with GATE_MIDDLEWARE only (the request id and its log line, the security
headers, the host check, the reader's language); every other request goes through the full
stack. Same settings, URLs and views: only the middleware around them differs.

Nor does a gate's request check its database connection before using it (Django's
CONN_HEALTH_CHECKS, a round trip of its own, a fifth of a gate worker's time). If the kept
connection died (the database restarted), the scan fails with a 500, Django closes that
connection as the request ends, and the gate judges the badge offline, queues the scan and
replays it under the same scan id when the server answers again (`static/js/scanner.js`):
nothing is lost, and the replay is idempotent.
"""

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections

GATE_API = "/api/checkin/"
# In the order of settings.MIDDLEWARE, of which it is a part.
GATE_MIDDLEWARE = [
    "fairsite.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "fairsite.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
]


class ShortStackHandler(WSGIHandler):
    """Django's WSGI handler with a middleware list of its own."""

    def __init__(self, middleware: list[str]):
        self.own_middleware = list(middleware)
        super().__init__()

    def load_middleware(self, is_async=False):
        # Django builds the chain from settings.MIDDLEWARE: shown this list while it does.
        every = settings.MIDDLEWARE
        settings.MIDDLEWARE = self.own_middleware
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = every

    def get_response(self, request):
        for connection in connections.all(initialized_only=True):
            connection.health_check_done = True  # the check at request start: see above
        return super().get_response(request)


def with_short_gate_stack(application):
    """`application`, with the gates' API answered by the short stack."""
    gates = ShortStackHandler(GATE_MIDDLEWARE)

    def dispatch(environ, start_response):
        if environ.get("PATH_INFO", "").startswith(GATE_API):
            return gates(environ, start_response)
        return application(environ, start_response)

    return dispatch
