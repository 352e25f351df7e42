"""Logs an operator can search: one JSON object a line, each carrying the id of the request
(or task) it belongs to, and one line for every request and every task.

The request id comes from the `X-Request-ID` header a load balancer sets (when it looks like
an id) or is made here; it is sent back in the response and travels with the tasks the
request queues, so one id ties a page, its tasks and their e-mails together.
"""

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
HEADER = "X-Request-ID"
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

request_logger = logging.getLogger("fairsite.request")
task_logger = logging.getLogger("fairsite.task")


class RequestIdFilter(logging.Filter):
    """Stamps every record with the current request's (or task's) id."""

    def filter(self, record):
        if not getattr(record, "request_id", ""):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, request id, the record's
    extra fields, and the traceback if there is one."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestLogMiddleware:
    """Gives the request its id and writes one line when it is answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        request_id = given if _VALID_ID.match(given) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            user = getattr(request, "user", None)
            request_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                },
            )
            return response
        finally:
            request_id_var.reset(token)


# Celery: the id travels in the task's headers; each task run writes one line.


def task_headers_add(headers=None, **kwargs):
    """before_task_publish: carry the current request id with the task."""
    if headers is not None and request_id_var.get():
        headers.setdefault("request_id", request_id_var.get())


def task_started(task_id=None, task=None, **kwargs):
    """task_prerun: the task's lines carry the request's id, or the task's own."""
    request_id = getattr(task.request, "request_id", None) or request_id_var.get() or task_id
    task.request.log_token = request_id_var.set(request_id)
    task.request.log_started = time.perf_counter()


def task_finished(task_id=None, task=None, state=None, **kwargs):
    """task_postrun: one line with the task's name, outcome and duration."""
    started = getattr(task.request, "log_started", None)
    task_logger.info(
        "%s %s",
        task.name,
        state,
        extra={
            "task": task.name,
            "task_id": task_id,
            "state": state,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
        },
    )
    token = getattr(task.request, "log_token", None)
    if token is not None:
        request_id_var.reset(token)
