"""Attendees and their badges: issue, reissue, revoke; gate tokens."""

import datetime
import uuid

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from events import tokens
from events.choices import BADGE_CATEGORY_CODES, AttendeeCategory, BadgeStatus
from events.errors import BadgeError
from events.keys import signing_key
from events.models import Attendee, Badge, Edition
from events.services.badge_links import badge_deliver_queue
from fairsite.audit import audit_log
from fairsite.models import User

# The admin log's actions (registered in events/viewsets.py).
REVOKED_ACTION = "events.badge.revoked"
REISSUED_ACTION = "events.badge.reissued"
DAYS_CHANGED_ACTION = "events.badge.days_changed"
IMPORTED_ACTION = "events.attendees.imported"


def badge_claims(badge: Badge) -> tokens.BadgeClaims:
    return tokens.BadgeClaims(
        badge_id=badge.pk,
        edition_id=badge.edition_id,
        category=BADGE_CATEGORY_CODES.index(badge.category),
        first_day=badge.valid_from,
        days=(badge.valid_until - badge.valid_from).days + 1,
    )


@transaction.atomic
def badge_issue(
    *,
    attendee: Attendee,
    replaces: Badge | None = None,
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
) -> Badge:
    """A new active badge for the attendee, with its code: valid every day of the edition
    unless other days are given (set-up crews, rehearsals)."""
    edition = attendee.edition
    badge = Badge.objects.create(
        attendee=attendee,
        edition=edition,
        category=attendee.category,
        valid_from=valid_from or edition.starts_on,
        valid_until=valid_until or edition.ends_on,
        replaces=replaces,
    )
    badge.code = tokens.encode(badge_claims(badge), key=signing_key())
    badge.save(update_fields=["code"])
    return badge


@transaction.atomic
def attendee_register(
    *,
    edition: Edition,
    category: str,
    full_name: str = "",
    organisation: str = "",
    email: str = "",
    phone: str = "",
    language: str = "ar",
    how_heard: str = "",
    user=None,
) -> tuple[Attendee, Badge]:
    """Register a person and give them a badge. `phone` is a mobile number in E.164 form
    (fairsite.phones.phone_normalise).

    A visitor registering again with the same e-mail or mobile number for the same edition
    gets back the badge they already have, not a second one (a database constraint holds it
    under concurrent registrations too).
    """
    email = email.strip().lower()
    if category == AttendeeCategory.VISITOR and (email or phone):
        registered = _visitor_registered(edition, email=email, phone=phone)
        if registered is not None:
            return registered
    try:
        with transaction.atomic():
            attendee = Attendee.objects.create(
                edition=edition,
                category=category,
                full_name=full_name.strip(),
                organisation=organisation.strip(),
                email=email,
                phone=phone,
                language=language,
                how_heard=how_heard,
                user=user,
            )
    except IntegrityError:
        # The same visitor registering twice at once: the other request's row is there now.
        registered = _visitor_registered(edition, email=email, phone=phone)
        if category != AttendeeCategory.VISITOR or registered is None:
            raise
        return registered
    return attendee, badge_issue(attendee=attendee)


def _visitor_registered(
    edition: Edition, *, email: str = "", phone: str = ""
) -> tuple[Attendee, Badge] | None:
    """The visitor already registered with this address or this number, and their badge;
    None if new."""
    match = Q()
    if email:
        match |= Q(email__iexact=email)
    if phone:
        match |= Q(phone=phone)
    if not match:
        return None
    attendee = (
        Attendee.objects.select_for_update()
        .filter(match, edition=edition, category=AttendeeCategory.VISITOR)
        .order_by("pk")
        .first()
    )
    if attendee is None:
        return None
    return attendee, attendee.badges.active().first() or badge_issue(attendee=attendee)


@transaction.atomic
def badge_revoke(*, badge: Badge, by: User | None = None) -> Badge:
    """Revoke a badge at once: every gate refuses its code from now on."""
    badge = _revoked(badge)
    audit_log(instance=badge, action=REVOKED_ACTION, by=by)
    return badge


@transaction.atomic
def badge_reissue(*, badge: Badge, by: User | None = None) -> Badge:
    """A lost badge: revoke its code and issue a new one to the same person. A badge already
    replaced is refused: its holder has the newer one."""
    badge = _revoked(badge)
    if Badge.objects.filter(replaces=badge).exists():
        raise BadgeError(_("This badge has already been replaced."), code="already_replaced")
    new = badge_issue(attendee=badge.attendee, replaces=badge)
    audit_log(instance=new, action=REISSUED_ACTION, by=by, data={"replaces": badge.pk})
    return new


