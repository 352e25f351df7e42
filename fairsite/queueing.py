"""Handing work to the Celery workers once the data it needs is committed.

The database row is always the record of the work (an e-mail in the outbox, a print job, a
session change); the broker message is only a nudge. If the broker cannot be reached, the
request that queued the work still succeeds, and a periodic sweep nudges again later.
"""

import datetime
import logging
from collections.abc import Callable

from celery import Task, current_app
from django.db import transaction

logger = logging.getLogger(__name__)

# Each app's way of handing out again the work its broker messages never delivered: a function
# of the moment before which queued work counts as stalled, returning how many it handed out.
# Apps add theirs in AppConfig.ready(); the periodic task `fairsite.resume_stalled` runs them.
StalledWorkSweep = Callable[[datetime.datetime], int]
_stalled_work_sweeps: list[StalledWorkSweep] = []


def stalled_work_sweep_register(sweep: StalledWorkSweep) -> None:
    if sweep not in _stalled_work_sweeps:
        _stalled_work_sweeps.append(sweep)


def stalled_work_resume(*, before: datetime.datetime) -> int:
    """Run every app's sweep; returns how many pieces of work were handed out in all."""
    return sum(sweep(before) for sweep in _stalled_work_sweeps)


def task_queue_after_commit(task: "str | Task", *, countdown: int | None = None, **kwargs) -> None:
    """Send `task` with `kwargs` to the workers after the current transaction commits
    (at once outside one), never failing the caller for a broker that does not answer.

    Services name their task ("events.print_badges") rather than import it: the tasks
    module imports the services, and each app's ready() imports its tasks module."""
    transaction.on_commit(lambda: task_send_now(task, countdown=countdown, **kwargs))


def task_send_now(task: "str | Task", *, countdown: int | None = None, **kwargs) -> bool:
    """Send `task` (a task or its name) now, to run `countdown` seconds later if given; False
    (and a log line) if the broker could not take it."""
    if isinstance(task, str):
        task = current_app.tasks[task]
    try:
        task.apply_async(kwargs=kwargs, countdown=countdown)
    except Exception:
        logger.exception("%s %s: left for the next sweep, the broker refused it", task.name, kwargs)
        return False
    return True
