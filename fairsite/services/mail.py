"""E-mail: every message is stored in the outbox first, then sent by a worker exactly once."""

import base64
import logging
import re
from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.exceptions import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext

from fairsite.models import OutboundEmail
from fairsite.queueing import task_queue_after_commit
from fairsite.services.site import public_url
from fairsite.tokens import address_token

logger = logging.getLogger(__name__)


def email_sender(language: str) -> str:
    """The From header of an e-mail written in `language`: the fair's name in that language
    at the address of DEFAULT_FROM_EMAIL, e.g. "Salon ESS Oriental <noreply@…>" in French.

    The name is kept readable (Django encodes it when the message goes out), so the outbox
    shows it as the reader will.
    """
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    with translation.override(language):
        # Translators: the sender's name on every e-mail the site sends.
        name = gettext("Oriental SSE Fair")
    return str(Address(display_name=name, addr_spec=address))


def email_queue(
    *,
    to: list[str],
    subject: str,
    body_text: str,
    body_html: str = "",
    language: str,
    from_email: str = "",
    attachments: list[tuple[str, bytes, str]] = (),
) -> OutboundEmail:
    """Store an e-mail and hand it to a worker once the surrounding transaction commits.

    The stored row is the promise: if the broker cannot be reached, the periodic
    `fairsite.send_pending_emails` task sends it later. Every message ends with the link to
    the recipient's data and choices (law 09-08: withdrawing a consent is as easy as giving
    it), in the message's language.
    """
    body_text, body_html = choices_footer_add(
        to=list(to), body_text=body_text, body_html=body_html, language=language
    )
    email = OutboundEmail.objects.create(
        to=list(to),
        subject=" ".join(subject.splitlines()).strip(),
        body_text=body_text,
        body_html=body_html,
        from_email=from_email or email_sender(language),
        language=language,
        attachments=[
            {"filename": name, "mimetype": mimetype, "content": base64.b64encode(content).decode()}
            for name, content, mimetype in attachments
        ],
    )
    task_queue_after_commit("fairsite.send_email", email_id=email.pk)
    return email


def choices_url(*, to: list[str], language: str) -> str:
    """Where the recipients of a message see and change their choices, in `language`: for
    one recipient, the page their link's token opens (the token stands for their address
    without showing it); a message to several people, who must not change one another's
    choices, points to the page of their own account instead."""
    with translation.override(language):
        if len(to) == 1:
            path = reverse("privacy:choices_by_link", args=[address_token(to[0])])
        else:
            path = reverse("privacy:account_choices")
    return public_url(path)


def choices_footer_add(
    *, to: list[str], body_text: str, body_html: str, language: str
) -> tuple[str, str]:
    """The text and HTML bodies with the 'your data and your choices' line added at the end
    (inside the HTML's body element when it has one)."""
    url = choices_url(to=to, language=language)
    link = format_html('<a href="{}" dir="ltr">{}</a>', url, url)
    with translation.override(language):
        footer_text = render_to_string("fairsite/email/choices_footer.txt", {"url": url})
        footer_html = (
            render_to_string("fairsite/email/choices_footer.html", {"link": link})
            if body_html
            else ""
        )
    footer_text, footer_html = footer_text.strip(), footer_html.strip()
    body_text = f"{body_text.rstrip()}\n\n{footer_text}\n"
    if body_html:
        closing = _BODY_END.search(body_html)
        at = closing.start() if closing else len(body_html)
        body_html = f"{body_html[:at]}{footer_html}\n{body_html[at:]}"
    return body_text, body_html


# The last </body> of an HTML message.
_BODY_END = re.compile(r"</body\s*>(?!.*</body\s*>)", re.IGNORECASE | re.DOTALL)


def email_render_and_queue(
    *,
    to: list[str],
    template_prefix: str,
    context: dict,
    language: str,
    attachments: list[tuple[str, bytes, str]] = (),
) -> OutboundEmail:
    """Render `<prefix>_subject.txt`, `<prefix>_message.txt` (and `.html` if it exists) in
    `language`, then queue the message."""
    with translation.override(language):
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        body_text = render_to_string(f"{template_prefix}_message.txt", context)
        try:
            body_html = render_to_string(f"{template_prefix}_message.html", context)
        except TemplateDoesNotExist:
            body_html = ""
    return email_queue(
        to=to,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        language=language,
        attachments=attachments,
    )


def email_deliver(*, email_id: int) -> bool:
    """Send one stored e-mail unless it has been sent already; True if this call sent it.

    The row stays locked while the message goes out, so two workers handed the same id
    (a retry racing the periodic sweep) cannot both send it. A failure is recorded on the
    row and raised again, for the task to retry.
    """
    try:
        with transaction.atomic():
            email = (
                OutboundEmail.objects.select_for_update()
                .filter(pk=email_id, sent_at__isnull=True)
                .first()
            )
            if email is None:
                return False
            message = EmailMultiAlternatives(
                subject=email.subject,
                body=email.body_text,
                from_email=email.from_email,
                to=email.to,
            )
            if email.body_html:
                message.attach_alternative(email.body_html, "text/html")
            for attachment in email.attachments:
                message.attach(
                    attachment["filename"],
                    base64.b64decode(attachment["content"]),
                    attachment["mimetype"],
                )
            message.send()
            email.sent_at = timezone.now()
            email.attempts = F("attempts") + 1
            email.save(update_fields=["sent_at", "attempts"])
    except Exception as error:
        OutboundEmail.objects.filter(pk=email_id, sent_at__isnull=True).update(
            attempts=F("attempts") + 1, last_error=repr(error)[:2000]
        )
        raise
    return True
