"""gunicorn's settings for fairsite's web processes.

    gunicorn --config deploy/gunicorn.conf.py

Read from the environment (systemd's EnvironmentFile, /etc/fairsite/env):

- GUNICORN_BIND: address(es) to listen on, comma-separated (default 127.0.0.1:8000: only the
  nginx on the same host talks to gunicorn).
- GUNICORN_WORKERS: worker processes (default 2 x the CPUs this process may use, plus 1).
- GUNICORN_FORWARDED_ALLOW_IPS: the proxies whose X-Forwarded-* headers are believed
  (default 127.0.0.1,::1: the local nginx).
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # honours CPU pinning and container limits
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _workers() -> int:
    value = os.environ.get("GUNICORN_WORKERS", "").strip()
    if not value:
        return 2 * _cpus() + 1
    try:
        workers = int(value)
    except ValueError:
        workers = 0
    if workers < 1:
        raise ValueError(f"GUNICORN_WORKERS must be a whole number of at least 1, not {value!r}.")
    return workers


def _list(name: str, default: str) -> list[str]:
    items = [item.strip() for item in os.environ.get(name, default).split(",")]
    return [item for item in items if item]


wsgi_app = "config.wsgi:application"
proc_name = "fairsite-web"
bind = _list("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers: a request holds its worker until it is answered. The hot path (a badge
# scan: one indexed read and one insert) is short synchronous SQL, and the slow work
# (badge PDFs in batches, e-mail) runs in Celery, so threads or an event loop gain nothing.
worker_class = "sync"
workers = _workers()

# A request still running after 30 s is killed (the worker is replaced); nginx gives up at
# the same moment (proxy_read_timeout 30s). On a stop or a reload (HUP), running requests
# get this long to finish.
timeout = 30
graceful_timeout = 30
keepalive = 5

# Replace each worker after about a thousand requests, at staggered moments, so that slow
# memory growth (PDF rendering, image processing) never builds up and the workers never
# all restart at once.
max_requests = 1000
max_requests_jitter = 200

# X-Forwarded-Proto is believed from these addresses only.
forwarded_allow_ips = ",".join(_list("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1"))

# No access log: fairsite.logs.RequestLogMiddleware writes one JSON line per request, with
# its request id. gunicorn's own messages (start, worker timeouts) go to stderr: journald.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# gunicorn 25 and later open a control socket in the user's home; systemd controls the
# processes here, and the home is read-only under the service's sandbox.
control_socket_disable = True

# The workers' heartbeat files in memory, not on a disk that may stall. gunicorn makes them
# with mkstemp (a unique name, mode 0600), so the shared folder is safe.
if os.path.isdir("/dev/shm"):  # noqa: S108
    worker_tmp_dir = "/dev/shm"  # noqa: S108
