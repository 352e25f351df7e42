"""The stand scanner's JSON API: scan, sync, status, pairing and a lead's note, each with the
stand device's bearer token (events.scanner_api), answering in the language of the address.

What an answer says of a visitor comes from the scan's outcome or from
`exhibitors.selectors.Lead`: their name only while they share it with the stands.
"""

from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from events.scanner_api import (
    BadRequest,
    device_required,
    json_body,
    pair_view,
    scan_fields,
    sync_scans,
)
from exhibitors.choices import StandScanResult
from exhibitors.errors import LeadError
from exhibitors.models import Application, StandDevice, StandVisit
from exhibitors.selectors import Lead, stand_lead
from exhibitors.services.leads import StandScanOutcome, lead_annotate, lead_scan, lead_sync

COUNTED = (StandScanResult.LEAD, StandScanResult.VISIT)

pair = pair_view(StandDevice)


def stand_label(application: Application) -> str:
    """How the scanner names its stand: its code and the exhibitor's name."""
    name = application.cooperative.display_name
    return f"{application.stand.code} · {name}" if application.stand_id else name


@require_POST
@device_required(StandDevice)
def scan(request):
    fields = scan_fields(json_body(request))
    outcome = lead_scan(
        application=_stand(request),
        code=fields["code"],
        scan_id=fields["scan_id"],
        scanned_at=fields["scanned_at"],
    )
    return JsonResponse(scan_answer(outcome))


@require_POST
@device_required(StandDevice)
def sync(request):
    scans = sync_scans(request)
    outcomes = lead_sync(application=_stand(request), scans=scans)
    return JsonResponse({"results": [scan_answer(outcome) for outcome in outcomes]})


@require_GET
@device_required(StandDevice)
def status(request):
    application = _stand(request)
    visits = StandVisit.objects.of_application(application)
    return JsonResponse(
        {
            "post": {"name": stand_label(application)},
            "device": str(request.device),
            "visits": visits.count(),
        }
    )


@require_POST
@device_required(StandDevice)
def lead_note(request, pk):
    """The note and rating typed on the scanner after a scan: {"note", "rating"}."""
    lead = stand_lead(_stand(request), pk)
    if lead is None:
        return JsonResponse({"error": _("This visit is not one of your stand's.")}, status=404)
    data = json_body(request)
    note, rating = data.get("note", lead.visit.note), data.get("rating", lead.visit.rating)
    if not isinstance(note, str):
        raise BadRequest(_("“note” is text."))
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int)):
        raise BadRequest(_("The rating is a number from 1 to 5."))
    try:
        lead_annotate(visit=lead.visit, note=note, rating=rating)
    except LeadError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse({"message": _("Your note is saved."), "lead": lead_answer(lead)})


def scan_answer(outcome: StandScanOutcome) -> dict:
    """The scanner's answer in the active language: the verdict, who the visitor is only if
    they share it, and the visit for a note and a rating."""
    answer = {
        "result": outcome.result,
        "message": _(outcome.message),
        "tone": "refused"
        if outcome.result not in COUNTED
        else ("warning" if outcome.again else "ok"),
    }
    if outcome.visit is None:
        return answer
    if outcome.rehearsal:
        answer["rehearsal"] = True
    lead = Lead(outcome.visit, outcome.contact)
    if lead.contact is not None:
        answer["badge"] = {
            "name": lead.contact.name,
            "organisation": lead.contact.organisation,
            "category_label": outcome.visit.category_label,
        }
    else:
        answer["badge"] = {"name": _("Anonymous visitor"), "organisation": "", "category_label": ""}
    answer["lead"] = lead_answer(lead)
    return answer


def lead_answer(lead: Lead) -> dict:
    visit = lead.visit
    return {
        "id": visit.pk,
        "note": visit.note,
        "rating": visit.rating,
        "scans": visit.scans,
        "url": reverse("exhibitors:stand_scanner_lead", args=[visit.pk]),
    }


def _stand(request) -> Application:
    return request.device.application
