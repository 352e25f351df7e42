import itertools

from fairsite import sms
from fairsite.sms.base import SmsBackend as BaseSmsBackend
from fairsite.sms.base import SmsMessage

_ids = itertools.count(1)


class SmsBackend(BaseSmsBackend):
    """Keeps every message in `fairsite.sms.outbox`, for tests to read."""

    def send(self, message: SmsMessage) -> str:
        sms.outbox.append(message)
        return f"locmem-{next(_ids)}"
