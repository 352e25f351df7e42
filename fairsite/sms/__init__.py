"""Text messages (SMS) through a backend chosen in settings, as Django sends e-mail.

SMS_BACKEND names the backend: "locmem" (tests: messages kept in `fairsite.sms.outbox`),
"filebased" (development: one file per message in SMS_FILE_PATH), "console", "twilio", or the
dotted path of a class of one's own. Code that sends a message goes through
`fairsite.services.sms.sms_queue`, which stores it first: a backend is called only by the worker.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from fairsite.sms.base import SmsBackend, SmsError, SmsMessage, SmsRefused, SmsTransientError

BACKENDS = {
    "locmem": "fairsite.sms.locmem.SmsBackend",
    "filebased": "fairsite.sms.filebased.SmsBackend",
    "console": "fairsite.sms.console.SmsBackend",
    "twilio": "fairsite.sms.twilio.SmsBackend",
}

# What the locmem backend sent, as django.core.mail.outbox: tests read and empty it.
outbox: list[SmsMessage] = []


def get_backend(name: str | None = None, **options) -> SmsBackend:
    """An instance of the backend `name` (by default settings.SMS_BACKEND)."""
    name = name or settings.SMS_BACKEND
    return import_string(BACKENDS.get(name, name))(**options)


__all__ = [
    "SmsBackend",
    "SmsError",
    "SmsMessage",
    "SmsRefused",
    "SmsTransientError",
    "get_backend",
    "outbox",
]
