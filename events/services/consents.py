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


def consents_in_force(attendee: Attendee) -> dict[str, Consent]:
    """The attendee's consents in force, by kind."""
    return {consent.kind: consent for consent in attendee.consents.filter(withdrawn_at=None)}


@transaction.atomic
def consent_give(*, attendee: Attendee, kind: str, language: str) -> Consent:
    """Record the attendee's agreement to `kind` with the words shown to them in `language`
    (nothing new if it is already in force)."""
    Attendee.objects.select_for_update().filter(pk=attendee.pk).first()
    existing = attendee.consents.filter(kind=kind, withdrawn_at=None).first()
    if existing is not None:
        return existing
    version, text = CONSENT_TEXTS[ConsentKind(kind)]
    with override(language):
        words = str(text)
    return Consent.objects.create(
        attendee=attendee, kind=kind, version=version, text=words, language=language
    )


def consent_withdraw(*, attendee: Attendee, kind: str) -> bool:
    """End the attendee's agreement to `kind` now; False if none was in force."""
    ended = attendee.consents.filter(kind=kind, withdrawn_at=None).update(
        withdrawn_at=timezone.now()
    )
    return bool(ended)
