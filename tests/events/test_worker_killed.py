"""A worker machine lost in the middle of a batch of badges: its part goes back to the queue,
another worker finishes the job, and the job ends with one file, every badge printed once."""

import signal
import time
import uuid

import pytest
from django.conf import settings
from django.core.files.storage import storages

from config import celery_app
from events.models import Badge, BadgePrintJob
from events.services.badges import attendee_register
from events.services.printing import CHUNK
from events.tasks import task_print_badges
from fairsite.tasks import task_ping
from tests.processes import start_worker, stop

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not settings.REDIS_URL, reason="REDIS_URL is unset: no broker to lose"),
]
VISIBILITY = "4"  # seconds before a lost worker's task is handed out again


def wait_for(condition, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.1)


@pytest.fixture
def queue():
    name = f"killed-{uuid.uuid4().hex[:8]}"
    before = celery_app.conf.task_always_eager, celery_app.conf.task_default_queue
    celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = False, name
    yield name
    celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = before


def test_a_print_job_outlives_the_worker_killed_in_its_middle(fair_today, queue):
    for n in range(3 * CHUNK):
        attendee_register(edition=fair_today, category="visitor", full_name=f"زائر {n}")
    first = start_worker(queue, CELERY_VISIBILITY_TIMEOUT=VISIBILITY)
    second = None
    try:
        task_ping.delay(payload="up").get(timeout=60)
        job = BadgePrintJob.objects.create(
            edition=fair_today, badge_ids=list(Badge.objects.values_list("pk", flat=True))
        )
        task_print_badges.delay(job_id=job.pk)
        wait_for(
            lambda: BadgePrintJob.objects.get(pk=job.pk).status == "running",
            seconds=30,
            what="the job to start",
        )
        time.sleep(0.5)  # well into the first part (100 badges take a few seconds)

        stop(first, signal.SIGKILL)  # the machine is gone: no warm shutdown, no ack
        job.refresh_from_db()
        assert job.status == "running" and len(job.parts_done) < 3

        second = start_worker(queue, CELERY_VISIBILITY_TIMEOUT=VISIBILITY)
        wait_for(
            lambda: BadgePrintJob.objects.get(pk=job.pk).status in ("done", "failed"),
            seconds=120,
            what="another worker to finish the job",
        )
    finally:
        stop(first, signal.SIGKILL)
        if second is not None:
            stop(second)

    job.refresh_from_db()
    assert (job.status, job.done, sorted(job.parts_done)) == ("done", 3 * CHUNK, [0, 1, 2])
    assert not Badge.objects.filter(printed_at__isnull=True).exists()
    folders, files = storages["private"].listdir("print-jobs")
    leftovers = [
        name
        for folder in folders
        if folder.startswith(f"{job.pk}-")
        for name in storages["private"].listdir(f"print-jobs/{folder}")[1]
    ]
    assert leftovers == []  # the parts are gone once joined
    assert [name for name in files if job.file.name.endswith(name)] == [
        job.file.name.split("/")[-1]
    ]
