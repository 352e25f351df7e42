from celery import shared_task

from b2b.services.meetings import meeting_requests_expire
from b2b.services.suggestions import suggestions_refresh
from events.models import Edition


@shared_task(name="b2b.expire_requests")
def task_expire_requests() -> int:
    return meeting_requests_expire()


@shared_task(name="b2b.refresh_suggestions")
def task_suggestions_refresh(edition_id: int) -> int:
    edition = Edition.objects.filter(pk=edition_id).first()
    return suggestions_refresh(edition=edition) if edition is not None else 0
