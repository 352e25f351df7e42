import datetime
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from fairsite.sms.base import SmsBackend as BaseSmsBackend
from fairsite.sms.base import SmsMessage
from fairsite.sms.console import _as_text


class SmsBackend(BaseSmsBackend):
    """One file per message in SMS_FILE_PATH (or `file_path`), as Django's file e-mail backend:
    the development default, so that a developer reads the codes a phone would receive."""

    def __init__(self, *, file_path=None, **options):
        super().__init__(**options)
        self.file_path = Path(file_path or settings.SMS_FILE_PATH)
        try:
            self.file_path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ImproperlyConfigured(f"SMS_FILE_PATH {self.file_path} cannot be made") from error
        if not os.access(self.file_path, os.W_OK):
            raise ImproperlyConfigured(f"SMS_FILE_PATH {self.file_path} is not writable")

    def send(self, message: SmsMessage) -> str:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        name = f"{stamp}-{secrets.token_hex(4)}"
        (self.file_path / f"{name}.sms").write_text(_as_text(message), encoding="utf-8")
        return name
