"""The gates' API (DESIGN §6): JSON in and out, authenticated by the gate's bearer token."""

import datetime
import json
from functools import wraps

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from events import checkin_db, tokens
from events.choices import BADGE_CATEGORY_CODES, AttendeeCategory, BadgeStatus, Direction
from events.keys import verification_keys
from events.models import Badge, Edition, Gate
from events.services.checkin import (
    CONFLICT,
    MESSAGES,
    ScanOutcome,
    checkin_redeem,
    checkin_sync,
)

MAX_SYNC_SCANS = 500
MAX_CODE_LENGTH = 300
MAX_SCAN_ID_LENGTH = 64
# The years a scan or a revocation can be of: beyond them a date is a device's error, and
# near the calendar's ends a time zone would carry it out of range.
POSSIBLE_YEARS = range(2000, 3000)


class BadRequest(ValueError):
    pass


def gate_required(view):
    """Only a device holding an active gate's token gets in; the gate is `request.gate`."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
        gate = None
        if scheme.lower() == "bearer" and token:
            gate = checkin_db.gate_by_token_hash(Gate.hash_token(token))
        if gate is None:
            response = JsonResponse({"error": _("A valid gate token is required.")}, status=401)
            response["WWW-Authenticate"] = "Bearer"
            return response
        request.gate = gate
        try:
            return view(request, *args, **kwargs)
        except BadRequest as error:
            return JsonResponse({"error": str(error)}, status=400)

    return csrf_exempt(wrapper)


@require_POST
@gate_required
def scan(request):
    data = _json(request)
    outcome = checkin_redeem(gate=request.gate, device=_device(request), **_scan_fields(data))
    # A scan id already used for another scan: the device's error, never a verdict.
    return JsonResponse(scan_answer(outcome), status=409 if outcome.result == CONFLICT else 200)


@require_POST
@gate_required
def sync(request):
    scans = _json(request).get("scans")
    if not isinstance(scans, list) or len(scans) > MAX_SYNC_SCANS:
        raise BadRequest(_("Send a list of at most %(max)s scans.") % {"max": MAX_SYNC_SCANS})
    fields = []
    for entry in scans:
        scan_fields = _scan_fields(entry)  # refuses anything but a JSON object with a code
        if not scan_fields["scan_id"] or scan_fields["scanned_at"] is None:
            raise BadRequest(_("Every offline scan needs its scan_id and scanned_at."))
        admitted = entry.get("admitted", False)
        if not isinstance(admitted, bool):
            raise BadRequest(_("“admitted” is true or false."))
        fields.append({**scan_fields, "admitted": admitted})
    outcomes = checkin_sync(gate=request.gate, scans=fields, device=_device(request))
    return JsonResponse({"results": [scan_answer(outcome) for outcome in outcomes]})


@require_GET
def keys(request):
    """What a gate device needs to judge badges offline: the public keys and the current
    edition's days and entry rules."""
    edition = Edition.objects.current()
    return JsonResponse(
        {
            "version": tokens.CODE_VERSION,
            "keys": [
                {"id": key_id, "public_key": tokens.public_key_text(key)}
                for key_id, key in sorted(verification_keys().items())
            ],
            "edition": (
                {
                    "id": edition.pk,
                    "first_day": edition.starts_on.isoformat(),
                    "last_day": edition.ends_on.isoformat(),
                    # Category numbers as in the badge code.
                    "unlimited_entry": [
                        BADGE_CATEGORY_CODES.index(category)
                        for category in edition.unlimited_entry
                        if category in BADGE_CATEGORY_CODES
                    ],
                }
                if edition
                else None
            ),
        }
    )


@require_GET
@gate_required
def revocations(request):
    """Ids of the current edition's revoked badges, revoked after `since` if given, and the
    gate the token belongs to (its name in the request's language), which the gate page, asking
    first for these when its token is entered, shows in its header."""
    revoked = Badge.objects.filter(status=BadgeStatus.REVOKED, edition__is_current=True)
    since = request.GET.get("since")
    if since:
        moment = _moment(since)
        if moment is None:
            raise BadRequest(_("“since” must be a date and time (ISO 8601)."))
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        revoked = revoked.filter(revoked_at__gt=moment)
    ids = list(revoked.order_by("revoked_at").values_list("pk", "revoked_at"))
    return JsonResponse(
        {
            "revoked": [pk for pk, _at in ids],
            "until": (ids[-1][1] if ids else datetime.datetime.now(datetime.UTC)).isoformat(),
            "gate": {"slug": request.gate.slug, "name": request.gate.name},
        }
    )


def scan_answer(outcome: ScanOutcome) -> dict:
    """The gate's answer to a scan, in the active language: the verdict, why (unless
    admitted), who the badge belongs to, and when and where they came in if already inside."""
    answer = {
        "result": outcome.result,
        "message": _(MESSAGES[outcome.result]) if MESSAGES[outcome.result] else "",
    }
    if outcome.result == CONFLICT:
        return answer
    person = outcome.person
    if person is not None:
        answer["badge"] = {
            "id": person.badge_id,
            "name": person.name,
            "organisation": person.organisation,
            "category": person.category,
            "category_label": str(AttendeeCategory(person.category).label),
        }
    if outcome.already_in_at:
        answer["already_in"] = {"at": outcome.already_in_at, "gate": outcome.already_in_gate}
    return answer


def _json(request) -> dict:
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


def _scan_fields(data) -> dict:
    """One scan's fields, each of its type and within its bounds, or BadRequest."""
    if not isinstance(data, dict) or not _is_text(data.get("code")):
        raise BadRequest(_("Each scan needs a “code”."))
    direction = data.get("direction", Direction.IN)
    if not isinstance(direction, str) or direction not in Direction.values:
        raise BadRequest(_("“direction” is “in” or “out”."))
    scan_id = data.get("scan_id", "")
    if not _is_text(scan_id) or len(scan_id) > MAX_SCAN_ID_LENGTH:
        raise BadRequest(
            _("“scan_id” is text of at most %(max)s characters.") % {"max": MAX_SCAN_ID_LENGTH}
        )
    scanned_at = None
    if data.get("scanned_at") is not None and data.get("scanned_at") != "":
        scanned_at = _moment(data["scanned_at"])
        if scanned_at is None or scanned_at.tzinfo is None:
            raise BadRequest(_("“scanned_at” must be a date and time with its time zone."))
    return {
        "code": data["code"][:MAX_CODE_LENGTH],
        "direction": direction,
        "scan_id": scan_id,
        "scanned_at": scanned_at,
    }


def _is_text(value) -> bool:
    """A string the database can store: no NUL, no lone surrogate (JSON lets "\\ud800"
    through)."""
    if not isinstance(value, str) or "\x00" in value:
        return False
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return True


def _moment(value) -> datetime.datetime | None:
    """The date and time an ISO 8601 string gives, or None for anything else, including a
    well-formed impossible one (month 13, an offset of 99 hours) or one of another age."""
    if not _is_text(value):
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        return None
    if moment is None or moment.year not in POSSIBLE_YEARS:
        return None
    return moment


def _device(request) -> str:
    return request.headers.get("User-Agent", "")[:100]
