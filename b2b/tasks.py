import logging

from celery import shared_task

from b2b.services.meetings import meeting_requests_expire
from b2b.services.suggestions import suggestions_refresh, suggestions_refresh_started
from events.models import Edition

logger = logging.getLogger(__name__)


@shared_task(name="b2b.expire_requests")
def task_expire_requests() -> int:
    return meeting_requests_expire()


@shared_task(name="b2b.refresh_suggestions")
def task_suggestions_refresh(*, edition_id: int) -> int:
    suggestions_refresh_started(edition_id=edition_id)
    edition = Edition.objects.filter(pk=edition_id).first()
    if edition is None:
        logger.info("suggestions of edition %s: the edition is gone", edition_id)
        return 0
    return suggestions_refresh(edition=edition)


@shared_task(name="b2b.refresh_current_suggestions")
def task_current_suggestions_refresh() -> int:
    """The beat's quarter-hourly run for the current edition: catches up on changes whose
    own run was lost (a broker down), and on consents withdrawn or given elsewhere."""
    edition = Edition.objects.current()
    return suggestions_refresh(edition=edition) if edition is not None else 0
