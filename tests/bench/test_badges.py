"""Badge batches: `issue_badges` issuing and printing 1,000 and 10,000 badges in a process of
its own (rendering forked over the CPUs), and the admin's batch printing on a real Celery
worker with two processes; speed and the largest process's peak memory, which should not
grow with the batch.

Run with `make bench` (PostgreSQL when DATABASE_URL is set, the Celery part with REDIS_URL).
"""

import os
import subprocess
import sys
import time
import uuid

import pypdf
import pytest
from django.conf import settings
from django.db import connection

from config import celery_app
from events.models import Badge, BadgePrintJob
from events.services.badges import badges_issue_blank
from events.tasks import task_print_badges
from fairsite.tasks import task_ping
from tests.processes import ROOT, server_env, start_worker, stop

pytestmark = pytest.mark.django_db(transaction=True)

# Runs the command as its child and prints the largest peak memory (KiB) of it and of the
# processes it forked and waited for.
PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


@pytest.mark.parametrize("count", [1000, 10000])
def test_issue_badges_command(fair_today, tmp_path, capsys, count):
    pdf = tmp_path / "badges.pdf"
    command = [sys.executable, "manage.py", "issue_badges", "--category", "visitor"]
    command += ["--count", str(count), "--pdf-out", str(pdf)]

    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *command],
        cwd=ROOT,
        env=server_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - began

    peak_mib = int(done.stdout.split()[-1]) / 1024
    pages = len(pypdf.PdfReader(pdf).pages)
    with capsys.disabled():
        print(
            f"\n{connection.vendor}: issue_badges --count {count} --pdf-out, "
            f"{len(os.sched_getaffinity(0))} CPUs: {elapsed:.1f} s, {count / elapsed:.0f} badges/s "
            f"(Python's start included), {pages} pages, {pdf.stat().st_size // 1024} KiB, "
            f"largest process's peak {peak_mib:.0f} MiB"
        )
    assert pages == -(-count // 4)
    assert Badge.objects.filter(printed_at__isnull=False).count() == count


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs Redis for a real Celery worker")
def test_batch_printing_on_a_celery_worker(fair_today, capsys):
    badges = badges_issue_blank(edition=fair_today, category="visitor", count=10000)
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    worker = start_worker(queue, concurrency=2)
    eager, default_queue = celery_app.conf.task_always_eager, celery_app.conf.task_default_queue
    celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = False, queue
    try:
        task_ping.delay(payload="ready").get(timeout=60)  # the worker is up
        job = BadgePrintJob.objects.create(
            edition=fair_today, badge_ids=[badge.pk for badge in badges]
        )
        began = time.perf_counter()
        task_print_badges.delay(job_id=job.pk)
        while job.status not in ("done", "failed") and time.perf_counter() - began < 600:
            time.sleep(0.2)
            job.refresh_from_db()
        elapsed = time.perf_counter() - began
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = eager, default_queue
        stop(worker)

    with capsys.disabled():
        print(
            f"\n{connection.vendor}: 10,000 badges as a print job, Celery worker with 2 "
            f"processes: {elapsed:.1f} s, {10000 / elapsed:.0f} badges/s, "
            f"{len(job.parts_done)} parts, joined {job.file.size // 1024} KiB"
        )
    assert job.status == "done" and job.done == 10000
