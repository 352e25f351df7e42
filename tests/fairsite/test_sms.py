"""Text messages: the backends, Twilio's REST API against a real HTTP server on loopback, and
the outbox that keeps every accepted message until it is sent."""

import base64
import datetime
import io
import json
import logging
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from celery.exceptions import Retry
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from fairsite import sms
from fairsite.models import OutboundSms
from fairsite.services.sms import sms_deliver, sms_queue
from fairsite.sms import SmsMessage, SmsRefused, SmsTransientError, get_backend
from fairsite.tasks import sms_pending_resume, task_send_sms

NUMBER = "+212612345678"
SID = "AC0123456789abcdef0123456789abcdef"
TOKEN = "secret-auth-token"


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


class Twilio:
    """A stand-in for api.twilio.com on 127.0.0.1: records each request and answers with the
    statuses it is given, in turn (the last one repeated)."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.requests = []
        twilio = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                twilio.requests.append(
                    {
                        "path": self.path,
                        "authorization": self.headers.get("Authorization", ""),
                        "content_type": self.headers.get("Content-Type", ""),
                        "form": urllib.parse.parse_qs(self.rfile.read(length).decode()),
                    }
                )
                status, body = (
                    twilio.answers.pop(0) if len(twilio.answers) > 1 else twilio.answers[0]
                )
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


CREATED = (201, {"sid": "SM0123456789abcdef0123456789abcdef", "status": "queued"})
INVALID_TO = (
    400,
    {
        "code": 21211,
        "message": "The 'To' number is not a valid phone number.",
        "more_info": "https://www.twilio.com/docs/errors/21211",
        "status": 400,
    },
)
UNAVAILABLE = (503, {"code": 20503, "message": "Service unavailable", "status": 503})


@pytest.fixture
def twilio_settings(settings):
    settings.SMS_BACKEND = "twilio"
    settings.SMS_TWILIO_ACCOUNT_SID = SID
    settings.SMS_TWILIO_AUTH_TOKEN = TOKEN
    settings.SMS_TWILIO_FROM = "+15005550006"
    settings.SMS_TWILIO_MESSAGING_SERVICE_SID = ""
    return settings


def test_twilio_posts_the_documented_request_and_keeps_the_message_sid(twilio_settings):
    with Twilio([CREATED]) as twilio:
        twilio_settings.SMS_TWILIO_BASE_URL = twilio.url + "/"
        sid = get_backend().send(SmsMessage(to=NUMBER, body="رمز التحقق: 123456", reference="7"))

    assert sid == "SM0123456789abcdef0123456789abcdef"
    [request] = twilio.requests
    assert request["path"] == f"/2010-04-01/Accounts/{SID}/Messages.json"
    expected = "Basic " + base64.b64encode(f"{SID}:{TOKEN}".encode()).decode()
    assert request["authorization"] == expected
    assert request["content_type"] == "application/x-www-form-urlencoded"
    assert request["form"] == {
        "To": [NUMBER],
        "Body": ["رمز التحقق: 123456"],
        "From": ["+15005550006"],
    }


def test_twilio_sends_through_a_messaging_service_when_one_is_set(twilio_settings):
    twilio_settings.SMS_TWILIO_MESSAGING_SERVICE_SID = "MG0123456789abcdef0123456789abcdef"
    with Twilio([CREATED]) as twilio:
        twilio_settings.SMS_TWILIO_BASE_URL = twilio.url
        get_backend().send(SmsMessage(to=NUMBER, body="x"))

    form = twilio.requests[0]["form"]
    assert form["MessagingServiceSid"] == ["MG0123456789abcdef0123456789abcdef"]
    assert "From" not in form


def test_a_4xx_is_a_refusal_that_says_why(twilio_settings):
    with Twilio([INVALID_TO]) as twilio:
        twilio_settings.SMS_TWILIO_BASE_URL = twilio.url
        with pytest.raises(SmsRefused) as refused:
            get_backend().send(SmsMessage(to=NUMBER, body="x"))

    assert refused.value.status == 400
    assert refused.value.code == "21211"
    assert "21211" in str(refused.value) and "not a valid phone number" in str(refused.value)


@pytest.mark.parametrize("answer", [UNAVAILABLE, (500, {}), (429, {"code": 20429})])
def test_a_5xx_or_too_many_requests_is_transient(twilio_settings, answer):
    with Twilio([answer]) as twilio:
        twilio_settings.SMS_TWILIO_BASE_URL = twilio.url
        with pytest.raises(SmsTransientError):
            get_backend().send(SmsMessage(to=NUMBER, body="x"))


def test_a_server_that_does_not_answer_is_transient(twilio_settings):
    with Twilio([CREATED]) as twilio:
        closed = twilio.url  # nothing listens there once the server is gone
    twilio_settings.SMS_TWILIO_BASE_URL = closed

    with pytest.raises(SmsTransientError) as error:
        get_backend().send(SmsMessage(to=NUMBER, body="x"))
    assert NUMBER not in str(error.value)


@pytest.mark.django_db
def test_a_queued_message_is_retried_until_twilio_takes_it(
    twilio_settings, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.INFO)
    with Twilio([UNAVAILABLE, UNAVAILABLE, CREATED]) as twilio:
        twilio_settings.SMS_TWILIO_BASE_URL = twilio.url
        # Twilio down: the request that queued the message still succeeds, the row waits.
        with django_capture_on_commit_callbacks(execute=True):
            stored = sms_queue(to=NUMBER, body="رمز التحقق: 123456", language="ar")
        stored.refresh_from_db()
        assert stored.sent_at is None and stored.attempts == 1 and "503" in stored.last_error

        # The worker's task asks Celery to try again later, as it does for e-mail...
        with pytest.raises(Retry):
            task_send_sms.apply(kwargs={"sms_id": stored.pk}, throw=True)
        # ...and the next try goes out.
        assert task_send_sms.apply(kwargs={"sms_id": stored.pk}).get() is True

    stored.refresh_from_db()
    assert len(twilio.requests) == 3
    assert stored.sent_at is not None
    assert stored.attempts == 3
    assert stored.provider_id == "SM0123456789abcdef0123456789abcdef"
    # Neither the number nor the text in any log line; the row's id instead.
    assert NUMBER not in caplog.text and "123456" not in caplog.text
    assert f"SMS {stored.pk}" in caplog.text


@pytest.mark.django_db
def test_a_refused_message_is_recorded_and_not_sent_again(
    twilio_settings, django_capture_on_commit_callbacks, caplog
):
    with Twilio([INVALID_TO]) as twilio:
        twilio_settings.SMS_TWILIO_BASE_URL = twilio.url
        with django_capture_on_commit_callbacks(execute=True):
            stored = sms_queue(to=NUMBER, body="x", language="fr")
        assert sms_deliver(sms_id=stored.pk) is False
        assert sms_pending_resume(timezone.now() + datetime.timedelta(minutes=1)) == 0

    stored.refresh_from_db()
    assert len(twilio.requests) == 1
    assert stored.sent_at is None and stored.refused_at is not None
    assert "21211" in stored.last_error
    assert NUMBER not in caplog.text


@pytest.mark.django_db
def test_the_message_waits_for_the_commit_and_goes_out_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        stored = sms_queue(to=NUMBER, body="  Votre code : 123456  ", language="fr")
        assert sms.outbox == []
    for callback in callbacks:
        callback()

    assert sms.outbox == [
        SmsMessage(to=NUMBER, body="Votre code : 123456", reference=str(stored.pk))
    ]
    assert sms_deliver(sms_id=stored.pk) is False  # already sent
    assert len(sms.outbox) == 1


@pytest.mark.django_db
def test_a_message_whose_broker_message_was_lost_is_sent_by_the_sweep():
    stored = OutboundSms.objects.create(to=NUMBER, body="x", language="ar")
    OutboundSms.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=5))

    assert sms_pending_resume(timezone.now() - datetime.timedelta(minutes=2)) == 1
    assert sms.outbox[0].reference == str(stored.pk)
    assert sms_pending_resume(timezone.now()) == 0


def test_the_file_backend_writes_one_file_per_message(settings, tmp_path):
    settings.SMS_BACKEND = "filebased"
    settings.SMS_FILE_PATH = tmp_path / "sms"
    backend = get_backend()
    backend.send(SmsMessage(to=NUMBER, body="رمز التحقق: 111111"))
    backend.send(SmsMessage(to=NUMBER, body="رمز التحقق: 222222"))

    files = sorted((tmp_path / "sms").iterdir())
    assert len(files) == 2
    texts = [file.read_text(encoding="utf-8") for file in files]
    assert all(f"To: {NUMBER}" in text for text in texts)
    assert {"111111" in texts[0] or "111111" in texts[1], "222222" in "".join(texts)} == {True}


def test_the_console_backend_prints_the_message():
    stream = io.StringIO()
    get_backend("console", stream=stream).send(SmsMessage(to=NUMBER, body="Hello"))

    assert f"To: {NUMBER}" in stream.getvalue() and "Hello" in stream.getvalue()


def test_twilio_without_credentials_is_a_configuration_error(settings):
    settings.SMS_TWILIO_ACCOUNT_SID = ""
    with pytest.raises(ImproperlyConfigured):
        get_backend("twilio")
