"""Pages of attendance: the scanner at a room's door, checking a certificate's code, and the
certificate itself."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from events.scanner_page import scanner_render
from fairsite.ratelimit import allow, client_ip
from fairsite.services.site import public_url
from programme.certificates import certificate_attendance, certificate_clean, certificate_code
from programme.choices import RoomScanResult
from programme.pdf import certificate_pdf

# Checks per address and hour: a person types a few codes, a guesser needs 2^64.
VERIFY_ATTEMPTS = 120


@login_required
@permission_required("events.scan_badges", raise_exception=True)
def room_scanner(request):
    """The page that scans badges at a room's door into the session held there: the device
    is paired to the room from the room's page in the admin."""
    return scanner_render(
        request,
        mode="room",
        title=_("Room"),
        urls={
            "scan": reverse("room_api:scan"),
            "sync": reverse("room_api:sync"),
            "status": reverse("room_api:status"),
            "pair": reverse("room_api:pair"),
        },
        results={value: str(label) for value, label in RoomScanResult.choices},
    )


@require_GET
def certificate_verify(request, code: str = ""):
    """What a certificate says, or that it is not genuine; a form to type a code."""
    typed = request.GET.get("code", "")
    if not code and typed:
        return redirect("attendance:verify", certificate_clean(typed) or "-")
    if not code:
        return render(request, "programme/certificate_verify.html", {})
    if not allow(f"certificate-verify:{client_ip(request)}", limit=VERIFY_ATTEMPTS, period=3600):
        return render(request, "programme/certificate_verify.html", {"limited": True}, status=429)
    attendance = certificate_attendance(code)
    context = {"code": code, "attendance": attendance, "checked": True}
    if attendance is not None:
        context["code"] = certificate_code(attendance)
    response = render(
        request,
        "programme/certificate_verify.html",
        context,
        status=200 if attendance is not None else 404,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def certificate_download(request, code: str):
    attendance = certificate_attendance(code)
    if attendance is None:
        return certificate_verify(request, code)
    printed = certificate_code(attendance)
    pdf = certificate_pdf(attendance, code=printed, verify_url=certificate_verify_url(printed))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="certificate.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def certificate_verify_url(code: str) -> str:
    """Where anyone checks the certificate, at the site's public address (in the language
    the certificate was asked for in)."""
    return public_url(reverse("attendance:verify", args=[code]))
