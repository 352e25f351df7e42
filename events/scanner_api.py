"""What every scanner's JSON API shares (gates, stands, rooms): the device's bearer token,
the request's JSON, a scan's fields checked once for all, and pairing.

A scanner endpoint is a view wrapped in `device_required(Model)`: the paired device holding
the token is `request.device` (its gate, stand or room is `request.device.post`); any other
request gets a 401 in JSON, and a `BadRequest` raised inside becomes a 400 in JSON.
"""

import datetime
import json
from collections.abc import Callable
from functools import wraps

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from events.choices import Direction
from events.errors import DeviceError
from events.models import ScannerDevice
from events.services.devices import device_by_token, device_pair
from fairsite.ratelimit import allow, client_ip

MAX_SYNC_SCANS = 500
MAX_CODE_LENGTH = 300
MAX_SCAN_ID_LENGTH = 64
# The years a scan or a revocation can be of: beyond them a date is a device's error, and
# near the calendar's ends a time zone would carry it out of range.
POSSIBLE_YEARS = range(2000, 3000)
# Pairing attempts per address and hour: a phone fumbling its code retries a few times, a
# guesser needs billions.
PAIRING_ATTEMPTS = 30


class BadRequest(ValueError):
    pass


def device_required(
    model: type[ScannerDevice], *, find: Callable[[str], ScannerDevice | None] | None = None
):
    """Only a device paired to a post of `model`'s kind gets in. `find` may replace the
    ORM lookup by token with a faster one (the gates' path)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
            device = None
            if scheme.lower() == "bearer" and token:
                device = (find or (lambda value: device_by_token(model, value)))(token)
            if device is None:
                response = JsonResponse(
                    {"error": _("This device is not paired, or no longer.")}, status=401
                )
                response["WWW-Authenticate"] = "Bearer"
                return response
            request.device = device
            try:
                return view(request, *args, **kwargs)
            except BadRequest as error:
                return JsonResponse({"error": str(error)}, status=400)

        return csrf_exempt(wrapper)

    return decorator


def pair_view(model: type[ScannerDevice]):
    """The POST endpoint a scanner page trades a pairing code at for its token."""

    @csrf_exempt
    @require_POST
    def pair(request):
        if not allow(f"device-pair:{client_ip(request)}", limit=PAIRING_ATTEMPTS, period=3600):
            return JsonResponse({"error": _("Too many attempts. Try again later.")}, status=429)
        try:
            data = json_body(request)
        except BadRequest as error:
            return JsonResponse({"error": str(error)}, status=400)
        code = data.get("code")
        if not is_text(code):
            return JsonResponse({"error": _("Send the pairing code.")}, status=400)
        try:
            device, token = device_pair(
                model=model, code=code, user_agent=request.headers.get("User-Agent", "")
            )
        except DeviceError as error:
            return JsonResponse({"error": str(error)}, status=400)
        return JsonResponse(
            {"token": token, "device": str(device), "post": {"name": str(device.post)}}
        )

    return pair


def json_body(request) -> dict:
    """The request's JSON object. Whatever else arrives (not JSON, not UTF-8, nested past
    what the parser follows, too large) is refused here, once for every endpoint."""
    try:
        data = json.loads(request.body or b"{}")
    except RequestDataTooBig as error:
        raise BadRequest(_("The request body is too large.")) from error
    except (ValueError, RecursionError) as error:
        raise BadRequest(_("The request body is not JSON.")) from error
    if not isinstance(data, dict):
        raise BadRequest(_("The request body must be a JSON object."))
    return data


def scan_fields(data) -> dict:
    """One scan's fields, each of its type and within its bounds, or BadRequest."""
    if not isinstance(data, dict) or not is_text(data.get("code")):
        raise BadRequest(_("Each scan needs a “code”."))
    direction = data.get("direction", Direction.IN)
    if not isinstance(direction, str) or direction not in Direction.values:
        raise BadRequest(_("“direction” is “in” or “out”."))
    scan_id = data.get("scan_id", "")
    if not is_text(scan_id) or len(scan_id) > MAX_SCAN_ID_LENGTH:
        raise BadRequest(
            _("“scan_id” is text of at most %(max)s characters.") % {"max": MAX_SCAN_ID_LENGTH}
        )
    scanned_at = None
    if data.get("scanned_at") is not None and data.get("scanned_at") != "":
        scanned_at = moment(data["scanned_at"])
        if scanned_at is None or scanned_at.tzinfo is None:
            raise BadRequest(_("“scanned_at” must be a date and time with its time zone."))
    return {
        "code": data["code"][:MAX_CODE_LENGTH],
        "direction": direction,
        "scan_id": scan_id,
        "scanned_at": scanned_at,
    }


def sync_scans(request) -> list[dict]:
    """The offline scans a device sends in one POST: each with its scan id, time and whether
    the device let the person through."""
    scans = json_body(request).get("scans")
    if not isinstance(scans, list) or len(scans) > MAX_SYNC_SCANS:
        raise BadRequest(_("Send a list of at most %(max)s scans.") % {"max": MAX_SYNC_SCANS})
    fields = []
    for entry in scans:
        fields_of_scan = scan_fields(entry)  # refuses anything but a JSON object with a code
        if not fields_of_scan["scan_id"] or fields_of_scan["scanned_at"] is None:
            raise BadRequest(_("Every offline scan needs its scan_id and scanned_at."))
        admitted = entry.get("admitted", False)
        if not isinstance(admitted, bool):
            raise BadRequest(_("“admitted” is true or false."))
        fields.append({**fields_of_scan, "admitted": admitted})
    return fields


def is_text(value) -> bool:
    """A string the database can store: no NUL, no lone surrogate (JSON lets "\\ud800"
    through)."""
    if not isinstance(value, str) or "\x00" in value:
        return False
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return True


def moment(value) -> datetime.datetime | None:
    """The date and time an ISO 8601 string gives, or None for anything else, including a
    well-formed impossible one (month 13, an offset of 99 hours) or one of another age."""
    if not is_text(value):
        return None
    try:
        parsed = parse_datetime(value)
    except ValueError:
        return None
    if parsed is None or parsed.year not in POSSIBLE_YEARS:
        return None
    return parsed


def user_agent(request) -> str:
    return request.headers.get("User-Agent", "")[:100]
