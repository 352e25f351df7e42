"""Text messages: every message is stored in the SMS outbox first, then sent by a worker once.

The number and the text are never logged: log lines name the outbox row's id.
"""

import logging
import re

from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from fairsite.models import OutboundSms
from fairsite.queueing import task_queue_after_commit
from fairsite.sms import SmsMessage, SmsRefused, get_backend

logger = logging.getLogger(__name__)

# A message longer than this is cut (ten segments of Arabic text): what the site sends is a
# code or a link, never a letter.
MAX_BODY = 700


def sms_queue(*, to: str, body: str, language: str) -> OutboundSms:
    """Store a text message to `to` (E.164) and hand it to a worker once the surrounding
    transaction commits.

    The stored row is the promise: if the broker cannot be reached, the periodic
    `fairsite.resume_stalled` task hands it out again later.
    """
    sms = OutboundSms.objects.create(to=to, body=body.strip()[:MAX_BODY], language=language)
    task_queue_after_commit("fairsite.send_sms", sms_id=sms.pk)
    return sms


def sms_render_and_queue(*, to: str, template: str, context: dict, language: str) -> OutboundSms:
    """Render `template` in `language` (blank lines between paragraphs kept, runs of them
    closed up) and queue it as a text message."""
    with translation.override(language):
        text = render_to_string(template, context)
    lines = [line.strip() for line in text.strip().splitlines()]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return sms_queue(to=to, body=body, language=language)


def sms_deliver(*, sms_id: int) -> bool:
    """Send one stored message unless it was sent (or refused for good) already; True if this
    call sent it.

    The row stays locked while the message goes out, so two workers handed the same id cannot
    both send it. A refusal by the provider is recorded and ends the message's life; any other
    failure is recorded and raised again, for the task to retry (SmsTransientError).
    """
    try:
        with transaction.atomic():
            sms = OutboundSms.objects.select_for_update().pending().filter(pk=sms_id).first()
            if sms is None:
                return False
            message = SmsMessage(to=sms.to, body=sms.body, reference=str(sms.pk))
            try:
                provider_id = get_backend().send(message)
            except SmsRefused as refusal:
                sms.refused_at = timezone.now()
                sms.attempts = F("attempts") + 1
                sms.last_error = str(refusal)[:2000]
                sms.save(update_fields=["refused_at", "attempts", "last_error"])
                logger.warning(
                    "SMS %s refused by the provider (status %s, code %s): not sent again",
                    sms.pk,
                    refusal.status,
                    refusal.code,
                )
                return False
            sms.sent_at = timezone.now()
            sms.provider_id = (provider_id or "")[:64]
            sms.attempts = F("attempts") + 1
            sms.save(update_fields=["sent_at", "provider_id", "attempts"])
    except Exception as error:
        OutboundSms.objects.pending().filter(pk=sms_id).update(
            attempts=F("attempts") + 1, last_error=repr(error)[:2000]
        )
        logger.warning("SMS %s not sent (%s): to be tried again", sms_id, type(error).__name__)
        raise
    return True
