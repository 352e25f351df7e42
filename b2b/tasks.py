from celery import shared_task

from b2b.services.meetings import meeting_requests_expire


@shared_task(name="b2b.expire_requests")
def task_expire_requests() -> int:
    return meeting_requests_expire()
