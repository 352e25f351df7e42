"""The gates' API (DESIGN §6): JSON in and out, authenticated by the bearer token of a device
paired to the gate (`events.scanner_api`)."""

import datetime

from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from events import checkin_db, tokens
from events.choices import BADGE_CATEGORY_CODES, AttendeeCategory, BadgeStatus, ScanResult
from events.keys import verification_keys
from events.models import Badge, Edition, GateDevice
from events.scanner_api import (
    BadRequest,
    device_required,
    json_body,
    moment,
    pair_view,
    scan_fields,
    sync_scans,
    user_agent,
)
from events.services.checkin import (
    CONFLICT,
    MESSAGES,
    ScanOutcome,
    checkin_redeem,
    checkin_sync,
)

gate_required = device_required(GateDevice, find=checkin_db.gate_device_by_token)
pair = pair_view(GateDevice)


@require_POST
@gate_required
def scan(request):
    outcome = checkin_redeem(
        gate=request.device.gate, device=user_agent(request), **scan_fields(json_body(request))
    )
    # A scan id already used for another scan: the device's error, never a verdict.
    return JsonResponse(scan_answer(outcome), status=409 if outcome.result == CONFLICT else 200)


@require_POST
@gate_required
def sync(request):
    outcomes = checkin_sync(
        gate=request.device.gate, scans=sync_scans(request), device=user_agent(request)
    )
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
                    # Test badges pass on any day while this is true, never otherwise.
                    "rehearsal": edition.rehearsal,
                    "test_category": BADGE_CATEGORY_CODES.index(AttendeeCategory.TEST),
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
        moment_since = moment(since)
        if moment_since is None:
            raise BadRequest(_("“since” must be a date and time (ISO 8601)."))
        if timezone.is_naive(moment_since):
            moment_since = timezone.make_aware(moment_since)
        revoked = revoked.filter(revoked_at__gt=moment_since)
    ids = list(revoked.order_by("revoked_at").values_list("pk", "revoked_at"))
    return JsonResponse(
        {
            "revoked": [pk for pk, _at in ids],
            "until": (ids[-1][1] if ids else datetime.datetime.now(datetime.UTC)).isoformat(),
            "post": {"slug": request.device.gate.slug, "name": request.device.gate.name},
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
        if person.category == AttendeeCategory.TEST:
            # Shown in orange: a rehearsal, not an entry.
            answer["rehearsal"] = True
            if outcome.result == ScanResult.OK:
                answer["message"] = _("Admitted (rehearsal)")
    if outcome.already_in_at:
        answer["already_in"] = {"at": outcome.already_in_at, "gate": outcome.already_in_gate}
    return answer
