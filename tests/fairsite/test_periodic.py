"""The periodic tasks run beside the development server (`runserver --periodic`, what `make run`
starts) as beat runs them in production: in a thread of the server's process when tasks run
eagerly, else in a Celery worker with beat embedded."""

import datetime
import os
import re
import subprocess
import sys
import time
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from redis import Redis

from config.periodic import InProcessBeat
from observatory.services.figures import figures_kept
from partnerships.choices import AgreementStatus
from partnerships.models import Agreement
from tests.factories import AgreementFactory, EditionFactory
from tests.processes import ROOT, free_port, server_env

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

D = datetime.timedelta


def last_ran(name: str, ago: datetime.timedelta) -> PeriodicTask:
    """The beat schedule's entry `name` as beat left it after a run `ago`."""
    entry = settings.CELERY_BEAT_SCHEDULE[name]
    every, _ = IntervalSchedule.objects.get_or_create(
        every=entry["schedule"], period=IntervalSchedule.SECONDS
    )
    return PeriodicTask.objects.create(
        name=name, task=entry["task"], interval=every, last_run_at=timezone.now() - ago
    )


def set_up_never_run(name: str, ago: datetime.timedelta) -> PeriodicTask:
    """The entry `name` as beat wrote it `ago`, without running it since."""
    task = last_ran(name, ago=D(0))
    PeriodicTask.objects.filter(pk=task.pk).update(
        last_run_at=None, date_changed=timezone.now() - ago
    )
    return task


def stale_agreement() -> Agreement:
    """Expired at the end of 2020, still marked in force: the hourly refresh puts it right."""
    return AgreementFactory(
        signed_on=datetime.date(2020, 1, 1),
        effective_from=datetime.date(2020, 1, 1),
        duration_months=12,
        status=AgreementStatus.IN_FORCE,
    )


def until(condition, seconds: float = 60, process: subprocess.Popen | None = None) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        if process is not None and process.poll() is not None:
            return False
        time.sleep(0.2)
    return condition()


def status_of(agreement: Agreement) -> str:
    return Agreement.objects.values_list("status", flat=True).get(pk=agreement.pk)


def test_beat_in_the_process_runs_what_is_due_and_leaves_the_rest():
    edition = EditionFactory(is_current=True)
    counted = figures_kept(edition=edition, language="fr").counted_at  # "counted at 08:50"
    agreement = stale_agreement()
    # Set up by a beat stopped since (the reloader restarts it): its first run is due now,
    # although this beat's start writes the settings' entries again.
    set_up_never_run("refresh-observatory-figures", ago=D(minutes=20))
    last_ran("refresh-agreement-statuses", ago=D(hours=2))
    last_ran("send-partnership-reminders", ago=D(minutes=5))
    set_up_never_run("send-feedback-invitations", ago=D(minutes=5))

    beat = InProcessBeat(look_every=0.2)
    beat.start()
    try:
        recounted = until(
            lambda: (
                figures_kept(edition=edition, language="fr").counted_at > counted
                and status_of(agreement) == AgreementStatus.EXPIRED
            )
        )
    finally:
        beat.stop()

    assert recounted
    assert not beat.is_alive()
    ran = PeriodicTask.objects.filter(total_run_count__gt=0)
    assert set(ran.values_list("name", flat=True)) == {
        "refresh-observatory-figures",
        "refresh-agreement-statuses",
    }
    # Every entry of the settings' schedule is in the database, where beat reads it.
    names = set(PeriodicTask.objects.values_list("name", flat=True))
    assert set(settings.CELERY_BEAT_SCHEDULE) <= names


def runserver(port: int, *options: str, **environment) -> subprocess.Popen:
    if "FAKETIME" in os.environ:
        # Under `make test-at`, libfaketime starts every new process at the same instant:
        # the server would run on a clock behind this test's, which wrote the schedule.
        # It starts at this test's time instead.
        now = datetime.datetime.now(datetime.UTC)
        environment.setdefault("FAKETIME", now.strftime("@%Y-%m-%d %H:%M:%S"))
    return subprocess.Popen(
        [sys.executable, "manage.py", "runserver", *options, "--noreload", "--skip-checks"]
        + [f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=server_env(DJANGO_SETTINGS_MODULE="config.settings.dev", **environment),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def output_of(server: subprocess.Popen) -> str:
    if server.poll() is None:
        server.terminate()
    return server.communicate(timeout=60)[0]


def test_runserver_periodic_runs_the_due_tasks_in_its_process_without_a_broker():
    agreement = stale_agreement()
    last_ran("refresh-agreement-statuses", ago=D(hours=2))

    server = runserver(free_port(), "--periodic", REDIS_URL="")
    try:
        refreshed = until(lambda: status_of(agreement) == AgreementStatus.EXPIRED, 90, server)
    finally:
        output = output_of(server)

    assert refreshed, output
    assert "Periodic tasks run in this process" in output
    # The agreement's new status is the task's work; its success line may still be on its
    # way to the log when the server is stopped.
    assert "Sending due task refresh-agreement-statuses" in output


def _redis_of_its_own() -> str:
    """The test's Redis server, on a database no other worker reads."""
    parts = urlsplit(settings.REDIS_URL)
    return urlunsplit(parts._replace(path="/13"))


@pytest.mark.skipif(not settings.REDIS_URL, reason="REDIS_URL is unset: no broker for a worker")
def test_runserver_periodic_starts_a_worker_with_beat_that_ends_with_it():
    url = _redis_of_its_own()
    Redis.from_url(url).flushdb()  # nothing queued by an earlier run
    agreement = stale_agreement()
    last_ran("refresh-agreement-statuses", ago=D(hours=2))

    server = runserver(free_port(), "--periodic", REDIS_URL=url)
    try:
        refreshed = until(lambda: status_of(agreement) == AgreementStatus.EXPIRED, 120, server)
    finally:
        output = output_of(server)
    worker = int(re.search(r"Celery worker \(pid (\d+)\)", output).group(1))

    assert refreshed, output
    assert "Sending due task refresh-agreement-statuses" in output

    assert until(lambda: ended(worker), 60), "the worker outlived the server"


def ended(pid: int) -> bool:
    """No such process, or one that has ended and waits to be reaped (a zombie)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True
