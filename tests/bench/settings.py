"""Settings for the gunicorn processes that the check-in benchmark starts."""

from fairsite.settings.test import *  # noqa: F403

ROOT_URLCONF = "tests.bench.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
