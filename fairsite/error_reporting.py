"""Error reporting to a Sentry-compatible service, switched on by setting SENTRY_DSN.

What leaves the site is the error and where it happened, with the request id that ties it to
the log lines; not what people typed or who they are: no request bodies, cookies, or
credentials (gates send their token in the Authorization header), no user's e-mail, no local
variables of the failing frames (a view's locals hold what was typed), and no database detail
line ("Key (email)=(...) already exists") nor anything shaped like an address or a number
in the messages.
"""

import re

from fairsite.logs import request_id_var

HIDDEN_HEADERS = {"authorization", "cookie", "x-csrftoken"}
PERSONAL = re.compile(
    r"[^\s@()<>\"']+@[^\s@()<>\"']+"  # an e-mail address
    r"|\+?\d[\d\s.\-]{7,}\d"  # a phone number, however it is written
)


def error_reporting_init(*, dsn: str, environment: str, release: str = "") -> bool:
    """Start reporting errors of the web processes and the Celery workers; False (nothing
    started) without a DSN."""
    if not dsn:
        return False
    # Imported here: sentry-sdk is needed (and installed) only where errors are reported.
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=0,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        before_send=event_scrub,
    )
    return True


def event_scrub(event: dict, hint: dict) -> dict:
    """Remove what may name a person or open a door; add the request id."""
    request = event.get("request") or {}
    request.pop("data", None)
    request.pop("cookies", None)
    request["headers"] = {
        name: value
        for name, value in (request.get("headers") or {}).items()
        if name.lower() not in HIDDEN_HEADERS
    }
    for exception in (event.get("exception") or {}).get("values") or []:
        if isinstance(exception.get("value"), str):
            exception["value"] = _impersonal(exception["value"].split("\n", 1)[0])
    for crumb in (event.get("breadcrumbs") or {}).get("values") or []:
        if isinstance(crumb.get("message"), str):
            crumb["message"] = _impersonal(crumb["message"])
        crumb.pop("data", None)  # query parameters, log arguments
    if isinstance((event.get("logentry") or {}).get("message"), str):
        event["logentry"]["message"] = _impersonal(event["logentry"]["message"])
        event["logentry"].pop("params", None)
    user = event.get("user") or {}
    event["user"] = {"id": user["id"]} if "id" in user else {}
    if request_id := request_id_var.get():
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def _impersonal(text: str) -> str:
    return PERSONAL.sub("[…]", text)
