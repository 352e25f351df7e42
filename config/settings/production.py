"""Production: every secret from the environment, HTTPS only; refuses to start half-configured."""

from django.core.exceptions import ImproperlyConfigured

from fairsite.error_reporting import error_reporting_init

from .base import *

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="")
# "django-insecure-": the development key, which anyone can read in the code.
if not SECRET_KEY or SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured(
        "Set the SECRET_KEY environment variable (50 random characters, not the development key)."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, comma-separated.")

if not BADGE_SIGNING_KEY:
    raise ImproperlyConfigured("Set BADGE_SIGNING_KEY (manage.py badge_key prints a new one).")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# One JSON object a line for the log collector (LOG_FORMAT=plain to read them by eye).
LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", default="json")  # noqa: F405

# Errors of the web processes and the workers to a Sentry-compatible service (off when unset).
error_reporting_init(
    dsn=env("SENTRY_DSN", default=""),  # noqa: F405
    environment=env("SENTRY_ENVIRONMENT", default="production"),  # noqa: F405
    release=env("SENTRY_RELEASE", default=""),  # noqa: F405
)
