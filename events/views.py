"""Visitors' pages: registering for a badge, and the badge itself on a phone."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.forms import VisitorRegistrationForm
from events.models import Edition
from events.pdf import badges_pdf, qr_data_uri
from events.services.badges import badge_from_link_token, badge_link_token, visitor_register


def visitor_register_view(request):
    edition = Edition.objects.current()
    is_open = edition is not None and edition.visitor_registration_is_open()
    form = VisitorRegistrationForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and is_open and form.is_valid():
        badge, created = visitor_register(edition=edition, **form.cleaned_data)
        if created:
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
        {"form": form, "edition": edition, "is_open": is_open},
    )


def visitor_badge(request, token):
    badge = _badge_or_404(token)
    return render(
        request,
        "events/visitor_badge.html",
        {"badge": badge, "qr": qr_data_uri(badge.code), "token": token},
    )


def visitor_badge_pdf(request, token):
    badge = _badge_or_404(token)
    response = HttpResponse(
        badges_pdf([badge], language=get_language()), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="badge.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _badge_or_404(token):
    badge = badge_from_link_token(token)
    if badge is None:
        raise Http404
    return badge
