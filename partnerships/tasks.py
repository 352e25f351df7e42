from celery import shared_task

from partnerships.services.agreements import agreement_statuses_refresh
from partnerships.services.reminders import reminder_digests_send


@shared_task(name="partnerships.refresh_statuses")
def task_refresh_statuses() -> int:
    return agreement_statuses_refresh()


@shared_task(name="partnerships.send_reminders")
def task_send_reminders() -> int:
    agreement_statuses_refresh()
    return reminder_digests_send()
