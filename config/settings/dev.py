"""Development: runs on a fresh machine with no server (SQLite, in-process tasks, mail to files)."""

from pathlib import Path

from .base import *

DEBUG = env.bool("DEBUG", default=True)
# Known to everyone who has the code: runserver refuses it beyond this machine (loopback).
SECRET_KEY = env("SECRET_KEY", default="django-insecure-development-key-never-used-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
VAR_DIR.mkdir(exist_ok=True)
# whitenoise serves files straight from the apps and static/ (no collectstatic in development).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
# A badge signing key of this machine's own, made on first use.
BADGE_SIGNING_KEY = env("BADGE_SIGNING_KEY", default=str(VAR_DIR / "badge-signing.key"))
BADGE_SIGNING_KEY_CREATE = True
# Pages change under the developer's eyes: none kept, unless asked.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
