"""Leads at the stands: the exhibitor's pages (their stand's visits and leads, notes, exports,
the phones paired to scan), the stand's scanner (no account: its device token), and the
visitor's removal of a stand from their badge page.

The portal's pages look the application up among those the signed-in user manages, so
another exhibitor's stand answers 404; what a stand may see of a visitor comes from
`exhibitors.selectors` (`Lead`), never from the visit's visitor directly.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.scanner_page import scanner_render
from events.services.badge_links import badge_from_link_token
from events.services.devices import (
    device_pairing_start,
    device_unpair,
    devices_of,
    pairing_code_display,
    pairing_qr_svg,
)
from exhibitors.choices import StandScanResult
from exhibitors.errors import LeadError
from exhibitors.forms import LeadNoteForm, StandDeviceForm
from exhibitors.lead_exports import leads_csv, leads_xlsx
from exhibitors.models import Application, StandDevice, StandVisit
from exhibitors.selectors import stand_lead, stand_leads
from exhibitors.services.leads import EXHIBITING, lead_annotate, lead_forget


def _my_stand(request, pk) -> Application:
    return get_object_or_404(
        Application.objects.of_user(request.user).select_related("edition", "cooperative", "stand"),
        pk=pk,
    )


def takes_scans(application: Application) -> bool:
    """Whether the stand may pair phones and scan: a place at the current edition."""
    return application.status in EXHIBITING and application.edition.is_current


@login_required
def lead_list(request, pk):
    application = _my_stand(request, pk)
    leads = stand_leads(application)
    return render(
        request,
        "exhibitors/lead_list.html",
        {
            "application": application,
            "leads": leads,
            "shared": sum(1 for lead in leads if lead.contact),
            "takes_scans": takes_scans(application),
        },
    )


@login_required
def lead_edit(request, pk, visit_pk):
    application = _my_stand(request, pk)
    lead = stand_lead(application, visit_pk)
    if lead is None:
        raise Http404
    initial = {"note": lead.visit.note, "rating": lead.visit.rating or ""}
    form = LeadNoteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            lead_annotate(
                visit=lead.visit, note=form.cleaned_data["note"], rating=form.cleaned_data["rating"]
            )
        except LeadError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your note is saved."))
            listing = reverse("exhibitors:lead_list", args=[application.pk])
            return redirect(f"{listing}#visit-{lead.visit.pk}")
    return render(
        request,
        "exhibitors/lead_form.html",
        {"application": application, "lead": lead, "form": form},
    )


@login_required
def lead_export_csv(request, pk):
    application = _my_stand(request, pk)
    body = leads_csv(stand_leads(application), zone=application.edition.zone)
    return _download(body, "text/csv; charset=utf-8", _export_name(application, "csv"))


@login_required
def lead_export_xlsx(request, pk):
    application = _my_stand(request, pk)
    body = leads_xlsx(
        stand_leads(application),
        zone=application.edition.zone,
        title=_("Stand visits"),
        rtl=get_language_bidi(),
    )
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _download(body, content_type, _export_name(application, "xlsx"))


def _export_name(application: Application, extension: str) -> str:
    # ASCII only: the stand's code when it has one, never the cooperative's name.
    stand = slugify(application.stand.code) if application.stand else ""
    return f"leads-{application.edition.year}-{stand or application.pk}.{extension}"


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def stand_visit_remove(request, token, visit_pk):
    """From the badge page: the visitor takes a stand's link to them away."""
    badge = badge_from_link_token(token)
    if badge is None:
        raise Http404
    visit = get_object_or_404(StandVisit, pk=visit_pk, attendee=badge.attendee_id)
    lead_forget(visit=visit)
    messages.success(request, _("Removed: the stand keeps only an anonymous count of your visit."))
    return redirect(reverse("events:visitor_badge", args=[token]) + "#stands")


@login_required
def stand_devices(request, pk):
    """The phones that scan at the stand: pair one (its QR and code are shown once, here),
    see those paired, unpair one."""
    application = _my_stand(request, pk)
    if not takes_scans(application):
        raise Http404
    form = StandDeviceForm(request.POST or None)
    pairing = None
    if request.method == "POST" and form.is_valid():
        device, code = device_pairing_start(
            model=StandDevice, post=application, by=request.user, name=form.cleaned_data["name"]
        )
        pairing = {
            "device": device,
            "code": pairing_code_display(code),
            "qr": pairing_qr_svg(code),
        }
        form = StandDeviceForm()
    response = render(
        request,
        "exhibitors/stand_devices.html",
        {
            "application": application,
            "devices": devices_of(StandDevice, application),
            "form": form,
            "pairing": pairing,
            "scanner_url": request.build_absolute_uri(reverse("exhibitors:stand_scanner")),
        },
    )
    response["Cache-Control"] = "private, no-store"  # the pairing code is shown once
    return response


@login_required
@require_POST
def stand_device_unpair(request, pk, device_pk):
    application = _my_stand(request, pk)
    device = get_object_or_404(StandDevice, application=application, pk=device_pk)
    device_unpair(device=device, by=request.user)
    messages.success(request, _("The device is unpaired: it can no longer scan for your stand."))
    return redirect("exhibitors:stand_devices", application.pk)


def stand_scanner(request):
    """The page a stand's staff scan with, on a phone paired by the exhibitor: no account,
    its device token is all it holds."""
    return scanner_render(
        request,
        mode="stand",
        title=_("Stand scanner"),
        urls={
            "scan": reverse("exhibitors:stand_scanner_scan"),
            "sync": reverse("exhibitors:stand_scanner_sync"),
            "pair": reverse("exhibitors:stand_scanner_pair"),
            "status": reverse("exhibitors:stand_scanner_status"),
            "keys": reverse("checkin:keys"),
        },
        results={value: str(label) for value, label in StandScanResult.choices},
    )
