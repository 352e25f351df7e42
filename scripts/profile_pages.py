"""Where the time of a page goes: each address requested in this process through Django's
WSGI handler (the whole middleware stack, no test client), timed, then sampled with
pyinstrument and summed by kind of work.

    DATABASE_URL=... python scripts/profile_pages.py /ar/ /fr/programme/ /ar/exhibitors/
    python scripts/profile_pages.py --user exhibitor@fair.example /ar/portal/
    python scripts/profile_pages.py --tree /fr/programme/    # also pyinstrument's call tree

pyinstrument rather than a tracing profiler: it samples, so the figures keep their
proportions (a tracing profiler makes the many small calls of the ORM and the template
engine look several times dearer than they are). Under load, on gunicorn, use py-spy
(`py-spy record --pid ...`), which reads a running process from outside.

The settings are the development ones with DEBUG off and no page cache
(PAGE_CACHE_SECONDS=0): what someone signed in gets.
"""

import argparse
import collections
import io
import os
import statistics
import sys
import time
from pathlib import Path
from wsgiref.util import setup_testing_defaults

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DEBUG"] = "false"
os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ.setdefault("LOG_LEVEL", "WARNING")

# The kind of work a sample is counted under: the innermost frame that matches one.
KINDS = [
    ("database driver", ("sqlite3", "psycopg", "django/db/backends")),
    ("ORM: building queries, making objects", ("django/db/models",)),
    ("templates", ("django/template",)),
    ("translation", ("django/utils/translation", "gettext")),
    ("URLs: resolving, reversing", ("django/urls",)),
    ("Wagtail", ("wagtail/",)),
    ("cache", ("django/core/cache", "redis")),
    ("logging", ("logging/",)),
    ("handler and middleware", ("django/core/handlers", "django/middleware", "django/contrib")),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--user", help="signed in as this account's e-mail address")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--tree", action="store_true", help="print pyinstrument's call tree")
    options = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from pyinstrument import Profiler

    handler = WSGIHandler()
    cookie = _session_cookie(options.user) if options.user else ""
    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "localhost"

    def get(path: str) -> int:
        address, _mark, query = path.partition("?")
        environ = {"PATH_INFO": address, "QUERY_STRING": query, "HTTP_HOST": host}
        if cookie:
            environ["HTTP_COOKIE"] = cookie
        environ["wsgi.input"] = io.BytesIO()
        setup_testing_defaults(environ)
        status = []
        b"".join(handler(environ, lambda code, headers, exc=None: status.append(code)))
        return int(status[0].split()[0])

    for path in options.paths:
        for _warm_up in range(5):
            status = get(path)
        timings = []
        for _n in range(options.requests):
            began = time.perf_counter()
            get(path)
            timings.append((time.perf_counter() - began) * 1000)
        quantiles = statistics.quantiles(timings, n=100)
        print(f"\n{path} ({status}): p50 {quantiles[49]:.1f} ms, p95 {quantiles[94]:.1f} ms")

        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _n in range(options.requests):
            get(path)
        session = profiler.stop()
        kinds = collections.Counter()
        for stack, seconds in session.frame_records:
            files = [frame.split("\x00")[1] if "\x00" in frame else frame for frame in stack]
            kinds[_kind(files)] += seconds
        total = sum(kinds.values())
        for kind, seconds in kinds.most_common():
            print(f"  {100 * seconds / total:5.1f} %  {kind}")
        if options.tree:
            print(profiler.output_text(unicode=True, color=False))


def _kind(files: list[str]) -> str:
    for file in reversed(files):
        for kind, parts in KINDS:
            if any(part in file for part in parts):
                return kind
        if str(ROOT) in file and "site-packages" not in file:
            return "the project's own code"
    return "other"


def _session_cookie(email: str) -> str:
    from django.test import Client

    from fairsite.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    return f"sessionid={client.cookies['sessionid'].value}"


if __name__ == "__main__":
    main()
