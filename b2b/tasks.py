from celery import shared_task

from b2b.services.meetings import requests_expire


@shared_task(name="b2b.expire_requests")
def task_expire_requests() -> int:
    return requests_expire()
