import datetime
from contextlib import contextmanager

from celery import shared_task

from events.models import BadgePrintJob
from events.services.badge_links import badge_links_send
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


def print_jobs_resume(before: datetime.datetime) -> int:
    """Hand to the workers again the print jobs still waiting since `before` (the broker was
    down when they were queued); a job run twice does nothing more."""
    jobs = BadgePrintJob.objects.filter(status=BadgePrintJob.Status.QUEUED, created_at__lt=before)
    return sum(
        task_send_now(task_print_badges, job_id=job_id)
        for job_id in jobs.values_list("pk", flat=True)[:100]
    )


@shared_task(name="events.send_badge_links")
def task_send_badge_links(*, badge_ids: list[int]) -> int:
    """Fresh links to badges whose holder asked for one from an expired link's page. Not
    swept again: a visitor whose message never comes asks again."""
    return badge_links_send(badge_ids=badge_ids)