@transaction.atomic
def badge_days_change(
    *, badge: Badge, valid_from: datetime.date, valid_until: datetime.date, by: User | None = None
) -> Badge:
    """Make the badge valid on other days. The days are signed into its code, which offline
    gates trust, so the code cannot stay: the badge is replaced by a new one carrying the new
    days (the old code is revoked, offline gates learn it with the revocations), whoever is
    inside stays inside, and the new badge goes to its holder as they registered. Returns the
    badge that is valid now: the same one if the days did not change."""
    if valid_from > valid_until:
        raise BadgeError(
            _("The first valid day must come before the last one."), code="days_reversed"
        )
    edition = badge.edition
    if valid_from < edition.starts_on - datetime.timedelta(days=30) or valid_until > (
        edition.ends_on + datetime.timedelta(days=30)
    ):
        raise BadgeError(
            _("A badge is valid only around its edition's days."), code="days_out_of_edition"
        )
    old = _revoked_unless_same(badge, valid_from, valid_until)
    if old is None:
        return badge
    new = badge_issue(
        attendee=old.attendee, replaces=old, valid_from=valid_from, valid_until=valid_until
    )
    new.inside, new.last_entry_at, new.last_entry_gate_id = (
        old.inside,
        old.last_entry_at,
        old.last_entry_gate_id,
    )
    new.save(update_fields=["inside", "last_entry_at", "last_entry_gate"])
    audit_log(
        instance=new,
        action=DAYS_CHANGED_ACTION,
        by=by,
        data={
            "replaces": old.pk,
            "valid_from": valid_from.isoformat(),
            "valid_until": valid_until.isoformat(),
        },
    )
    badge_deliver_queue(badge=new, language=new.attendee.language)
    return new


def _revoked_unless_same(
    badge: Badge, valid_from: datetime.date, valid_until: datetime.date
) -> Badge | None:
    """The badge revoked, read again under its lock; None if it already has these days."""
    current = Badge.objects.select_for_update().select_related("attendee").get(pk=badge.pk)
    if (current.valid_from, current.valid_until) == (valid_from, valid_until):
        return None
    if current.status == BadgeStatus.REVOKED:
        raise BadgeError(_("This badge is revoked: it no longer has days."), code="revoked")
    return _revoked(current)


def _revoked(badge: Badge) -> Badge:
    badge = Badge.objects.select_for_update().get(pk=badge.pk)
    if badge.status != BadgeStatus.REVOKED:
        badge.status = BadgeStatus.REVOKED
        badge.revoked_at = timezone.now()
        badge.save(update_fields=["status", "revoked_at"])
    return badge


@transaction.atomic
def badges_issue_blank(*, edition: Edition, category: str, count: int) -> list[Badge]:
    """Badges without a name for pre-printed batches (walk-in visitors write theirs).

    Made in bulk, a few statements for thousands: the rows first, each badge with a stand-in
    code (codes are unique), then the signed codes, which need the badges' ids.
    """
    attendees = Attendee.objects.bulk_create(
        [Attendee(edition=edition, category=category) for _n in range(count)], batch_size=500
    )
    stand_in = uuid.uuid4().hex
    badges = Badge.objects.bulk_create(
        [
            Badge(
                attendee=attendee,
                edition=edition,
                category=category,
                valid_from=edition.starts_on,
                valid_until=edition.ends_on,
                code=f"-{stand_in}-{number}",  # never a code: a code has no "-"
            )
            for number, attendee in enumerate(attendees)
        ],
        batch_size=500,
    )
    key = signing_key()
    for badge in badges:
        badge.code = tokens.encode(badge_claims(badge), key=key)
    Badge.objects.bulk_update(badges, ["code"], batch_size=500)
    return badges


@transaction.atomic
def visitor_register(
    *,
    edition: Edition,
    full_name: str,
    email: str = "",
    phone: str = "",
    organisation: str = "",
    how_heard: str = "",
    language: str = "ar",
) -> tuple[Badge, bool]:
    """A visitor's badge, sent to them after commit; True if it is new. An e-mail holder gets
    it by e-mail with the PDF attached, a visitor who gave only a mobile number (verified
    beforehand) a link to it by SMS.

    Registering again with the same address or number sends the same badge again, to what
    was registered with it (never to what was typed this time).
    """
    registered = _visitor_registered(edition, email=email.strip().lower(), phone=phone)
    if registered is not None:
        attendee, badge = registered
        badge_deliver_queue(badge=badge, language=attendee.language)
        return badge, False
    _attendee, badge = attendee_register(
        edition=edition,
        category=AttendeeCategory.VISITOR,
        full_name=full_name,
        organisation=organisation,
        email=email,
        phone=phone,
        language=language,
        how_heard=how_heard,
    )
    badge_deliver_queue(badge=badge, language=language)
    return badge, True
