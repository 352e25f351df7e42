"""The periodic work beside the development server, as production's beat and workers do it:
`manage.py runserver --periodic` (what `make run` starts) runs django-celery-beat's schedule,
the settings' CELERY_BEAT_SCHEDULE and whatever PeriodicTask an organiser adds alike.

With a broker (REDIS_URL), a Celery worker with beat embedded runs beside the server. With
none, tasks run eagerly in the process that queues them, so beat runs in a thread of the
server's own process and each due task runs there: its results (the observatory's figures in
the local-memory cache, say) are where the pages read them.
"""

import atexit
import ctypes
import logging
import signal
import subprocess
import sys
import threading

from celery.beat import Service
from django.conf import settings
from django.db import DatabaseError, connections
from django.db.models import F
from django_celery_beat.models import PeriodicTask

from config.celery import app as celery_app

logger = logging.getLogger(__name__)

# How long beat sleeps at most between two looks at the schedule: short, as in Celery's own
# embedded beat, so that the reloader's restart does not wait for it. After a failure, beat
# starts again this much later.
LOOK_EVERY = 1
RETRY_AFTER = 30


class InProcessBeat(threading.Thread):
    """Celery's beat with the database scheduler, in a daemon thread of this process. A
    failure (the database not migrated yet, or busy) is logged and beat starts again later,
    rather than the periodic work stopping for the rest of the session."""

    def __init__(self, app=celery_app, look_every: float = LOOK_EVERY):
        super().__init__(name="beat", daemon=True)
        self.app = app
        self.look_every = look_every
        self.stopping = threading.Event()
        self.service: Service | None = None

    def run(self):
        self.app.set_current()
        # The apps' tasks modules, as a worker imports them: beat finds each task by its name
        # and runs it here; a name it does not know would go to a broker nobody reads.
        self.app.loader.import_default_modules()
        try:
            while not self.stopping.is_set():
                self.service = Service(
                    self.app,
                    max_interval=self.look_every,
                    scheduler_cls=self.app.conf.beat_scheduler,
                    remote_control=False,
                )
                try:
                    first_runs_kept()
                    self.service.start()
                except DatabaseError as error:
                    logger.warning(
                        "Periodic tasks wait %s s for the database (is it migrated?): %s",
                        RETRY_AFTER,
                        error,
                    )
                except Exception:
                    logger.exception("Periodic tasks start again in %s s", RETRY_AFTER)
                else:
                    return
                self.stopping.wait(RETRY_AFTER)
        finally:
            connections.close_all()  # this thread's own connections

    def stop(self, timeout: float = 30) -> None:
        self.stopping.set()
        if self.service is not None:
            self.service.stop()
        self.join(timeout)


def first_runs_kept() -> int:
    """Beat counts a task that never ran from the last change of its row, and each start of
    beat writes the settings' entries again, changing them: restarted at every reload, beat
    would put their first run off each time. Their last change is made their last run, as if
    beat had run without a break since (a task with a start time keeps beat's own rule)."""
    return PeriodicTask.objects.filter(
        enabled=True, last_run_at__isnull=True, start_time__isnull=True
    ).update(last_run_at=F("date_changed"))


def beat_start(app=celery_app, look_every: float = LOOK_EVERY) -> InProcessBeat:
    """Beat in a thread of this process, for when tasks run eagerly (no broker)."""
    beat = InProcessBeat(app, look_every=look_every)
    beat.start()
    atexit.register(beat.stop, 10)  # beat writes when each task last ran before it ends
    logger.info("Periodic tasks run in this process (no broker: tasks run eagerly)")
    return beat


def worker_start() -> subprocess.Popen:
    """A Celery worker with beat embedded, beside the server, for when there is a broker;
    it is stopped when this process ends."""
    try:
        first_runs_kept()
    except DatabaseError as error:
        logger.warning("Periodic tasks: the database is not ready (is it migrated?): %s", error)
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--beat", "--loglevel", "INFO"],
        cwd=settings.BASE_DIR,
        preexec_fn=_ends_with_parent() if sys.platform == "linux" else None,
    )
    atexit.register(_stop, worker)
    logger.info("Periodic tasks and queued work run in a Celery worker (pid %s)", worker.pid)
    return worker


def _ends_with_parent():
    """What the worker does before it starts: ask to be sent SIGTERM when the server's process
    ends, even when that is killed (the reloader kills its child when it is stopped itself).
    The C function is looked up here, before the fork: the child only calls it."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    pr_set_pdeathsig, sigterm = 1, int(signal.SIGTERM)
    return lambda: prctl(pr_set_pdeathsig, sigterm)


def _stop(process: subprocess.Popen, timeout: float = 20) -> None:
    if process.poll() is not None:
        return
    process.terminate()  # a warm shutdown: the task in hand is finished first
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
