"""Structured logs: a request id on every request and its tasks, one line per request and per
task, JSON an operator's tools can read."""

import json
import logging
import sys

import pytest

from fairsite.logs import JsonFormatter, RequestIdFilter, request_id_var

pytestmark = pytest.mark.django_db


def test_every_request_gets_an_id_and_one_log_line(client, homes, caplog):
    caplog.set_level(logging.INFO, logger="fairsite.request")

    made = client.get("/fr/")
    kept = client.get("/fr/", HTTP_X_REQUEST_ID="lb-1234abcd")
    refused = client.get("/fr/", HTTP_X_REQUEST_ID='"><script>')

    assert len(made["X-Request-ID"]) == 32
    assert kept["X-Request-ID"] == "lb-1234abcd"
    assert refused["X-Request-ID"] != '"><script>' and len(refused["X-Request-ID"]) == 32
    lines = [r for r in caplog.records if r.name == "fairsite.request"]
    assert len(lines) == 3
    assert (lines[1].request_id, lines[1].status, lines[1].path) == ("lb-1234abcd", 200, "/fr/")
    assert lines[1].duration_ms > 0 and lines[1].user_id is None


def test_a_task_queued_by_a_request_logs_with_the_request_s_id(caplog):
    from observatory.tasks import task_refresh_figures

    caplog.set_level(logging.INFO, logger="fairsite.task")
    token = request_id_var.set("req-0123456789")
    try:
        task_refresh_figures.delay()
    finally:
        request_id_var.reset(token)

    line = next(r for r in caplog.records if r.name == "fairsite.task")
    assert (line.task, line.state) == ("observatory.refresh_figures", "SUCCESS")
    assert line.request_id == "req-0123456789"
    assert request_id_var.get() == ""  # nothing leaks to what runs next


def test_a_json_line_holds_the_fields_an_operator_searches_on():
    logger = logging.getLogger("fairsite.test")
    token = request_id_var.set("abc12345")
    try:
        try:
            raise ValueError("عطب")
        except ValueError:
            record = logger.makeRecord(
                "fairsite.test",
                logging.ERROR,
                __file__,
                1,
                "Badge %s refused",
                ("B-1",),
                sys.exc_info(),
                extra={"gate": "north"},
            )
        RequestIdFilter().filter(record)
    finally:
        request_id_var.reset(token)

    line = JsonFormatter().format(record)

    entry = json.loads(line)
    assert "\n" not in line
    assert entry["message"] == "Badge B-1 refused" and entry["level"] == "ERROR"
    assert entry["request_id"] == "abc12345" and entry["gate"] == "north"
    assert "ValueError: عطب" in entry["exception"]
    assert entry["time"].endswith("+00:00")
