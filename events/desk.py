"""The registration desk and kiosk for walk-in visitors: a fast form, the badge printed at
once through the browser's print dialog (A6 or a label printer), and blank pre-printed
badges bound to their holder by scanning them.

The desk is for staff who may register walk-ins (`events.register_walk_ins`: the gate staff
and the organisers), without any other right over attendees. The kiosk is the same
form for visitors themselves, on a device a member of staff signed in and left on it: its
pages lead only to one another, and go back to an empty form after a while.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from events.choices import RegisteredVia
from events.desk_forms import BlankBadgeBindForm, DeskRegistrationForm, KioskRegistrationForm
from events.forms import PhoneCodeForm
from events.pdf import CATEGORY_COLOURS, edition_lines, name_size, qr_data_uri, text_direction
from events.services.badge_links import badge_from_link_token, badge_link_token
from events.services.desk import (
    DeskRefused,
    blank_badge_bind,
    desk_badge_printed,
    desk_edition,
    desk_register,
)
from events.services.phone_codes import (
    PhoneCodeRefused,
    visitor_phone_code_check,
    visitor_phone_code_send,
    visitor_phone_waiting,
)
from events.views import phone_code_allowed, phone_code_resend
from fairsite.privacy import NOTICES

DESK_PERMISSION = "events.register_walk_ins"
PAPERS = ("a6", "label")
# Seconds a kiosk waits before it clears what was left on it for the next visitor.
KIOSK_IDLE_SECONDS = 90
KIOSK_PRINTED_SECONDS = 20


def _staff(*permissions):
    def decorator(view):
        @wraps(view)
        @login_required
        @permission_required(permissions, raise_exception=True)
        @never_cache  # names and numbers of visitors: kept by no cache, not the browser's
        def wrapped(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _closed(request, refusal: DeskRefused, *, kiosk: bool):
    template = "events/desk/kiosk_register.html" if kiosk else "events/desk/register.html"
    return render(request, template, {"refusal": str(refusal)})


@_staff(DESK_PERMISSION)
def desk_register_view(request):
    """Staff type a walk-in visitor's name (and more if they wish); the badge prints next."""
    try:
        edition = desk_edition()
    except DeskRefused as refusal:
        return _closed(request, refusal, kiosk=False)
    form = DeskRegistrationForm(request.POST or None, initial={"language": "ar"})
    if request.method == "POST" and form.is_valid():
        badge, created = desk_register(
            edition=edition,
            **form.registration(),
            consents=form.consents(),
            via=RegisteredVia.DESK,
            by=request.user,
        )
        if not created:
            messages.warning(
                request,
                _(
                    "This e-mail address or mobile number is already registered: here is the "
                    "same badge. Check that the name is the visitor's before you hand it over."
                ),
            )
        return redirect("desk:badge", badge_link_token(badge))
    return render(request, "events/desk/register.html", {"form": form, "edition": edition})


@_staff(DESK_PERMISSION)
def desk_badge(request, token):
    """The badge to print on an A6 sheet or a label; the print dialog opens by itself."""
    return _badge_print(request, token, kiosk=False)


