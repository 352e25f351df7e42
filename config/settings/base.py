"""Settings shared by every environment; each deploy-time value is read here, from the environment.

dev, test and production import this module and only add defaults or tighten.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE

from fairsite.storage import S3Options, storages_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "fairsite",
    "events",
    "programme",
    "exhibitors",
    "partnerships",
    "b2b",
    "observatory",
    "exportsupport",
    "privacy",
    "proposals",
    "feedback",
    "api",
    "config",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.sites",
    "fairsite.apps.FairUsersConfig",  # wagtail.users, with the rule on who may grant what
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_celery_beat",
    "django_countries",
    # Django REST framework works without being an installed app, and is left out on
    # purpose: its catalogues would replace Django's own translations of the forms' messages
    # ("Enter a valid email address.") across the whole site.
    "drf_spectacular",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "fairsite.health.HealthCheckMiddleware",  # /healthz, /readyz: before the host check
    "fairsite.logs.RequestLogMiddleware",  # a request id, and a log line per request
    "fairsite.kept.ContentVersionMiddleware",  # what pages keep, read once a request
    "django.middleware.security.SecurityMiddleware",
    "fairsite.csp.ContentSecurityPolicyMiddleware",  # CONTENT_SECURITY_POLICY below
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",  # ETag, and 304 for what did not change
    "django.contrib.sessions.middleware.SessionMiddleware",
    "fairsite.middleware.LocaleMiddleware",  # Django's; the APIs' and feeds' 404s stay 404s
    "fairsite.middleware.RememberLanguageMiddleware",
    "fairsite.page_cache.PageCacheMiddleware",  # public pages kept a few seconds for visitors
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "events.fair_clock.FairClockMiddleware",  # the admin on the current edition's clock
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "fairsite.page_routes.KeptRoutesMiddleware",  # the site and page of an address, kept
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: PostgreSQL in production and CI, SQLite when DATABASE_URL is unset.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait for the lock instead of failing with "database is locked":
    # WAL lets readers go on during a write, IMMEDIATE takes the write lock when a
    # transaction starts (not half-way, when it could no longer wait), and the
    # timeout is how long a writer waits.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# A connection is kept a minute for the requests that follow, on SQLite too (opening one
# costs more than a scan's own statements).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Seconds a public page is kept for visitors without a session (fairsite/page_cache.py); 0: off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=30)

# Cache: Redis when REDIS_URL is set (shared by every web process), else local memory.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # A Redis that does not answer makes a cache that misses, not a failing page.
            "BACKEND": "fairsite.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "fairsite",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Accounts
AUTH_USER_MODEL = "fairsite.User"
AUTHENTICATION_BACKENDS = [
    "fairsite.auth_backends.KeptPermissionsBackend",  # Django's, its answers kept
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "fairsite.account_adapter.AccountAdapter"
# An account is reached by e-mail, by a mobile number (many cooperative members have a phone
# and no e-mail), or both. allauth knows each field only as required or not: both are optional
# for it, and the sign-up form asks for at least one (fairsite/account_forms.py); hence its
# warning that no log-in method is required at sign-up is silenced.
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
ACCOUNT_SIGNUP_FIELDS = ["email", "phone", "password1*", "password2*"]
ACCOUNT_FORMS = {
    "signup": "fairsite.account_forms.SignupForm",
    "login": "fairsite.account_forms.LoginForm",
}
SILENCED_SYSTEM_CHECKS = ["account.W001"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# "mandatory" would require an e-mail at sign-up: the adapter's EmailVerificationStage makes it
# mandatory for every account that has an address; a phone is verified by a code sent by SMS.
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_RESEND = 3  # an SMS may not arrive: up to 3 new codes
# Six digits, typed on a phone's keypad.
ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
# "Send me a sign-in code": the way back in for an account without e-mail (no reset link).
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="http")
# Proxies in front of the web processes that add themselves to X-Forwarded-For: nginx is
# one, a load balancer in front of it another. 0: the client is the connection's address.
# Rate limits (allauth's and the visitor form's) count per client address.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="fairsite")
# Log-in failures (a success counts for nothing): five for one account in five minutes, then
# that account waits. Per address only far above what the venue's shared address produces
# (hundreds of exhibitors and staff behind it, a typo now and then): 200 in five minutes,
# 1,000 in an hour, which still stops one machine guessing across many accounts. Log-ins of
# any outcome: 600 a minute from one address (allauth's 30 would turn the venue away on the
# opening morning), enough to keep one machine from spending the servers on password hashing.
#
# Codes sent by SMS (they cost money, and anyone may type a stranger's number): for one number,
# one a minute and five an hour; for one address, generous again for the venue's shared one.
ACCOUNT_RATE_LIMITS = {
    "login": "600/m/ip",
    "login_failed": "200/5m/ip,1000/h/ip,5/5m/key",
    "verify_phone": "1/m/key,5/h/key,200/h/ip",
    "request_login_code": "1/m/key,5/h/key,200/h/ip",
}

# Languages: Arabic first (the default, right to left), then French and English.
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", "العربية"),
    ("fr", "Français"),
    ("en", "English"),
]
# The project's catalogue, then our corrections of allauth's Arabic (its account pages and
# e-mails): both are read before the apps' own catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "allauth"]
FORMAT_MODULE_PATH = ["fairsite.formats"]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Africa/Casablanca"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The admin shows every time on the current edition's clock (events.fair_clock), so an
# organiser's account offers no zone of its own.
WAGTAIL_USER_TIME_ZONES = []

# Static files and media
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private")
# Uploads on this machine's disk (or a folder every host mounts), or with STORAGE_BACKEND=s3
# in two buckets of an S3-compatible object store: the media, public, and the private files,
# which leave only through the views that check who asks (fairsite/storage.py).
STORAGE_BACKEND = env("STORAGE_BACKEND", default="local")
_s3 = S3Options(
    endpoint_url=env("S3_ENDPOINT_URL", default=""),
    region=env("S3_REGION", default=""),
    access_key_id=env("S3_ACCESS_KEY_ID", default=""),
    secret_access_key=env("S3_SECRET_ACCESS_KEY", default=""),
    addressing_style=env("S3_ADDRESSING_STYLE", default=""),
    media_bucket=env("S3_MEDIA_BUCKET", default=""),
    media_domain=env("S3_MEDIA_DOMAIN", default=""),
    media_acl=env("S3_MEDIA_ACL", default="public-read"),
    private_bucket=env("S3_PRIVATE_BUCKET", default=""),
    private_url_expire=env.int("S3_PRIVATE_URL_EXPIRE", default=60),
)
STORAGES = storages_config(STORAGE_BACKEND, private_root=PRIVATE_MEDIA_ROOT, s3=_s3)
# Behind nginx, "/_private/": the web server sends private files from an internal location
# once a view has checked who asks (X-Accel-Redirect). Empty: the Django process sends them.
PRIVATE_MEDIA_ACCEL_REDIRECT = env("PRIVATE_MEDIA_ACCEL_REDIRECT", default="")
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# E-mail: either EMAIL_URL (smtp+tls://user:password@host:587, consolemail://) or the
# separate EMAIL_* values; with neither, messages are written to files in var/mail/.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = env.path("EMAIL_FILE_PATH", default=VAR_DIR / "mail")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
if env("EMAIL_URL", default=""):
    _email = env.email_url("EMAIL_URL")
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"] or EMAIL_HOST
    EMAIL_PORT = _email["EMAIL_PORT"] or EMAIL_PORT
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
    EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", EMAIL_USE_TLS)
    EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", EMAIL_USE_SSL)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Salon ESS Oriental <noreply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Text messages (fairsite/sms/): "filebased" writes each to a file in var/sms/ (development),
# "locmem" keeps them in memory (tests), "console" prints them, "twilio" sends them through
# Twilio's REST API with the account's SID and token, from a number or a messaging service.
SMS_BACKEND = env("SMS_BACKEND", default="filebased")
SMS_FILE_PATH = env.path("SMS_FILE_PATH", default=VAR_DIR / "sms")
SMS_TWILIO_ACCOUNT_SID = env("SMS_TWILIO_ACCOUNT_SID", default="")
SMS_TWILIO_AUTH_TOKEN = env("SMS_TWILIO_AUTH_TOKEN", default="")
SMS_TWILIO_FROM = env("SMS_TWILIO_FROM", default="")
SMS_TWILIO_MESSAGING_SERVICE_SID = env("SMS_TWILIO_MESSAGING_SERVICE_SID", default="")
SMS_TWILIO_BASE_URL = env("SMS_TWILIO_BASE_URL", default="https://api.twilio.com")

# Celery: Redis as broker and result store when REDIS_URL is set; with no broker,
# tasks run in-process (eagerly) so that a fresh machine needs no server.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that queues a task while the broker is down gives up within about a second;
# what it queued is in the database (the outbox), and the periodic sweeps send it later.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
# A task a lost worker had taken (its machine gone) goes back to the queue after this long:
# longer than the longest task (TIME_LIMIT), short enough for a print job to finish the
# same morning. Restored messages are looked for every ten seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=15 * 60),
    "unacked_restore_interval": 10,
    "unacked_restore_throttle": 1,
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    # Work whose broker message was lost (the broker was down when it was queued).
    "send-pending-emails": {
        "task": "fairsite.send_pending_emails",
        "schedule": 5 * 60,
    },
    "resume-stalled-work": {
        "task": "fairsite.resume_stalled",
        "schedule": 3 * 60,
    },
    # Hourly, so that a day missed while a worker was down is made up; each runs once a day
    # in effect (statuses only change with the date; one digest a day per officer).
    "refresh-agreement-statuses": {
        "task": "partnerships.refresh_statuses",
        "schedule": 60 * 60,
    },
    "send-partnership-reminders": {
        "task": "partnerships.send_reminders",
        "schedule": 60 * 60,
    },
    "expire-meeting-requests": {
        "task": "b2b.expire_requests",
        "schedule": 60 * 60,
    },
    "refresh-b2b-suggestions": {
        "task": "b2b.refresh_current_suggestions",
        "schedule": 15 * 60,
    },
    # A day's sessions to rate once they are over; the surveys once the fair is over.
    "send-feedback-invitations": {
        "task": "feedback.send_invitations",
        "schedule": 15 * 60,
    },
    "refresh-observatory-figures": {
        "task": "observatory.refresh_figures",
        "schedule": 10 * 60,
    },
    # A session's places held by people who have not come go to others a set number of
    # minutes after it starts: looked for every minute (the first scan after does it too).
    "release-no-shows": {
        "task": "programme.release_no_shows",
        "schedule": 60,
    },
    # Daily; each run is kept with what it erased (Personal data > Retention runs).
    "apply-retention": {
        "task": "privacy.retention_sweep",
        "schedule": 24 * 60 * 60,
    },
}

# Badges: the Ed25519 key that signs badge codes (see events/keys.py).
BADGE_SIGNING_KEY = env("BADGE_SIGNING_KEY", default="")
BADGE_SIGNING_KEY_ID = env.int("BADGE_SIGNING_KEY_ID", default=1)
BADGE_VERIFY_KEYS = env.list("BADGE_VERIFY_KEYS", default=[])
BADGE_SIGNING_KEY_CREATE = False
# Links to a badge's page and PDF (events/services/badge_links.py): signed with this key, or
# one derived from BADGE_SIGNING_KEY when empty; never with SECRET_KEY. A link works
# throughout the fair, and this many days after it was sent once the badge's last day is past.
BADGE_LINK_KEY = env("BADGE_LINK_KEY", default="")
BADGE_LINK_MAX_AGE_DAYS = env.int("BADGE_LINK_MAX_AGE_DAYS", default=30)
# Attendance certificates' codes (programme/certificates.py): signed with this key, or one
# derived from BADGE_SIGNING_KEY when empty. Changing it (or the badge key) makes every
# certificate issued before fail to verify.
CERTIFICATE_KEY = env("CERTIFICATE_KEY", default="")

# Wagtail
WAGTAIL_SITE_NAME = "fairsite"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# Images with more pixels are refused at upload, before any rendition is made (Pillow's own
# limit is near 90 million): 25 million is a 6000 × 4000 camera photo, more than any
# product photo, logo or page image needs, and about 100 MB once decoded.
MAX_IMAGE_PIXELS = 25_000_000
WAGTAILIMAGES_MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False  # allauth's reset, in the user's language

# Security headers that hold in every environment; production adds HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views same-origin.
SESSION_COOKIE_HTTPONLY = True
# Content-Security-Policy (django-csp, fairsite.csp): the site, the portal and the gate page
# run only our own files: no inline script, no inline <style> element. Inline style
# attributes stay (a track's colour on a programme card): they cannot hold a selector, so they
# cannot read the page; the rest of the styling is in our stylesheets. data: images are the
# badge's QR code and allauth's two-factor QR code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "worker-src": [SELF],  # the gate page's service worker
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin writes inline scripts (date pickers, inline panels) and styles, shows
# image previews from blob: URLs and frames its own page previews.
CONTENT_SECURITY_POLICY_ADMIN = {
    "PREFIX": "/admin/",
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# The sites that may frame the programme widget (programme.widget_views), as origins
# ("https://partner.example"); empty: every site.
PROGRAMME_WIDGET_FRAME_ANCESTORS = env.list("PROGRAMME_WIDGET_FRAME_ANCESTORS", default=[])
if STORAGE_BACKEND == "s3":
    # Images come from the media bucket (or its domain), not from this site.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_s3.media_origin)
    CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]["img-src"].append(_s3.media_origin)
# No avatars from gravatar.com: the admin must work on the venue's closed network, and an
# organiser's address (hashed) would go to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# LOG_FORMAT=json (production's default): one JSON object a line, for a log collector.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "fairsite.logs.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "fairsite.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env("LOG_FORMAT", default="plain"),
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # fairsite.task writes one line per task, without its arguments (which may name people).
        "celery.app.trace": {"level": "WARNING"},
        "celery.worker.strategy": {"level": "WARNING"},
    },
}

# The read-only public API (api/): JSON only, open to all, no session or CSRF in the way.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "fairsite open data API",
    "DESCRIPTION": "The fair's programme: sessions, speakers, rooms and tracks, read-only.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Its deploy check would build a schema of every DRF view, the Wagtail admin's own API
    # included: the API's schema is built from api.urls alone, and its tests validate it.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}
