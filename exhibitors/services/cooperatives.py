"""Cooperatives and the people who manage them."""

import hashlib
import secrets

from allauth.account.models import EmailAddress
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from exhibitors.errors import InvitationInvalid
from exhibitors.models import (
    Cooperative,
    CooperativeInvitation,
)
from fairsite.audit import audit_log
from fairsite.models import User
from fairsite.services.mail import email_render_and_queue
from fairsite.services.site import public_url


@transaction.atomic
def cooperative_create(*, by: User, **fields) -> Cooperative:
    """Create a cooperative managed by `by`. Raises ValidationError on bad fields."""
    cooperative = Cooperative(**fields)
    cooperative.full_clean()
    cooperative.save()
    cooperative.managers.add(by)
    audit_log(instance=cooperative, action="wagtail.create", by=by)
    return cooperative


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
