import datetime
from smtplib import SMTPException

from celery import shared_task
from django.utils import timezone

from fairsite.logs import request_id_var
from fairsite.models import OutboundEmail, OutboundSms
from fairsite.queueing import stalled_work_resume, stalled_work_sweep_register, task_send_now
from fairsite.services.mail import email_deliver
from fairsite.services.sms import sms_deliver
from fairsite.sms import SmsTransientError

# Work queued this long ago and still waiting (an e-mail unsent, a print job not started) was
# lost on its way to a worker.
STALLED_AFTER = datetime.timedelta(minutes=2)


@shared_task(
    name="fairsite.send_email",
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=30,
    # Below the broker's visibility timeout (15 min): a retry waiting longer would be handed
    # to a second worker as if its own had been lost.
    retry_backoff_max=10 * 60,
    max_retries=10,
)
def task_send_email(*, email_id: int) -> bool:
    return email_deliver(email_id=email_id)


@shared_task(name="fairsite.send_pending_emails")
def task_send_pending_emails() -> int:
    """Hand every e-mail still unsent after a while to a worker again; returns how many."""
    return _outbox_resume(
        OutboundEmail, task_send_email, "email_id", timezone.now() - STALLED_AFTER
    )


@shared_task(
    name="fairsite.send_sms",
    autoretry_for=(SmsTransientError, ConnectionError, TimeoutError),
    retry_backoff=30,
    retry_backoff_max=10 * 60,  # below the broker's visibility timeout, as for e-mail
    max_retries=10,
)
def task_send_sms(*, sms_id: int) -> bool:
    return sms_deliver(sms_id=sms_id)


def sms_pending_resume(before: datetime.datetime) -> int:
    """Hand every text message still unsent since before `before` to a worker again (the
    periodic `fairsite.resume_stalled` runs it); returns how many."""
    return _outbox_resume(OutboundSms, task_send_sms, "sms_id", before)


def _outbox_resume(model, task, argument: str, before: datetime.datetime) -> int:
    """Hand the outbox's messages still unsent since before `before` to a worker again,
    oldest first, 500 at a time; how many were handed."""
    ids = list(
        model.objects.pending()
        .filter(created_at__lt=before)
        .order_by("created_at")
        .values_list("pk", flat=True)[:500]
    )
    handed = 0
    for pk in ids:
        if not task_send_now(task, **{argument: pk}):
            break  # the broker is down: the next sweep tries again
        handed += 1
    return handed


stalled_work_sweep_register(sms_pending_resume)


@shared_task(name="fairsite.ping", bind=True)
def task_ping(self, *, payload: str) -> dict:
    """Answer from whichever worker picked the task up, with the request id its log lines
    carry: proof that the queue works and that the id travels with the task."""
    return {
        "payload": payload,
        "worker": self.request.hostname,
        "request_id": request_id_var.get(),
    }


@shared_task(name="fairsite.resume_stalled")
def task_resume_stalled() -> int:
    """Hand to the workers again what never reached them (the broker was down when it was
    queued): each app's sweep (print jobs, session changes...). Returns how many were handed out."""
    return stalled_work_resume(before=timezone.now() - STALLED_AFTER)
