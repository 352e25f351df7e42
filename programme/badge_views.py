"""Sign-ups from a badge's page: the badge's link (`events.services.badge_links`) is its
holder's key, so a visitor who registered at /visit/ signs up for sessions with the badge they
have, without making an account."""

import uuid

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from events.services.badge_links import badge_from_link_token
from programme.models import Session
from programme.selectors import live_signup
from programme.services.signups import session_signup
from programme.views import cancelled_and_told, signed_up_and_told


@require_POST
def badge_signup_view(request, token):
    """Sign up (`session`, a session's uid) or give up a sign-up (`cancel`, its id) as the
    holder of the badge; back to the badge's sessions."""
    badge = badge_from_link_token(token)
    if badge is None:
        raise Http404
    attendee = badge.attendee
    if uid := request.POST.get("session"):
        session = Session.objects.published().filter(uid=_uuid_or_404(uid)).first()
        if session is None:
            raise Http404
        signed_up_and_told(request, lambda: session_signup(session=session, attendee=attendee))
    elif signup_id := request.POST.get("cancel", ""):
        signup = live_signup(_number_or_404(signup_id), attendee=attendee)
        if signup is None:
            raise Http404
        cancelled_and_told(request, signup)
    else:
        return HttpResponseBadRequest()
    return redirect(reverse("events:visitor_badge", args=[token]) + "#sessions")


def _uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError as error:
        raise Http404 from error


def _number_or_404(value: str) -> int:
    if not value.isdigit():
        raise Http404
    return int(value)
