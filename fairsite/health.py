"""Probes for load balancers and process managers, answered before any other middleware: no
host check, session, language or log-in, so a probe by IP address over plain HTTP works.

- `GET /healthz`: the process is up and answering (no other check).
- `GET /readyz`: 200 when the database answers and every migration is applied, 503 when not.
  The cache and the Celery broker (Redis) are checked too, but only reported: without Redis
  pages still render and queued work waits in the database, so a Redis outage must not take
  every web host out of the load balancer at once. The body names each check and says "ok"
  or "failing", never why: the reason goes to the log, not to whoever asks.
"""

import logging
import uuid

from celery import current_app
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, JsonResponse

logger = logging.getLogger("fairsite.health")

_migrated = False  # once every migration is applied, it stays so until the next deploy


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_migrations() -> None:
    global _migrated
    if _migrated:
        return
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise RuntimeError("unapplied migrations")
    _migrated = True


def check_cache() -> None:
    key, value = "readyz", uuid.uuid4().hex
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not keep a value")


def check_broker() -> None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return  # no broker: tasks run in the web process
    with current_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)


CHECKS = {
    "database": check_database,
    "migrations": check_migrations,
    "cache": check_cache,
    "broker": check_broker,
}
REQUIRED = ("database", "migrations")  # the others degrade the site, they do not stop it


def readiness() -> dict[str, bool]:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("readyz: the %s check failed", name)
            results[name] = False
        else:
            results[name] = True
    return results


def readyz() -> HttpResponse:
    results = readiness()
    ready = all(results[name] for name in REQUIRED)
    body = {name: "ok" if ok else "failing" for name, ok in results.items()}
    return JsonResponse(
        {"ready": ready, "degraded": not all(results.values()), "checks": body},
        status=200 if ready else 503,
    )


def healthz() -> HttpResponse:
    return JsonResponse({"up": True})


class HealthCheckMiddleware:
    """Answers the probes first; everything else goes on down the chain."""

    PROBES = {"/healthz": healthz, "/readyz": readyz}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = self.PROBES.get(request.path_info.rstrip("/"))
        if probe is not None and request.method in ("GET", "HEAD"):
            response = probe()
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
