import dataclasses


@dataclasses.dataclass(frozen=True)
class SmsMessage:
    to: str  # E.164
    body: str
    # The outbox row's id, for the provider's records and our logs (never the number or text).
    reference: str = ""


class SmsError(Exception):
    """A message that did not go out."""


class SmsRefused(SmsError):
    """The provider refused the message (a bad number, a blocked recipient, wrong credentials):
    sending it again would be refused again."""

    def __init__(self, message: str, *, status: int | None = None, code: str | int | None = None):
        self.status = status
        self.code = code
        super().__init__(message)


class SmsTransientError(SmsError):
    """The provider could not be reached or failed on its side: worth trying again later."""


class SmsBackend:
    """Sends one message; returns the provider's id for it ("" if it gives none).

    Raises SmsRefused or SmsTransientError."""

    def __init__(self, **options):
        self.options = options

    def send(self, message: SmsMessage) -> str:
        raise NotImplementedError
