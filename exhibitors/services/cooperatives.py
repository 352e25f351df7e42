"""Cooperatives and the people who manage them."""

import hashlib
import secrets
import uuid
from pathlib import Path

from allauth.account.models import EmailAddress
from django.core.files.images import ImageFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Collection

from exhibitors.errors import InvitationInvalid, PhotoLimitReached
from exhibitors.models import (
    Cooperative,
    CooperativeInvitation,
    CooperativePhoto,
)
from fairsite.audit import audit_log
from fairsite.models import User
from fairsite.services.mail import email_render_and_queue
from fairsite.services.site import public_url

EXHIBITORS_COLLECTION = "Exhibitors"


@transaction.atomic
def cooperative_create(*, by: User, logo_upload=None, **fields) -> Cooperative:
    """Create a cooperative managed by `by`, with its logo when one is uploaded (a file
    already checked by the form). Raises ValidationError on bad fields."""
    cooperative = Cooperative(**fields)
    if logo_upload:
        cooperative.logo = cooperative_image_create(
            file=logo_upload, title=cooperative.name, uploaded_by=by
        )
    cooperative.full_clean()
    cooperative.save()
    cooperative.managers.add(by)
    audit_log(instance=cooperative, action="wagtail.create", by=by)
    return cooperative


@transaction.atomic
def cooperative_update(
    *, cooperative: Cooperative, by: User, logo_upload=None, remove_logo: bool = False, **fields
) -> Cooperative:
    """Save the profile's fields; a new logo replaces the old one, whose image is deleted."""
    for name, value in fields.items():
        setattr(cooperative, name, value)
    old_logo = cooperative.logo if (logo_upload or remove_logo) else None
    if logo_upload:
        cooperative.logo = cooperative_image_create(
            file=logo_upload, title=cooperative.name, uploaded_by=by
        )
    elif remove_logo:
        cooperative.logo = None
    cooperative.full_clean()
    cooperative.save()
    if old_logo is not None:
        old_logo.delete()
    audit_log(instance=cooperative, action="wagtail.edit", by=by)
    return cooperative


def exhibitors_collection() -> Collection:
    """The collection that holds the exhibitors' logos and photos (made on first use)."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=EXHIBITORS_COLLECTION).first()
    return existing or root.add_child(name=EXHIBITORS_COLLECTION)


def cooperative_image_create(*, file, title: str, uploaded_by: User | None):
    """A Wagtail image in the exhibitors' collection from an uploaded file that the form has
    checked (fairsite.uploads.FileContentValidator: a JPEG or PNG Pillow reads, size-limited),
    stored under a random name."""
    extension = Path(file.name).suffix.lower() or ".png"
    image = get_image_model()(
        title=title[:255],
        collection=exhibitors_collection(),
        uploaded_by_user=uploaded_by,
        file=ImageFile(file, name=f"{uuid.uuid4().hex}{extension}"),
    )
    image._set_image_file_metadata()
    image.save()
    return image


@transaction.atomic
def cooperative_photo_add(
    *, cooperative: Cooperative, file, by: User | None, caption_ar: str = "", caption_fr: str = ""
) -> CooperativePhoto:
    """Add a photo to the gallery, last. Raises PhotoLimitReached past
    CooperativePhoto.MAX_PER_COOPERATIVE (the cooperative's row is locked while counting)."""
    Cooperative.objects.select_for_update().filter(pk=cooperative.pk).first()
    photos = CooperativePhoto.objects.filter(cooperative=cooperative)
    if photos.count() >= CooperativePhoto.MAX_PER_COOPERATIVE:
        raise PhotoLimitReached(
            _("A profile holds %(count)s photos at most: remove one first.")
            % {"count": CooperativePhoto.MAX_PER_COOPERATIVE}
        )
    last = photos.order_by("-sort_order").values_list("sort_order", flat=True).first()
    photo = CooperativePhoto.objects.create(
        cooperative=cooperative,
        image=cooperative_image_create(file=file, title=cooperative.name, uploaded_by=by),
        caption_ar=caption_ar,
        caption_fr=caption_fr,
        sort_order=(last or 0) + 1,
    )
    audit_log(instance=cooperative, action="wagtail.edit", by=by)
    return photo


@transaction.atomic
def cooperative_photo_remove(*, photo: CooperativePhoto, by: User | None) -> None:
    """Remove a photo from the gallery, and its image."""
    cooperative = photo.cooperative
    photo.delete()
    photo.image.delete()
    audit_log(instance=cooperative, action="wagtail.edit", by=by)


@transaction.atomic
def cooperative_invite(
    *, cooperative: Cooperative, email: str, by: User, language: str
) -> CooperativeInvitation:
    """Invite `email` to manage the cooperative; the e-mail carries a one-time link.

    Only a hash of the link's token is stored. A new invitation to the same address
    replaces the one still open.
    """
    email = email.strip().lower()
    if cooperative.managers.filter(email__iexact=email).exists():
        raise InvitationInvalid(_("This person already manages the cooperative."))
    cooperative.invitations.filter(email=email, accepted_at__isnull=True).delete()
    token = secrets.token_urlsafe(32)
    invitation = CooperativeInvitation.objects.create(
        cooperative=cooperative, email=email, token_hash=_token_hash(token), invited_by=by
    )
    audit_log(instance=invitation, action="wagtail.create", by=by)
    with translation.override(language):
        url = public_url(reverse("exhibitors:invitation_accept", args=[token]))
    email_render_and_queue(
        to=[email],
        template_prefix="exhibitors/email/invitation",
        context={"cooperative": cooperative, "invited_by": by, "url": url},
        language=language,
    )
    return invitation


def invitation_for_token(token: str) -> CooperativeInvitation:
    """The open, unexpired invitation a link's token stands for; InvitationInvalid if none."""
    invitation = (
        CooperativeInvitation.objects.select_related("cooperative")
        .filter(token_hash=_token_hash(token), accepted_at__isnull=True)
        .first()
    )
    if invitation is None or invitation.created_at < timezone.now() - invitation.VALID_FOR:
        raise InvitationInvalid(_("This invitation link is no longer valid. Ask for a new one."))
    return invitation


@transaction.atomic
def cooperative_invitation_accept(*, token: str, user: User) -> Cooperative:
    """Make `user` a manager, if their verified e-mail address is the one invited."""
    invitation = invitation_for_token(token)
    invitation = CooperativeInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationInvalid(_("This invitation link is no longer valid. Ask for a new one."))
    verified = EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()
    if not verified:
        raise InvitationInvalid(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    invitation.cooperative.managers.add(user)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit_log(
        instance=invitation.cooperative, action="exhibitors.cooperative.manager_added", by=user
    )
    return invitation.cooperative


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
