"""Error reporting, switched on by a DSN: a failing view reaches the reporting service with
its request id, and nothing of what the person sent (token, cookies, form) goes with it."""

import gzip
import http.server
import subprocess
import sys
import textwrap
import threading

import brotli
import pytest

from fairsite.error_reporting import error_reporting_init
from tests.processes import ROOT, server_env

pytestmark = pytest.mark.django_db


class Collector(http.server.BaseHTTPRequestHandler):
    """A reporting service on loopback: keeps what it is sent."""

    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            body = brotli.decompress(body)
        Collector.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def collector():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Collector.received = []
    yield f"http://public@127.0.0.1:{server.server_address[1]}/1"
    server.shutdown()


SCRIPT = textwrap.dedent(
    """
    import sys
    import django
    django.setup()
    import sentry_sdk
    from django.test import Client
    from django.test.utils import override_settings
    from fairsite.error_reporting import error_reporting_init

    assert error_reporting_init(dsn=sys.argv[1], environment="test")
    with override_settings(ROOT_URLCONF="tests.fairsite.urls_failing"):
        client = Client(raise_request_exception=False)
        client.cookies["sessionid"] = "a-session-cookie"
        response = client.post(
            "/fr/fail/",
            {"email": "salma@fair.example"},
            HTTP_AUTHORIZATION="Bearer gate-token-secret",
            HTTP_X_REQUEST_ID="req-reported-123",
        )
        client.post(
            "/ar/fail-with-data/",
            {
                "email": "zineb@fair.example",
                "full_name": "زينب الإدريسي",
                "phone": "+212 661 23 49 87",
            },
        )
    sentry_sdk.flush(timeout=5)
    print(response.status_code)
    """
)


def test_a_failing_view_is_reported_without_what_the_person_sent(collector):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, collector],
        cwd=ROOT,
        env=server_env(DJANGO_SETTINGS_MODULE="config.settings.test"),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "500"
    sent = b"".join(Collector.received).decode()
    assert "a bug in a view" in sent and "RuntimeError" in sent
    assert "req-reported-123" in sent  # ties the report to the log lines
    for secret in ("gate-token-secret", "a-session-cookie", "salma@fair.example"):
        assert secret not in sent
    # A failure with a person's data in the view's variables and in the database's message.
    assert "violates unique constraint" in sent
    for personal in ("zineb@fair.example", "زينب", "\\u0632\\u064a", "661 23 49 87", "661234987"):
        assert personal not in sent, personal


def test_without_a_dsn_nothing_is_started():
    assert error_reporting_init(dsn="", environment="test") is False
