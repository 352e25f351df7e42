"""The gates' API (DESIGN §6): JSON in and out, authenticated by the gate's bearer token."""

import datetime
import json
from functools import wraps

from django.http import JsonResponse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from events import checkin_db, tokens
from events.choices import BADGE_CATEGORY_CODES, BadgeStatus, Direction
from events.keys import verification_keys
from events.models import Badge, Edition, Gate
from events.services.checkin import checkin_redeem, checkin_sync

MAX_SYNC_SCANS = 500


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
    answer = checkin_redeem(gate=request.gate, device=_device(request), **_scan_fields(data))
    return JsonResponse(answer)


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
        fields.append({**scan_fields, "admitted": bool(entry.get("admitted"))})
    answers = checkin_sync(gate=request.gate, scans=fields, device=_device(request))
    return JsonResponse({"results": answers})


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
    """Ids of the current edition's revoked badges, revoked after `since` if given."""
    revoked = Badge.objects.filter(status=BadgeStatus.REVOKED, edition__is_current=True)
    since = request.GET.get("since")
    if since:
        moment = parse_datetime(since)
        if moment is None:
            raise BadRequest(_("“since” must be a date and time (ISO 8601)."))
        revoked = revoked.filter(revoked_at__gt=moment)
    ids = list(revoked.order_by("revoked_at").values_list("pk", "revoked_at"))
    return JsonResponse(
        {
            "revoked": [pk for pk, _at in ids],
            "until": (ids[-1][1] if ids else datetime.datetime.now(datetime.UTC)).isoformat(),
        }
    )


def _json(request) -> dict:
    try:
        data = json.loads(request.body or b"{}")
    except ValueError as error:
        raise BadRequest(_("The request body is not JSON.")) from error
    if not isinstance(data, dict):
        raise BadRequest(_("The request body must be a JSON object."))
    return data


def _scan_fields(data) -> dict:
    if not isinstance(data, dict) or not isinstance(data.get("code"), str):
        raise BadRequest(_("Each scan needs a “code”."))
    direction = data.get("direction", Direction.IN)
    if direction not in Direction.values:
        raise BadRequest(_("“direction” is “in” or “out”."))
    scanned_at = None
    if data.get("scanned_at"):
        scanned_at = parse_datetime(str(data["scanned_at"]))
        if scanned_at is None or scanned_at.tzinfo is None:
            raise BadRequest(_("“scanned_at” must be a date and time with its time zone."))
    fields = {
        "code": data["code"][:300],
        "direction": direction,
        "scan_id": str(data.get("scan_id", ""))[:64],
        "scanned_at": scanned_at,
    }
    return fields


def _device(request) -> str:
    return request.headers.get("User-Agent", "")[:100]
