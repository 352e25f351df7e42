import sys
import threading

from fairsite.sms.base import SmsBackend as BaseSmsBackend
from fairsite.sms.base import SmsMessage


class SmsBackend(BaseSmsBackend):
    """Writes each message to standard output (or the `stream` given), for a developer to read."""

    _lock = threading.Lock()

    def __init__(self, *, stream=None, **options):
        super().__init__(**options)
        self.stream = stream

    def send(self, message: SmsMessage) -> str:
        stream = self.stream or sys.stdout
        with self._lock:
            stream.write(_as_text(message))
            stream.write("-" * 79 + "\n")
            stream.flush()
        return ""


def _as_text(message: SmsMessage) -> str:
    return f"To: {message.to}\nReference: {message.reference}\n\n{message.body}\n"
