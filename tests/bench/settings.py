"""Settings for the processes that the benchmarks start."""

import os

from config.settings.test import *  # noqa: F403

# The check-in benchmark's gunicorn and the print benchmark's Celery worker (on a queue of
# its own, so that no other worker takes its tasks).
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL  # noqa: F405
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("BENCH_QUEUE", "celery")
ROOT_URLCONF = "tests.bench.urls"
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=30)  # noqa: F405  (as in production)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

# Redis for the cache when there is one, shared by the web processes as in production.
if REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "fairsite.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,  # noqa: F405
            "KEY_PREFIX": os.environ.get("BENCH_CACHE_PREFIX", "bench"),  # tests.processes
        }
    }
