from celery import shared_task

from privacy.retention import retention_sweep


@shared_task(name="privacy.retention_sweep")
def task_retention_sweep() -> dict:
    """Daily: erase what has been kept as long as the retention settings allow."""
    return retention_sweep().outcome
