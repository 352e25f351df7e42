from celery import shared_task

from feedback.services import session_invitations_send, survey_invitations_send


@shared_task(name="feedback.send_invitations")
def task_send_invitations() -> int:
    """Every quarter of an hour: invite people to rate the sessions of a day once the last
    of theirs is over, and, once the fair is over, to the visitors' and exhibitors' surveys.
    Each invitation is a row made before its e-mail: sent once, whatever the runs."""
    return session_invitations_send() + survey_invitations_send()
