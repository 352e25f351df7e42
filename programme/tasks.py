import datetime

from celery import shared_task

from fairsite.queueing import task_send_now
from programme.models import SessionChange
from programme.services.attendance import no_shows_release_due
from programme.services.sessions import session_change_notify


@shared_task(name="programme.notify_session_change", acks_late=True)
def task_session_change_notify(*, change_id: int) -> int:
    return session_change_notify(change_id=change_id)


def session_changes_resume(before: datetime.datetime) -> int:
    """Hand to the workers again the session changes nobody was told of since `before` (the
    broker was down when they were queued); a change told twice sends nothing more."""
    changes = SessionChange.objects.filter(notified_at__isnull=True, created_at__lt=before)
    return sum(
        task_send_now(task_session_change_notify, change_id=change_id)
        for change_id in changes.values_list("pk", flat=True)[:500]
    )


@shared_task(name="programme.release_no_shows")
def task_release_no_shows() -> int:
    """Every minute: the places of those signed up who have not come, N minutes after their
    session began, go to the waiting list or to others at the door."""
    return no_shows_release_due()
