"""Twilio's Programmable Messaging REST API (no SDK: one documented request).

POST {SMS_TWILIO_BASE_URL}/2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP Basic
authentication (account SID, auth token) and the form fields To, Body, and From or
MessagingServiceSid. Success is 201 with the message's JSON, whose `sid` we keep; an error is a
4xx or 5xx answer with JSON {code, message, more_info, status}.
"""

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from fairsite.sms.base import SmsBackend as BaseSmsBackend
from fairsite.sms.base import SmsMessage, SmsRefused, SmsTransientError

# Seconds to connect, and to wait for the answer.
TIMEOUT = (5, 20)
# Too many requests: Twilio asks to slow down, the message itself is fine.
_RETRY_STATUSES = {408, 429}


class SmsBackend(BaseSmsBackend):
    def __init__(
        self,
        *,
        account_sid=None,
        auth_token=None,
        from_number=None,
        messaging_service_sid=None,
        base_url=None,
        timeout=TIMEOUT,
        **options,
    ):
        super().__init__(**options)
        self.account_sid = account_sid or settings.SMS_TWILIO_ACCOUNT_SID
        self.auth_token = auth_token or settings.SMS_TWILIO_AUTH_TOKEN
        self.from_number = from_number or settings.SMS_TWILIO_FROM
        self.messaging_service_sid = (
            messaging_service_sid or settings.SMS_TWILIO_MESSAGING_SERVICE_SID
        )
        self.base_url = (base_url or settings.SMS_TWILIO_BASE_URL).rstrip("/")
        self.timeout = timeout
        if not (self.account_sid and self.auth_token):
            raise ImproperlyConfigured(
                "SMS_BACKEND=twilio needs SMS_TWILIO_ACCOUNT_SID and SMS_TWILIO_AUTH_TOKEN"
            )
        if not (self.from_number or self.messaging_service_sid):
            raise ImproperlyConfigured(
                "SMS_BACKEND=twilio needs SMS_TWILIO_FROM or SMS_TWILIO_MESSAGING_SERVICE_SID"
            )

    def send(self, message: SmsMessage) -> str:
        url = f"{self.base_url}/2010-04-01/Accounts/{self.account_sid}/Messages.json"
        data = {"To": message.to, "Body": message.body}
        if self.messaging_service_sid:
            data["MessagingServiceSid"] = self.messaging_service_sid
        else:
            data["From"] = self.from_number
        try:
            response = requests.post(
                url, data=data, auth=(self.account_sid, self.auth_token), timeout=self.timeout
            )
        except requests.RequestException as error:
            # Neither the number nor the text: requests' messages name only the URL.
            raise SmsTransientError(
                f"Twilio could not be reached: {type(error).__name__}"
            ) from error
        if response.status_code in (200, 201):
            try:
                return str(response.json()["sid"])
            except (ValueError, KeyError, TypeError) as error:
                raise SmsTransientError(
                    f"Twilio answered {response.status_code} without a message sid"
                ) from error
        code, text = _error(response)
        description = (
            f"Twilio refused the message: HTTP {response.status_code}, error {code}: {text}"
        )
        if response.status_code >= 500 or response.status_code in _RETRY_STATUSES:
            raise SmsTransientError(description)
        raise SmsRefused(description, status=response.status_code, code=code)


def _error(response: requests.Response) -> tuple[str, str]:
    """Twilio's error code and message, from its JSON error body (or the bare status)."""
    try:
        body = response.json()
    except ValueError:
        return "", response.reason or ""
    if not isinstance(body, dict):
        return "", response.reason or ""
    return str(body.get("code") or ""), str(body.get("message") or response.reason or "")
