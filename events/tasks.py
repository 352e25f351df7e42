from celery import shared_task

from events.models import BadgePrintJob
from events.services.printing import print_job_run


@shared_task(
    name="events.print_badges", acks_late=True, soft_time_limit=30 * 60, time_limit=31 * 60
)
def task_print_badges(*, job_id: int) -> int:
    try:
        job = print_job_run(job_id=job_id)
    except Exception as error:
        BadgePrintJob.objects.filter(pk=job_id).update(
            status=BadgePrintJob.Status.FAILED, error=repr(error)[:2000]
        )
        raise
    return job.done if job else 0
