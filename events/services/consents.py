"""Consents a visitor gives beyond their badge: recorded with the words they read, withdrawn
as easily, with effect at once."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from events.choices import ConsentKind
from events.models import Attendee, Consent

# The words each choice is offered with, and their version: a new wording gets a new version,
# so that what each person agreed to stays known.
CONSENT_TEXTS = {
    ConsentKind.NEWS: (
        "1",
        _(
            "I would like news of the fair and of the social and solidarity economy from the "
            "Regional Council of the Oriental."
        ),
    ),
    ConsentKind.FINDABLE: (
        "1",
        _(
            "Exhibitors and business-meeting participants may see my name and organisation and "
            "contact me."
        ),
    ),
    ConsentKind.PHOTOS: (
        "1",
        _("The council may publish photos of the fair in which I appear."),
    ),
}


def _holder(attendee: Attendee | None, user) -> dict:
    """The keyword that names the consent's holder: a visitor's registration or an account."""
    if (attendee is None) == (user is None):
        raise ValueError("A consent belongs to an attendee or to an account, not both.")
    return {"attendee": attendee} if attendee is not None else {"user": user}


def consents_in_force(attendee: Attendee | None = None, *, user=None) -> dict[str, Consent]:
    """The consents in force of a visitor's registration or of an account, by kind."""
    holder = _holder(attendee, user)
    return {c.kind: c for c in Consent.objects.filter(withdrawn_at=None, **holder)}


def consent_holds(*, kind: str, attendee: Attendee | None = None, user=None) -> bool:
    """Whether the person agreed to `kind` and has not withdrawn it."""
    return Consent.objects.filter(kind=kind, withdrawn_at=None, **_holder(attendee, user)).exists()


@transaction.atomic
def consent_give(
    *, kind: str, language: str, attendee: Attendee | None = None, user=None
) -> Consent:
    """Record the agreement to `kind` with the words shown in `language`, for a visitor's
    registration or an account (nothing new if it is already in force)."""
    holder = _holder(attendee, user)
    (owner,) = holder.values()
    owner._meta.model.objects.select_for_update().filter(pk=owner.pk).first()  # one at a time
    existing = Consent.objects.filter(kind=kind, withdrawn_at=None, **holder).first()
    if existing is not None:
        return existing
    version, text = CONSENT_TEXTS[ConsentKind(kind)]
    with override(language):
        words = str(text)
    return Consent.objects.create(
        kind=kind, version=version, text=words, language=language, **holder
    )


def consent_withdraw(*, kind: str, attendee: Attendee | None = None, user=None) -> bool:
    """End the agreement to `kind` now; False if none was in force."""
    ended = Consent.objects.filter(kind=kind, withdrawn_at=None, **_holder(attendee, user)).update(
        withdrawn_at=timezone.now()
    )
    return bool(ended)
