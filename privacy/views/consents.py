"""A person's choices (consents), kept from their account or from the link in every e-mail.

Each page lists every holder of the person's consents: their account, and each visitor's
registration that is theirs (linked to the account, or made with its address). Giving or
withdrawing one takes effect at once, the history kept (events.services.consents).

The link's token stands for the address the e-mail went to (fairsite.tokens); a token that is
not genuine answers 404 like any unknown address, so the page tells nobody whether an
address is known.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from events.models import Attendee, Consent
from events.services.consents import CONSENT_TEXTS, consent_give, consent_withdraw
from fairsite.models import User
from fairsite.tokens import address_from_token

ACCOUNT = "account"


@dataclass
class Holder:
    """One holder of a person's consents: their account or one of their registrations."""

    key: str  # "account" or "attendee-<pk>", as the form posts it
    user: User | None = None
    attendee: Attendee | None = None
    consents: list[dict] = field(default_factory=list)

    def owner(self) -> dict:
        return {"user": self.user} if self.user is not None else {"attendee": self.attendee}


def _holders(*, user: User | None, address: str) -> list[Holder]:
    """The account (if any) and the registrations of one person, each with every kind of
    consent: its words, and the consent in force if one is."""
    holders = [Holder(key=ACCOUNT, user=user)] if user is not None else []
    mine = Q(email__iexact=address) if address else Q(pk__in=[])
    if user is not None:
        mine |= Q(user=user)
    attendees = Attendee.objects.filter(mine).select_related("edition")
    holders += [
        Holder(key=f"attendee-{a.pk}", attendee=a)
        for a in attendees.order_by("-edition__starts_on", "pk")
    ]
    held = Q(user=user) if user is not None else Q(pk__in=[])
    held |= Q(attendee__in=[h.attendee for h in holders if h.attendee is not None])
    in_force = {
        (consent.user_id, consent.attendee_id, consent.kind): consent
        for consent in Consent.objects.filter(held, withdrawn_at=None)
    }
    for holder in holders:
        holder_ids = (
            (holder.user.pk, None) if holder.user is not None else (None, holder.attendee.pk)
        )
        holder.consents = [
            {"kind": kind, "text": text, "given": in_force.get((*holder_ids, kind))}
            for kind, (_version, text) in CONSENT_TEXTS.items()
        ]
    return holders


def _change(request, holders: list[Holder], back: str):
    """Give or withdraw the consent the form names, for a holder among `holders`."""
    kind = request.POST.get("kind", "")
    if kind not in CONSENT_TEXTS:
        return HttpResponseBadRequest()
    holder = next((h for h in holders if h.key == request.POST.get("holder")), None)
    if holder is None:
        raise Http404
    if request.POST.get("action") == "give":
        consent_give(kind=kind, language=get_language(), **holder.owner())
        messages.success(request, _("Your choice is saved."))
    else:
        consent_withdraw(kind=kind, **holder.owner())
        messages.success(request, _("Your consent is withdrawn, from now on."))
    return redirect(f"{back}#{holder.key}")


def _page(request, holders: list[Holder], *, by_link: bool):
    response = render(request, "privacy/consents.html", {"holders": holders, "by_link": by_link})
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@login_required
def account_choices(request):
    """The signed-in person's choices: their account's and their registrations'."""
    # The account itself, not request.user's lazy stand-in: the consent service locks the
    # holder's row through its model.
    user = User.objects.get(pk=request.user.pk)
    holders = _holders(user=user, address=user.email)
    if request.method == "POST":
        return _change(request, holders, reverse("privacy:account_choices"))
    return _page(request, holders, by_link=False)


@never_cache
def choices_by_link(request, token):
    """The choices of whoever holds the address the e-mail with this link went to."""
    address = address_from_token(token)
    if address is None:
        raise Http404
    user = User.objects.filter(email__iexact=address).first()
    holders = _holders(user=user, address=address)
    if request.method == "POST":
        return _change(request, holders, reverse("privacy:choices_by_link", args=[token]))
    return _page(request, holders, by_link=True)
