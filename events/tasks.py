import datetime
from contextlib import contextmanager

from celery import shared_task
from django.utils import timezone

from events.models import BadgePrintJob, SessionChange
from events.services.printing import print_job_join, print_job_start, print_part_run
from fairsite.queueing import task_send_now


@contextmanager
def _failure_recorded(job_id: int):
    """A failure shows on the job's page in the admin, and the task fails as well."""
    try:
        yield
    except Exception as error:
        BadgePrintJob.objects.filter(pk=job_id).update(
            status=BadgePrintJob.Status.FAILED, error=repr(error)[:2000]
        )
        raise


@shared_task(name="events.print_badges", acks_late=True)
def task_print_badges(*, job_id: int) -> int:
    """Hand the job's parts to the workers; returns how many parts were handed out."""
    with _failure_recorded(job_id):
        parts = print_job_start(job_id=job_id)
    for part in parts:
        task_print_badge_part.delay(job_id=job_id, part=part)
    return len(parts)


@shared_task(
    name="events.print_badge_part", acks_late=True, soft_time_limit=10 * 60, time_limit=11 * 60
)
def task_print_badge_part(*, job_id: int, part: int) -> None:
    with _failure_recorded(job_id):
        if print_part_run(job_id=job_id, part=part):
            print_job_join(job_id=job_id)


@shared_task(name="events.notify_session_change", acks_late=True)
def task_session_change_notify(*, change_id: int) -> int:
    from events.services.programme import session_change_notify

    return session_change_notify(change_id=change_id)


STALLED_AFTER = datetime.timedelta(minutes=2)


@shared_task(name="events.resume_stalled")
def task_resume_stalled() -> int:
    """Hand to the workers again what never reached them (the broker was down when it was
    queued): print jobs still waiting, session changes nobody was told of. Both tasks do
    nothing more when run twice. Returns how many were handed out."""
    before = timezone.now() - STALLED_AFTER
    jobs = BadgePrintJob.objects.filter(status=BadgePrintJob.Status.QUEUED, created_at__lt=before)
    changes = SessionChange.objects.filter(notified_at__isnull=True, created_at__lt=before)
    handed = 0
    for job_id in jobs.values_list("pk", flat=True)[:100]:
        handed += task_send_now(task_print_badges, job_id=job_id)
    for change_id in changes.values_list("pk", flat=True)[:500]:
        handed += task_send_now(task_session_change_notify, change_id=change_id)
    return handed


@shared_task(name="events.send_badge_links")
def task_send_badge_links(*, badge_ids: list[int]) -> int:
    """Fresh links to badges whose holder asked for one from an expired link's page. Not
    swept again: a visitor whose message never comes asks again."""
    from events.services.badge_links import badge_links_send

    return badge_links_send(badge_ids=badge_ids)
