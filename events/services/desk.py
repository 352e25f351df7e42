"""Visitors who walk in: registered at the fair's desk or kiosk with a badge printed on the
spot, or given a blank pre-printed badge that the desk binds to them by scanning it.

Registration goes through `visitor_register`, so that the rules of one badge per address or
number, and of sending the badge to what was registered with it, are those of the public form.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.choices import BadgeStatus, RegisteredVia
from events.errors import BadgeError
from events.keys import code_claims
from events.models import Attendee, Badge, Edition
from events.services.badge_links import badge_deliver_queue
from events.services.badges import visitor_register
from events.services.consents import consent_give
from fairsite.audit import audit_log
from fairsite.models import User

WALK_IN_WAYS = (RegisteredVia.DESK, RegisteredVia.KIOSK)


class DeskRefused(BadgeError):
    code = "desk_refused"


def desk_edition() -> Edition:
    """The current edition, while walk-ins can still come to it. Raises DeskRefused."""
    edition = Edition.objects.current()
    if edition is None:
        raise DeskRefused(_("No edition of the fair is current."), code="no_edition")
    if edition.today() > edition.ends_on:
        raise DeskRefused(_("This edition of the fair is over."), code="edition_over")
    return edition


@transaction.atomic
def desk_register(
    *,
    edition: Edition,
    full_name: str,
    email: str = "",
    phone: str = "",
    organisation: str = "",
    how_heard: str = "",
    language: str = "ar",
    consents: list[str] | tuple[str, ...] = (),
    via: str = RegisteredVia.DESK,
    by: User | None = None,
) -> tuple[Badge, bool]:
    """A walk-in visitor's badge, to print at once; True if it is new.

    An e-mail address or mobile number is optional here: the badge is printed, and also sent
    to what was given, after commit. A visitor already registered with that address or number
    gets back the badge they hold (False), sent again to what they registered with, and
    nothing typed now changes it; only a new registration is marked as made `via` the desk or
    the kiosk, with the consents ticked recorded in `language`.
    """
    if via not in WALK_IN_WAYS:
        raise ValueError(f"via is one of {WALK_IN_WAYS}")
    badge, created = visitor_register(
        edition=edition,
        full_name=full_name,
        email=email,
        phone=phone,
        organisation=organisation,
        how_heard=how_heard,
        language=language,
    )
    if created:
        attendee = badge.attendee
        attendee.registered_via = via
        attendee.save(update_fields=["registered_via"])
        for kind in consents:
            consent_give(attendee=attendee, kind=kind, language=language)
        audit_log(instance=badge, action="wagtail.create", by=by, data={"via": str(via)})
    return badge, created


@transaction.atomic
def desk_badge_printed(*, badge: Badge) -> Badge:
    """Record that the desk printed the badge now: a later batch of unprinted badges leaves
    it out."""
    badge.printed_at = timezone.now()
    Badge.objects.filter(pk=badge.pk).update(printed_at=badge.printed_at)
    return badge


@transaction.atomic
def blank_badge_bind(
    *,
    code: str,
    full_name: str,
    phone: str = "",
    email: str = "",
    organisation: str = "",
    language: str = "ar",
    consents: list[str] | tuple[str, ...] = (),
    by: User | None = None,
) -> Badge:
    """Give the blank pre-printed badge whose QR code is `code` to the person named: its
    holder is now them, registered by way of a blank badge, and the badge is sent to the
    address or number given, after commit.

    The badge row is locked before it is checked, so two desks binding the same badge at
    once bind it once. Raises DeskRefused for a code that is not a genuine badge of the
    current edition, a revoked badge, a badge that already carries a name, or an address or
    number already registered with another visitor's badge.
    """
    full_name = full_name.strip()
    email = email.strip().lower()
    if not full_name:
        raise DeskRefused(_("Enter the name of the badge's holder."), code="no_name")
    claims = code_claims(code)
    if claims is None:
        raise DeskRefused(
            _("This code is not a badge of the fair. Scan the badge again."), code="invalid"
        )
    badge = (
        Badge.objects.select_for_update()
        .select_related("edition")
        .filter(pk=claims.badge_id, code=code.strip().upper())
        .first()
    )
    if badge is None:
        raise DeskRefused(
            _("This code is not a badge of the fair. Scan the badge again."), code="invalid"
        )
    current = Edition.objects.current()
    if current is None or badge.edition_id != current.pk:
        raise DeskRefused(_("This badge is for another edition of the fair."), code="wrong_edition")
    if badge.status == BadgeStatus.REVOKED:
        raise DeskRefused(
            _("This badge has been revoked: take another blank badge."), code="revoked"
        )
    attendee = Attendee.objects.select_for_update().get(pk=badge.attendee_id)
    if (
        attendee.full_name
        or attendee.email
        or attendee.phone
        or attendee.registered_via != (RegisteredVia.ONLINE)
    ):
        raise DeskRefused(
            _("This badge already carries a name: it is not a blank badge."), code="not_blank"
        )
    attendee.full_name = full_name
    attendee.organisation = organisation.strip()
    attendee.email = email
    attendee.phone = phone
    attendee.language = language
    attendee.registered_via = RegisteredVia.BLANK_BADGE
    try:
        with transaction.atomic():
            attendee.save(
                update_fields=[
                    "full_name",
                    "organisation",
                    "email",
                    "phone",
                    "language",
                    "registered_via",
                ]
            )
    except IntegrityError:
        # One visitor per address and per number in an edition: a database constraint.
        raise DeskRefused(_already_registered(), code="already_registered") from None
    for kind in consents:
        consent_give(attendee=attendee, kind=kind, language=language)
    audit_log(instance=badge, action="wagtail.edit", by=by, data={"via": "blank_badge"})
    badge.attendee = attendee
    badge_deliver_queue(badge=badge, language=language)
    return badge


def _already_registered() -> str:
    return _(
        "This e-mail address or mobile number is already registered with another badge: "
        "leave it out, or look for that badge."
    )
