"""One person, one registration: an account meets the registrations made with its address.

A visitor may register at /visit/ (by e-mail or by mobile number), make an account, or both,
in either order. The account's registration for an edition is the one linked to it, else the
visitor registration made with its e-mail address or its verified mobile number, linked to it
when found. A person found registered twice (once by address, once by number) has the two
merged into one: the sign-ups, consents and the rest follow the registration kept, and the
other's badge is revoked, so that one person holds one badge that opens the gates.
"""

from django.db import IntegrityError, transaction
from django.db.models import Q

from events.choices import AttendeeCategory, BadgeStatus
from events.models import Attendee, Badge, Edition
from events.services.badge_links import badge_deliver_queue
from events.services.badges import badge_revoke
from fairsite.audit import audit_log

MERGED_ACTION = "events.attendee.merged"
# What the kept registration takes from the other when it has none of its own.
CONTACT_FIELDS = ("email", "phone", "full_name", "organisation")


@transaction.atomic
def attendee_of_account(*, user, edition: Edition) -> Attendee | None:
    """The account holder's registration for the edition, or None (see the module). An
    address counts once the account proved it: an account signs in with its e-mail address
    only after confirming it, and a mobile number counts once verified."""
    linked = (
        Attendee.objects.select_for_update().filter(user=user, edition=edition).order_by("pk")
    ).first()
    match = Q()
    if user.email:
        match |= Q(email__iexact=user.email)
    if user.phone and user.phone_verified:
        match |= Q(phone=user.phone)
    found = []
    if match:
        found = list(
            Attendee.objects.select_for_update()
            .filter(match, edition=edition, category=AttendeeCategory.VISITOR, user__isnull=True)
            .order_by("pk")
        )
    if linked is None and not found:
        return None
    keep = linked or found.pop(0)
    for duplicate in found:
        attendees_merge(keep=keep, duplicate=duplicate)
    if keep.user_id is None:
        keep.user = user
        keep.save(update_fields=["user"])
    return keep


@transaction.atomic
def attendees_merge(*, keep: Attendee, duplicate: Attendee, by=None) -> Attendee:
    """Make one registration of two of the same person: what points to `duplicate` points to
    `keep` (where `keep` already has the same, a sign-up for the same session say, the
    duplicate's copy goes), its badges are revoked and kept under `keep` (the gates' log
    names them), and `keep` takes the contact details it lacks. The person is sent the badge
    that opens the gates now."""
    if keep.pk == duplicate.pk or keep.edition_id != duplicate.edition_id:
        raise ValueError("Only two registrations of one edition can be merged.")
    had_a_badge = False
    for badge in duplicate.badges.filter(status=BadgeStatus.ACTIVE):
        badge_revoke(badge=badge, by=by)
        had_a_badge = True
    Badge.objects.filter(attendee=duplicate).update(attendee=keep)
    for relation in Attendee._meta.related_objects:
        if relation.related_model is Badge:
            continue
        rows = relation.related_model._base_manager
        for pk in rows.filter(**{relation.field.name: duplicate}).values_list("pk", flat=True):
            try:
                with transaction.atomic():
                    rows.filter(pk=pk).update(**{relation.field.name: keep})
            except IntegrityError:
                pass  # `keep` has its own: this copy goes with the duplicate
    taken = {
        name: getattr(duplicate, name)
        for name in CONTACT_FIELDS
        if getattr(duplicate, name) and not getattr(keep, name)
    }
    duplicate_pk = duplicate.pk
    duplicate.delete()  # after it: its e-mail and number are free for `keep`
    if taken:
        Attendee.objects.filter(pk=keep.pk).update(**taken)
        for name, value in taken.items():
            setattr(keep, name, value)
    audit_log(instance=keep, action=MERGED_ACTION, by=by, data={"merged": duplicate_pk})
    badge = keep.badges.active().first()
    if had_a_badge and badge is not None:
        badge_deliver_queue(badge=badge, language=keep.language)
    return keep
