"""Public pages of the fair's events: visitor registration, a visitor's badge, the gate page."""

import json
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.forms import BadgeLinkRequestForm, PhoneCodeForm, VisitorRegistrationForm
from events.models import Edition, PracticalInfoPage
from events.pdf import badges_pdf, qr_data_uri
from events.scanner_page import scanner_render
from events.services.badge_links import (
    badge_from_link_token,
    badge_link_token,
    badge_link_url,
    badge_links_send_queue,
)
from events.services.badges import visitor_register
from events.services.consents import (
    CONSENT_TEXTS,
    consent_give,
    consent_withdraw,
    consents_in_force,
)
from events.services.phone_codes import (
    PhoneCodeRefused,
    visitor_phone_code_check,
    visitor_phone_code_send,
    visitor_phone_waiting,
)
from fairsite.ratelimit import allow, client_ip


def visitor_register_view(request):
    edition = Edition.objects.current()
    is_open = edition is not None and edition.visitor_registration_is_open()
    form = VisitorRegistrationForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and is_open and form.is_valid():
        data = form.cleaned_data
        phone = data["phone"] if form.by_phone_only else ""
        if not _registration_allowed(request, email=data["email"], phone=phone):
            messages.error(
                request, _("Too many registrations in a short time. Please try again later.")
            )
            return render(
                request,
                "events/visitor_register.html",
                {"form": form, "edition": edition, "is_open": is_open},
                status=429,
            )
        if form.by_phone_only:
            # The number is tied to a badge only once its owner typed the code sent to it.
            visitor_phone_code_send(
                session=request.session,
                phone=data["phone"],
                language=data["language"],
                pending={"registration": form.registration(), "consents": form.consents()},
            )
            return redirect("events:visitor_phone_verify")
        badge, created = visitor_register(edition=edition, **form.registration())
        if created:
            for kind in form.consents():
                consent_give(attendee=badge.attendee, kind=kind, language=badge.attendee.language)
            return redirect("events:visitor_badge", badge_link_token(badge))
        # The badge goes only to the address's owner: typing someone's address here must
        # not show their badge.
        messages.info(
            request,
            _("This address is already registered: we have sent the badge to it again."),
        )
        return redirect("events:visitor_register")
    return render(
        request,
        "events/visitor_register.html",
        {
            "form": form,
            "edition": edition,
            "is_open": is_open,
            "practical_page": PracticalInfoPage.in_language(get_language()),
            **_registration_dates(edition),
        },
    )


def visitor_phone_verify(request):
    """The code texted to a visitor who registered with a mobile number only: once it is
    typed, the badge is theirs (the same one if the number registered before), shown at once
    and its link texted to them."""
    waiting = visitor_phone_waiting(request.session)
    if waiting is None:
        return redirect("events:visitor_register")
    form = PhoneCodeForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "resend":
        phone_code_resend(request, waiting)
        return redirect("events:visitor_phone_verify")
    if request.method == "POST" and form.is_valid():
        edition = Edition.objects.current()
        if edition is None or not edition.visitor_registration_is_open():
            return redirect("events:visitor_register")
        try:
            pending = visitor_phone_code_check(
                session=request.session, code=form.cleaned_data["code"]
            )
        except PhoneCodeRefused as refusal:
            if visitor_phone_waiting(request.session) is None:
                messages.error(request, str(refusal))
                return redirect("events:visitor_register")
            form.add_error("code", str(refusal))
        else:
            registration = {**pending["registration"], "phone": pending["phone"]}
            badge, created = visitor_register(edition=edition, **registration)
            if created:
                for kind in pending["consents"]:
                    consent_give(
                        attendee=badge.attendee, kind=kind, language=badge.attendee.language
                    )
            else:
                messages.info(
                    request,
                    _("This number is already registered: here is your badge again."),
                )
            return redirect("events:visitor_badge", badge_link_token(badge))
    return render(
        request,
        "events/visitor_phone_verify.html",
        {"form": form, "phone": waiting["phone"]},
    )


def _registration_dates(edition: Edition | None) -> dict:
    """When a closed registration opens, or when it closed, for the page to say so."""
    now = timezone.now()
    opens_at = edition and edition.visitor_registration_opens_at
    closes_at = edition and edition.visitor_registration_closes_at
    return {
        "opens_at": opens_at if opens_at and opens_at > now else None,
        "closed_at": closes_at if closes_at and closes_at <= now else None,
    }


def _registration_allowed(request, *, email: str, phone: str) -> bool:
    # A few resends an hour for one address or number (else anyone could flood a mailbox or a
    # phone with it), and generous room for one network address: the venue's wifi is shared
    # by many visitors.
    return (
        (not email or allow(f"visit-email:{email.lower()}", limit=3, period=3600))
        and (not phone or phone_code_allowed(request, phone))
        and allow(f"visit-ip:{client_ip(request)}", limit=300, period=3600)
    )


def phone_code_allowed(request, phone: str) -> bool:
    """Whether one more code may be texted to `phone` from this address (the public form,
    the kiosk). A text message costs money and reaches a person: one a minute and five an
    hour for a number, and far fewer from one address than e-mails (still room for the
    venue's wifi)."""
    return (
        allow(f"visit-phone-minute:{phone}", limit=1, period=60)
        and allow(f"visit-phone:{phone}", limit=5, period=3600)
        and allow(f"visit-sms-ip:{client_ip(request)}", limit=100, period=3600)
    )


def phone_code_resend(request, waiting: dict) -> None:
    """Text the waiting visitor a new code, within the limits, and say so."""
    if phone_code_allowed(request, waiting["phone"]):
        visitor_phone_code_send(
            session=request.session,
            phone=waiting["phone"],
            language=waiting["language"],
            pending=waiting["pending"],
        )
        messages.info(request, _("A new code is on its way."))
    else:
        messages.error(request, _("Too many codes in a short time. Please try again later."))


