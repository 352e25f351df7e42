"""Error reporting to a Sentry-compatible service, switched on by setting SENTRY_DSN.

What leaves the site is the error and where it happened, with the request id that ties it to
the log lines; not what people typed or who they are: no request bodies, cookies, or
credentials (gates send their token in the Authorization header), no user's e-mail.
"""

from fairsite.logs import request_id_var

HIDDEN_HEADERS = {"authorization", "cookie", "x-csrftoken"}


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
    user = event.get("user") or {}
    event["user"] = {"id": user["id"]} if "id" in user else {}
    if request_id := request_id_var.get():
        event.setdefault("tags", {})["request_id"] = request_id
    return event
