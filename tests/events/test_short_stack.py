"""The gates' API answered by the short middleware stack that config.wsgi puts in front of
it, called as gunicorn calls the application."""

import io
import json
import logging

import pytest
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections

from config.wsgi import application
from events.models import CheckIn
from fairsite.short_stack import GATE_MIDDLEWARE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """As Django's test client does: the handler would otherwise close the connection that
    holds the test's transaction at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call(method, path, body=b"", **headers):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/json",
        **{f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(response_headers)

    answer["body"] = b"".join(application(environ, start_response))
    return answer


def scan(gate, code, scan_id="short-1", **headers):
    body = json.dumps({"code": code, "scan_id": scan_id}).encode()
    return call("POST", "/api/checkin/scan", body, authorization=f"Bearer {gate.token}", **headers)


def test_a_scan_is_admitted_answered_in_the_gates_language_and_logged(gate, visitor_badge, caplog):
    with caplog.at_level(logging.INFO, logger="fairsite.request"):
        first = scan(gate, visitor_badge.code, accept_language="fr", x_request_id="gate-1-scan")
        again = scan(gate, visitor_badge.code, "short-2", accept_language="fr")
        retried = scan(gate, visitor_badge.code, "short-2", accept_language="ar")

    assert first["status"] == 200 and json.loads(first["body"])["result"] == "ok"
    assert json.loads(again["body"])["message"] == "Ce badge est déjà entré."
    assert first["headers"]["X-Request-ID"] == "gate-1-scan"
    assert first["headers"]["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in first["headers"]
    assert json.loads(retried["body"])["message"] == "سبق تسجيل دخول هذه الشارة."
    assert CheckIn.objects.filter(badge=visitor_badge).count() == 2  # a scan id counts once
    assert any(record.getMessage() == "POST /api/checkin/scan 200" for record in caplog.records)


def test_the_short_stack_refuses_what_the_full_one_refuses(gate, visitor_badge):
    wrong_token = call("POST", "/api/checkin/scan", b"{}", authorization="Bearer nope")
    other_host = scan(gate, visitor_badge.code, host="fair.evil.example")

    assert wrong_token["status"] == 401
    assert other_host["status"] == 400
    assert not CheckIn.objects.exists()


def test_pages_still_go_through_the_full_stack(gate):
    page = call("GET", "/api/checkin/keys")
    home = call("GET", "/ar/", accept_language="ar")

    assert "Content-Security-Policy" not in page["headers"]
    assert "Content-Security-Policy" in home["headers"]


def test_the_short_stack_is_part_of_the_full_one_in_the_same_order():
    positions = [settings.MIDDLEWARE.index(name) for name in GATE_MIDDLEWARE]

    assert positions == sorted(positions)


def test_a_gate_request_skips_the_connection_check_a_page_request_makes(
    gate, visitor_badge, monkeypatch
):
    """Django checks a kept connection at the first query of a request (CONN_HEALTH_CHECKS);
    the gates' stack skips that round trip."""
    connection = connections["default"]
    checks = []
    monkeypatch.setattr(connection, "health_check_enabled", True)
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append(1) or True)

    def as_a_new_request():
        connection.health_check_done = False  # what close_old_connections does at its start

    as_a_new_request()
    assert scan(gate, visitor_badge.code)["status"] == 200
    assert checks == []
    as_a_new_request()
    assert call("GET", "/api/checkin/keys")["status"] == 200 and checks == []
    as_a_new_request()
    call("GET", "/fr/")  # a page: its site is looked up in the database
    assert checks == [1]
