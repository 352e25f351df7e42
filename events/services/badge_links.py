"""Links to a visitor's badge page and PDF: signed, tied to the badge's current code, expiring.

The link key is not SECRET_KEY: an installation left on the development SECRET_KEY must not let
anyone forge a link to someone's badge. It is BADGE_LINK_KEY when set, else derived from the
badge signing key (which production requires and development makes per machine). A link
stops working when its badge is revoked or reissued (the new badge has another code), and
BADGE_LINK_MAX_AGE_DAYS days after it was sent once the badge's last day is past: a link
sent before the fair works throughout the fair. Its holder can ask for a new one, by e-mail
or by SMS.
"""

import datetime
import hashlib
import hmac

from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from events.choices import BadgeStatus
from events.keys import signing_key
from events.models import Badge
from events.pdf import badges_pdf
from fairsite.queueing import task_queue_after_commit
from fairsite.services.mail import email_render_and_queue
from fairsite.services.site import public_url
from fairsite.services.sms import sms_queue

BADGE_LINK_SALT = "events.badge-link.v2"


def badge_link_key() -> str:
    if settings.BADGE_LINK_KEY:
        return settings.BADGE_LINK_KEY
    raw = signing_key().private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return hmac.new(raw, b"fairsite badge links", hashlib.sha256).hexdigest()


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(key=badge_link_key(), salt=BADGE_LINK_SALT)


def _code_digest(badge: Badge) -> str:
    return hashlib.sha256(badge.code.encode()).hexdigest()[:16]


def badge_link_token(badge: Badge) -> str:
    """The token in the address of the badge's own page, where its holder shows it at the gate."""
    return _signer().sign_object([badge.pk, _code_digest(badge)])


def badge_link_url(badge: Badge, *, language: str) -> str:
    """The badge's page, in `language`, at the site's public address."""
    with translation.override(language):
        return public_url(reverse("events:visitor_badge", args=[badge_link_token(badge)]))


def badge_from_link_token(token: str) -> Badge | None:
    """The active badge a genuine, unexpired link is for; None for any other link (forged,
    signed with another key, in the old format, expired, for a revoked or reissued badge)."""
    signer = _signer()
    try:
        badge_id, digest = signer.unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    badge = (
        Badge.objects.select_related("attendee", "edition")
        .filter(pk=badge_id, status=BadgeStatus.ACTIVE)
        .first()
    )
    if badge is None or not hmac.compare_digest(str(digest), _code_digest(badge)):
        return None
    if badge.edition.today() <= badge.valid_until:
        return badge
    try:
        signer.unsign_object(
            token, max_age=datetime.timedelta(days=settings.BADGE_LINK_MAX_AGE_DAYS)
        )
    except signing.SignatureExpired:
        return None
    return badge


def badge_links_send_queue(*, email: str = "", phone: str = "") -> None:
    """Send a fresh link to each active badge still of use that is held at `email` (by a
    worker, by e-mail with the PDF) or at the mobile number `phone` (E.164, by SMS). The
    visitor's request answers alike for a known and an unknown address or number: for an
    e-mail a task is queued either way (and carries no address); a text message is only a
    row in the SMS outbox, stored as quickly as nothing."""
    if phone:
        for badge in _badges_of_use(Badge.objects.active().filter(attendee__phone=phone)):
            badge_sms_queue(badge=badge, language=badge.attendee.language)
    badge_ids = []
    if email:
        badges = (
            Badge.objects.active()
            .filter(attendee__email__iexact=email.strip())
            .exclude(attendee__email="")
        )
        badge_ids = [badge.pk for badge in _badges_of_use(badges)]
    if email or not phone:
        task_queue_after_commit("events.send_badge_links", badge_ids=badge_ids)


def _badges_of_use(badges) -> list[Badge]:
    badges = badges.select_related("attendee", "edition")
    return [badge for badge in badges if badge.valid_until >= badge.edition.today()]


@transaction.atomic
def badge_links_send(*, badge_ids: list[int]) -> int:
    """Send each of these badges, still active, to its holder with a fresh link; returns
    how many were sent."""
    badges = Badge.objects.active().filter(pk__in=badge_ids).select_related("attendee", "edition")
    for badge in badges:
        badge_deliver_queue(badge=badge, language=badge.attendee.language)
    return len(badges)


def badge_deliver_queue(*, badge: Badge, language: str) -> None:
    """Send the badge to its holder as they registered: by e-mail (a link and the PDF) to an
    address, else a link by SMS to a mobile number; nothing for a badge with neither."""
    if badge.attendee.email:
        badge_mail_queue(badge=badge, language=language)
    elif badge.attendee.phone:
        badge_sms_queue(badge=badge, language=language)


def badge_mail_queue(*, badge: Badge, language: str) -> None:
    """E-mail the badge to its holder: a link to its page, and the PDF attached."""
    email_render_and_queue(
        to=[badge.attendee.email],
        template_prefix="events/email/badge",
        context={"badge": badge, "url": badge_link_url(badge, language=language)},
        language=language,
        attachments=[("badge.pdf", badges_pdf([badge], language=language), "application/pdf")],
    )


def badge_sms_queue(*, badge: Badge, language: str) -> None:
    """Text the link to the badge's page to its holder's mobile number, in `language`."""
    with translation.override(language):
        # Short: a text message in Arabic holds 70 characters, and the link takes many.
        body = gettext("Your badge for the Regional SSE Fair: %(url)s Show it at the entrance.") % {
            "url": badge_link_url(badge, language=language)
        }
    sms_queue(to=badge.attendee.phone, body=body, language=language)