def visitor_badge(request, token):
    badge = badge_from_link_token(token)
    if badge is None:
        return _badge_link_refused(request)
    in_force = consents_in_force(badge.attendee)
    return render(
        request,
        "events/visitor_badge.html",
        {
            "badge": badge,
            "qr": qr_data_uri(badge.code),
            "token": token,
            "whatsapp_url": _whatsapp_share_url(badge),
            "practical_page": PracticalInfoPage.in_language(get_language()),
            "consents": [
                {"kind": kind, "text": text, "given": in_force.get(kind)}
                for kind, (_version, text) in CONSENT_TEXTS.items()
            ],
        },
    )


def _whatsapp_share_url(badge) -> str:
    """A link that opens WhatsApp with a message holding the badge page's address, for its
    holder to send to themselves or to whoever comes with them: no number in it, no API."""
    text = _("My badge for the Regional SSE Fair: %(url)s") % {
        "url": badge_link_url(badge, language=get_language())
    }
    return "https://wa.me/?" + urlencode({"text": text}, quote_via=quote)


@require_POST
def visitor_consent(request, token):
    """Give or withdraw one consent from the badge page; it takes effect at once."""
    badge = badge_from_link_token(token)
    if badge is None:
        return _badge_link_refused(request)
    kind = request.POST.get("kind", "")
    if kind not in CONSENT_TEXTS:
        return HttpResponseBadRequest()
    if request.POST.get("action") == "give":
        consent_give(attendee=badge.attendee, kind=kind, language=get_language())
        messages.success(request, _("Your choice is saved."))
    else:
        consent_withdraw(attendee=badge.attendee, kind=kind)
        messages.success(request, _("Your consent is withdrawn, from now on."))
    return redirect(reverse("events:visitor_badge", args=[token]) + "#choices")


def visitor_badge_pdf(request, token):
    badge = badge_from_link_token(token)
    if badge is None:
        return _badge_link_refused(request)
    response = HttpResponse(
        badges_pdf([badge], language=get_language()), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="badge.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _badge_link_refused(request):
    # Expired, replaced, forged or of the old format: the visitor is told alike, and may ask
    # for a new link.
    return render(
        request,
        "events/visitor_badge_link.html",
        {"form": BadgeLinkRequestForm(), "refused": True},
        status=404,
    )


def visitor_badge_link_request(request):
    """A new link to one's badge, sent to the address (by e-mail) or the mobile number (by
    SMS) registered with it; the answer is the same whether or not either has a badge."""
    form = BadgeLinkRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email, phone = form.cleaned_data["email"], form.cleaned_data["phone"]
        if not _badge_link_request_allowed(request, email=email, phone=phone):
            messages.error(request, _("Too many requests in a short time. Please try again later."))
            return render(request, "events/visitor_badge_link.html", {"form": form}, status=429)
        badge_links_send_queue(email=email, phone=phone)
        if phone and not email:
            messages.info(
                request,
                _("If a badge is registered with this number, a new link is on its way to it."),
            )
        else:
            messages.info(
                request,
                _("If a badge is registered with this address, a new link is on its way to it."),
            )
        return redirect("events:visitor_badge_link")
    return render(request, "events/visitor_badge_link.html", {"form": form})


def _badge_link_request_allowed(request, *, email: str, phone: str) -> bool:
    return (
        (not email or allow(f"badge-link-email:{email.lower()}", limit=3, period=3600))
        and (not phone or allow(f"badge-link-phone:{phone}", limit=3, period=3600))
        and allow(f"badge-link-ip:{client_ip(request)}", limit=100, period=3600)
    )


@login_required
@permission_required("events.scan_badges", raise_exception=True)
def gate_page(request):
    """The page gate staff scan badges with: keyboard-wedge scanners, the camera, offline."""
    return scanner_render(
        request,
        mode="gate",
        title=_("Gate"),
        urls={
            "scan": reverse("checkin:scan"),
            "sync": reverse("checkin:sync"),
            "status": reverse("checkin:revocations"),
            "pair": reverse("checkin:pair"),
        },
        service_worker=reverse("events:gate_sw"),
    )


# What the gate page loads, which its service worker keeps for offline use.
GATE_ASSETS = [
    "css/fonts.css",
    "css/site.css",
    "css/gate.css",
    "vendor/js/jsQR.js",
    "js/qr-camera.js",
    "js/scanner.js",
    "vendor/fonts/noto-naskh-arabic-arabic-400-normal.woff2",
    "vendor/fonts/noto-naskh-arabic-arabic-700-normal.woff2",
    "vendor/fonts/noto-sans-latin-400-normal.woff2",
    "vendor/fonts/noto-sans-latin-700-normal.woff2",
]


def gate_service_worker(request):
    """The gate page's service worker, served under the page's path so that it may control it,
    with the addresses of the page's files (hashed in production) to keep."""
    script = (settings.BASE_DIR / "static" / "js" / "gate-sw.js").read_text()
    assets = json.dumps([static(path) for path in GATE_ASSETS])
    script = script.replace("const ASSETS = [];", f"const ASSETS = {assets};", 1)
    response = HttpResponse(script, content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response


def gate_manifest(request):
    return JsonResponse(
        {
            "name": _("Gate · Regional SSE Fair"),
            "short_name": _("Gate"),
            "start_url": reverse("events:gate"),
            "scope": reverse("events:gate"),
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#0c5d3f",
            "lang": get_language(),
            "dir": "rtl" if get_language_bidi() else "ltr",
            "icons": [
                {"src": static("img/gate-icon.svg"), "sizes": "any", "type": "image/svg+xml"}
            ],
        },
        content_type="application/manifest+json",
    )
