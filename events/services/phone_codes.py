"""A one-time code sent by SMS to the mobile number a visitor registers with, before the
number is tied to a badge: typing a stranger's number gets nobody a badge, and blocks nobody
(one registration per number and edition).

What the visitor typed waits in their session, with the code's hash, until the code is
entered: nothing is stored for a number that was never confirmed.
"""

import hmac
import secrets
import time
import unicodedata

from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from fairsite.errors import FairError
from fairsite.services.sms import sms_queue

SESSION_KEY = "events.visitor_phone"
CODE_LENGTH = 6
CODE_MINUTES = 15
MAX_ATTEMPTS = 3


class PhoneCodeRefused(FairError):
    code = "phone_code_refused"
    default_message = _("This code is not the one we sent.")


def _hash(code: str, phone: str) -> str:
    return salted_hmac("events.visitor-phone-code", f"{phone}:{code}").hexdigest()


def visitor_phone_code_send(*, session, phone: str, language: str, pending: dict) -> None:
    """Text a new code to `phone` (E.164) in `language`, and keep `pending` (what the visitor
    typed, JSON) in the session until the code comes back. A new code replaces the last."""
    code = "".join(secrets.choice("0123456789") for _n in range(CODE_LENGTH))
    session[SESSION_KEY] = {
        "phone": phone,
        "language": language,
        "hash": _hash(code, phone),
        "expires": time.time() + CODE_MINUTES * 60,
        "attempts": 0,
        "pending": pending,
    }
    with translation.override(language):
        body = gettext(
            "%(code)s is your code to register for the Regional SSE Fair. It expires in "
            "%(minutes)s minutes."
        ) % {"code": code, "minutes": CODE_MINUTES}
    sms_queue(to=phone, body=body, language=language)


def visitor_phone_waiting(session) -> dict | None:
    """The number a code was sent to and what waits for it; None if no code is waiting."""
    return session.get(SESSION_KEY)


def visitor_phone_code_check(*, session, code: str) -> dict:
    """What the visitor typed (with the now confirmed `phone`), if `code` is the one sent;
    the code is then used up. Raises PhoneCodeRefused: a wrong code (three tries, then the
    code is void), an expired one, or none waiting."""
    state = session.get(SESSION_KEY)
    if state is None:
        raise PhoneCodeRefused(_("No code is waiting: register again."), code="no_code")
    if time.time() > state["expires"]:
        session.pop(SESSION_KEY, None)
        raise PhoneCodeRefused(_("This code has expired: register again."), code="expired")
    code = "".join(
        str(digit) if (digit := unicodedata.decimal(char, None)) is not None else ""
        for char in code
    )
    if hmac.compare_digest(_hash(code, state["phone"]), state["hash"]):
        session.pop(SESSION_KEY, None)
        return {**state["pending"], "phone": state["phone"]}
    state["attempts"] += 1
    if state["attempts"] >= MAX_ATTEMPTS:
        session.pop(SESSION_KEY, None)
        raise PhoneCodeRefused(
            _("Too many wrong codes: register again for a new one."), code="too_many"
        )
    session[SESSION_KEY] = state
    raise PhoneCodeRefused()
