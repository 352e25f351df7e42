"""Printing badges in batches: a job row made first, then rendered in parts that the workers
share, so a large batch uses every worker, the admin shows progress as parts finish, and a
worker that dies mid-way leaves only its part to render again.

Each part is a PDF file of its own under the job's folder, named by its number: rendering a
part again (a task delivered twice) writes nothing new. The worker that finishes the last
part joins them into the job's one PDF and marks the badges printed.
"""

import functools
import multiprocessing
import tempfile
from collections.abc import Callable, Iterator

from django.core.files.base import ContentFile, File
from django.db import connections, transaction
from django.utils import timezone

from events.choices import BadgeStatus
from events.models import Badge, BadgePrintJob, Edition
from events.pdf import badges_pdf
from fairsite.audit import audit_log
from fairsite.pdf_join import pdf_join
from fairsite.queueing import task_queue_after_commit
from fairsite.uploads import private_storage

CHUNK = 100  # badges a part: 25 A4 sheets, a few seconds of one worker


def print_selection(*, edition: Edition, category: str = "", unprinted_only: bool = True):
    """The active badges a batch would print, in a stable order."""
    badges = Badge.objects.filter(edition=edition, status=BadgeStatus.ACTIVE)
    if category:
        badges = badges.filter(category=category)
    if unprinted_only:
        badges = badges.filter(printed_at__isnull=True)
    return badges.order_by("attendee__full_name", "pk")


@transaction.atomic
def print_job_create(*, edition: Edition, category: str, unprinted_only: bool, by) -> BadgePrintJob:
    """Record what to print and hand it to a worker once the transaction commits."""
    ids = list(
        print_selection(
            edition=edition, category=category, unprinted_only=unprinted_only
        ).values_list("pk", flat=True)
    )
    job = print_job_record(edition=edition, badge_ids=ids, category=category, by=by)
    task_queue_after_commit("events.print_badges", job_id=job.pk)
    return job


def print_job_record(
    *, edition: Edition, badge_ids: list[int], category: str = "", by=None
) -> BadgePrintJob:
    """The job row for these badges, in this order, logged; rendered by whoever runs it."""
    job = BadgePrintJob.objects.create(
        edition=edition, category=category, badge_ids=badge_ids, created_by=by
    )
    audit_log(instance=job, action="wagtail.create", by=by, data={"badges": len(badge_ids)})
    return job


def print_job_start(*, job_id: int) -> list[int]:
    """Mark the job running; the numbers of the parts still to render (none: it is done)."""
    job = BadgePrintJob.objects.filter(pk=job_id).first()
    if job is None or job.status == BadgePrintJob.Status.DONE:
        return []
    missing = [n for n in range(_part_count(job)) if n not in job.parts_done]
    BadgePrintJob.objects.filter(pk=job.pk).update(status=BadgePrintJob.Status.RUNNING)
    if not missing:
        print_job_join(job_id=job.pk)
    return missing


def print_part_run(*, job_id: int, part: int, language: str = "ar") -> bool:
    """Render one part unless it is there already; True when it was the job's last part."""
    job = BadgePrintJob.objects.filter(pk=job_id).first()
    if job is None or job.status == BadgePrintJob.Status.DONE:
        return False
    name = _part_name(job, part)
    # A part counts once it is listed as done: a file without that may have been cut short
    # by a worker that died while writing it, and is written again.
    if part not in job.parts_done or not private_storage().exists(name):
        if private_storage().exists(name):
            private_storage().delete(name)
        ids = job.badge_ids[part * CHUNK : (part + 1) * CHUNK]
        badges = Badge.objects.filter(pk__in=ids).select_related("attendee", "edition")
        by_id = {badge.pk: badge for badge in badges}
        pdf = badges_pdf(
            [by_id[pk] for pk in ids if pk in by_id], layout="sheet", language=language, batch=True
        )
        saved = private_storage().save(name, ContentFile(pdf))
        if saved != name:  # the same part, rendered at the same moment by another worker
            private_storage().delete(saved)
    with transaction.atomic():
        job = BadgePrintJob.objects.select_for_update().get(pk=job_id)
        if part not in job.parts_done:
            job.parts_done = sorted([*job.parts_done, part])
            job.done = min(len(job.parts_done) * CHUNK, job.total)
            job.save(update_fields=["parts_done", "done"])
        return len(job.parts_done) == _part_count(job)


def print_job_join(*, job_id: int) -> BadgePrintJob | None:
    """Join the parts into the job's PDF, mark its badges printed, remove the parts.

    Idempotent: a finished job is left alone.
    """
    with transaction.atomic():
        job = BadgePrintJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status == BadgePrintJob.Status.DONE:
            return job
        parts = [_part_name(job, n) for n in range(_part_count(job))]
        job.finished_at = timezone.now()
        if parts:
            with tempfile.TemporaryFile() as joined:
                pdf_join(_opened(parts), joined, language="ar")
                joined.seek(0)
                job.file.save(f"badges-{job.pk}.pdf", File(joined), save=False)
        job.status = BadgePrintJob.Status.DONE
        job.done = job.total
        job.save(update_fields=["file", "status", "done", "finished_at"])
        Badge.objects.filter(pk__in=job.badge_ids, printed_at__isnull=True).update(
            printed_at=job.finished_at
        )
    for name in parts:
        private_storage().delete(name)
    return job


def print_job_run(
    *,
    job_id: int,
    language: str = "ar",
    processes: int = 1,
    progress: Callable[[BadgePrintJob], None] | None = None,
) -> BadgePrintJob | None:
    """The whole job here, without a Celery worker (commands and tests): its parts rendered
    by `processes` processes at once, forked from this one, then joined. `progress` is told
    the job as each part is done.

    The caller's transaction must be committed first when `processes` is over 1: the forked
    processes read the badges through connections of their own.
    """
    parts = print_job_start(job_id=job_id)
    render = functools.partial(_part_render, job_id=job_id, language=language)
    if processes > 1 and len(parts) > 1:
        connections.close_all()  # not shared with the forked processes
        with multiprocessing.get_context("fork").Pool(min(processes, len(parts))) as pool:
            for _part in pool.imap_unordered(render, parts):
                _told(progress, job_id)
            pool.close()
            pool.join()
    else:
        for part in parts:
            render(part)
            _told(progress, job_id)
    print_job_join(job_id=job_id)
    return BadgePrintJob.objects.filter(pk=job_id).first()


def _part_render(part: int, *, job_id: int, language: str) -> int:
    print_part_run(job_id=job_id, part=part, language=language)
    if multiprocessing.parent_process() is not None:
        connections.close_all()  # a forked process leaves the database tidily
    return part


def _told(progress, job_id: int) -> None:
    if progress is not None:
        progress(BadgePrintJob.objects.get(pk=job_id))


def _part_count(job: BadgePrintJob) -> int:
    return -(-job.total // CHUNK)


def _part_name(job: BadgePrintJob, part: int) -> str:
    # The creation time too, so parts left behind by a job of a restored database never
    # stand in for a new job's.
    return f"print-jobs/{job.pk}-{job.created_at:%Y%m%d%H%M%S%f}/part-{part:04d}.pdf"


def _opened(names: list[str]) -> Iterator:
    """The parts' files, one open at a time."""
    for name in names:
        with private_storage().open(name) as part:
            yield part
