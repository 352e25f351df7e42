"""The room scanners' API: JSON in and out, authenticated by the bearer token of a device
paired to the room (`events.scanner_api`). Answers as the shared scanner page reads them,
with the seats taken and the places of the session at the door."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from events.choices import AttendeeCategory
from events.scanner_api import (
    device_required,
    json_body,
    pair_view,
    scan_fields,
    sync_scans,
)
from programme import attendance_db
from programme.choices import RoomScanResult
from programme.models import RoomDevice
from programme.services.attendance import (
    CONFLICT,
    RoomScanOutcome,
    attendance_scan,
    attendance_sync,
    session_in_room,
)
from programme.services.signups import places_taken

room_device_required = device_required(RoomDevice, find=attendance_db.room_device_by_token)
pair = pair_view(RoomDevice)

TONES = {
    RoomScanResult.ADMITTED: "ok",
    RoomScanResult.ALREADY_IN: "warning",
}


@require_POST
@room_device_required
def scan(request):
    fields = scan_fields(json_body(request))
    outcome = attendance_scan(
        room=request.device.room,
        code=fields["code"],
        scan_id=fields["scan_id"],
        scanned_at=fields["scanned_at"],
    )
    # A scan id already used for another scan: the device's error, never a verdict.
    return JsonResponse(scan_answer(outcome), status=409 if outcome.result == CONFLICT else 200)


@require_POST
@room_device_required
def sync(request):
    outcomes = attendance_sync(room=request.device.room, scans=sync_scans(request))
    return JsonResponse({"results": [scan_answer(outcome) for outcome in outcomes]})


@require_GET
@room_device_required
def status(request):
    """The room the device is paired to, the session its door admits into now, and its seats."""
    room = request.device.room
    answer = {"post": {"name": room.name}, "session": None}
    session = session_in_room(room)
    if session is not None:
        answer["session"] = {
            "title": session.title,
            "starts_at": session.starts_at.isoformat(),
            "ends_at": session.ends_at.isoformat(),
        }
        if session.places is not None:
            answer["seats"] = {"taken": places_taken(session), "places": session.places}
    return JsonResponse(answer)


def scan_answer(outcome: RoomScanOutcome) -> dict:
    """The scanner's answer in the active language: the verdict and why, its tone, who the
    badge belongs to, the session and its seats."""
    answer = {"result": outcome.result, "message": _(outcome.message)}
    if outcome.result == CONFLICT:
        return answer
    answer["tone"] = TONES.get(outcome.result, "refused")
    if outcome.attendee is not None:
        answer["badge"] = {
            "name": outcome.attendee.full_name,
            "organisation": outcome.attendee.organisation,
            "category": outcome.category,
            "category_label": str(AttendeeCategory(outcome.category).label),
        }
    if outcome.rehearsal:
        answer["rehearsal"] = True
    if outcome.session is not None:
        answer["session"] = {"title": outcome.session.title}
    if outcome.places is not None:
        answer["seats"] = {"taken": outcome.taken, "places": outcome.places}
    return answer