@_staff(DESK_PERMISSION)
def blank_badge_bind_view(request):
    """A blank pre-printed badge is scanned, the person's name typed: the badge is theirs."""
    try:
        desk_edition()
    except DeskRefused as refusal:
        return _closed(request, refusal, kiosk=False)
    form = BlankBadgeBindForm(request.POST or None, initial={"language": "ar"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            badge = blank_badge_bind(
                code=data["code"],
                full_name=data["full_name"],
                phone=data["phone"],
                email=data["email"],
                organisation=data["organisation"],
                language=data["language"],
                consents=form.consents(),
                by=request.user,
            )
        except DeskRefused as refusal:
            form.add_error("code", str(refusal))
        else:
            messages.success(
                request,
                _("The badge now belongs to %(name)s. Scan the next blank badge.")
                % {"name": badge.attendee.full_name},
            )
            return redirect("desk:bind")
    return render(request, "events/desk/bind.html", {"form": form, "camera": _camera_config()})


@_staff(DESK_PERMISSION)
def kiosk_register_view(request):
    """The same registration, made by visitors themselves on a kiosk: a badge given back for
    an address already registered is sent to it, not printed for whoever typed it."""
    try:
        edition = desk_edition()
    except DeskRefused as refusal:
        return _closed(request, refusal, kiosk=True)
    form = KioskRegistrationForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.by_phone_only:
            if not phone_code_allowed(request, data["phone"]):
                messages.error(
                    request, _("Too many codes in a short time. Please try again later.")
                )
                return redirect("desk:kiosk")
            # As on the public form: a number is tied to a badge once its owner typed the
            # code sent to it.
            visitor_phone_code_send(
                session=request.session,
                phone=data["phone"],
                language=data["language"],
                pending={"registration": form.registration(), "consents": form.consents()},
            )
            return redirect("desk:kiosk_verify")
        badge, created = desk_register(
            edition=edition,
            **form.registration(),
            consents=form.consents(),
            via=RegisteredVia.KIOSK,
            by=request.user,
        )
        if created:
            return redirect("desk:kiosk_badge", badge_link_token(badge))
        messages.info(
            request,
            _("This address is already registered: we have sent the badge to it again."),
        )
        return redirect("desk:kiosk")
    return render(
        request,
        "events/desk/kiosk_register.html",
        {
            "form": form,
            "edition": edition,
            "idle_seconds": KIOSK_IDLE_SECONDS,
            # The notice without its link: nothing leads out of the kiosk.
            "privacy_notice": NOTICES["visit"],
        },
    )


@_staff(DESK_PERMISSION)
def kiosk_phone_verify(request):
    """The code texted to the number a kiosk visitor gave alone; once typed, the badge (the
    one the number already has, if so) is printed."""
    waiting = visitor_phone_waiting(request.session)
    if waiting is None:
        return redirect("desk:kiosk")
    form = PhoneCodeForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "resend":
        phone_code_resend(request, waiting)
        return redirect("desk:kiosk_verify")
    if request.method == "POST" and form.is_valid():
        try:
            edition = desk_edition()
            pending = visitor_phone_code_check(
                session=request.session, code=form.cleaned_data["code"]
            )
        except DeskRefused as refusal:
            return _closed(request, refusal, kiosk=True)
        except PhoneCodeRefused as refusal:
            if visitor_phone_waiting(request.session) is None:
                messages.error(request, str(refusal))
                return redirect("desk:kiosk")
            form.add_error("code", str(refusal))
        else:
            badge, created = desk_register(
                edition=edition,
                **{**pending["registration"], "phone": pending["phone"]},
                consents=pending["consents"],
                via=RegisteredVia.KIOSK,
                by=request.user,
            )
            if not created:
                messages.info(
                    request, _("This number is already registered: here is your badge again.")
                )
            return redirect("desk:kiosk_badge", badge_link_token(badge))
    return render(
        request,
        "events/desk/kiosk_verify.html",
        {"form": form, "phone": waiting["phone"], "idle_seconds": KIOSK_IDLE_SECONDS},
    )


@_staff(DESK_PERMISSION)
def kiosk_badge(request, token):
    return _badge_print(request, token, kiosk=True)


def _badge_print(request, token, *, kiosk: bool):
    badge = badge_from_link_token(token)
    if badge is None:
        raise Http404
    desk_badge_printed(badge=badge)
    attendee = badge.attendee
    paper = request.GET.get("paper", "")
    return render(
        request,
        "events/desk/badge_print.html",
        {
            "badge": badge,
            "kiosk": kiosk,
            # Chosen by the address, else by this device's last choice (desk.js), else A6.
            "paper": paper if paper in PAPERS else "",
            "qr": qr_data_uri(badge.code),
            "name_dir": text_direction(attendee.full_name),
            "name_size": name_size(attendee.full_name),
            "organisation_dir": text_direction(attendee.organisation),
            "colour": CATEGORY_COLOURS[badge.category],
            "edition_lines": edition_lines(badge.edition),
            "next_url": reverse("desk:kiosk" if kiosk else "desk:register"),
            "return_seconds": KIOSK_PRINTED_SECONDS if kiosk else 0,
        },
    )


def _camera_config() -> dict:
    return {"camera_error": _("The camera cannot be opened.")}
