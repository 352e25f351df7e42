"""Tests: fast hashers, mail kept in memory, tasks eager unless a test asks for the real broker."""

from .base import *

SECRET_KEY = "test-secret-key-for-the-test-suite-only-not-a-real-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "locmem"  # fairsite.sms.outbox
# Two test runs at once on one machine each need a database and files of their own:
# TEST_DB_SUFFIX names them.
_suffix = env("TEST_DB_SUFFIX", default="")
MEDIA_ROOT = VAR_DIR / f"test-media{_suffix}"
PRIVATE_MEDIA_ROOT = VAR_DIR / f"test-private{_suffix}"
# On this machine's disk whatever STORAGE_BACKEND says: the object-storage tests set up their own.
STORAGES = storages_config("local", private_root=PRIVATE_MEDIA_ROOT, s3=S3Options())
# The real Celery worker is reached only by the tests marked "worker"; the rest run tasks
# in-process so that they can look at mail.outbox and rows straight away.
CELERY_TASK_ALWAYS_EAGER = True
# Rate limits and other cached state must not leak from one test run into the next.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests read a page after changing what it shows: no kept pages, except where a test asks.
PAGE_CACHE_SECONDS = 0
LOGGING["root"]["level"] = "WARNING"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: threads then get connections of their own, with the WAL and
    # IMMEDIATE settings, as concurrent requests do in production.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test{_suffix}.sqlite3")}
    VAR_DIR.mkdir(exist_ok=True)
elif _suffix:
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}{_suffix}"}
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# A fixed key, for tests only.
BADGE_SIGNING_KEY = "zK0Dq3H1v1yQq9m6yq9m6yq9m6yq9m6yq9m6yq9m6yo="
BADGE_SIGNING_KEY_ID = 7
