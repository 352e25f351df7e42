"""Printing badges in batches: a job row made first, rendered by a worker in parts, so the
admin can show progress and a worker that dies mid-way leaves a job another can finish."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from events.choices import BadgeStatus
from events.models import Badge, BadgePrintJob, Edition
from events.pdf import badges_document, pdf_join

CHUNK = 100


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
    from events.tasks import task_print_badges

    ids = list(
        print_selection(
            edition=edition, category=category, unprinted_only=unprinted_only
        ).values_list("pk", flat=True)
    )
    job = BadgePrintJob.objects.create(
        edition=edition, category=category, badge_ids=ids, created_by=by
    )
    transaction.on_commit(lambda: task_print_badges.delay(job_id=job.pk))
    return job


def print_job_run(*, job_id: int, language: str = "ar") -> BadgePrintJob | None:
    """Render the job's badges (progress saved after each part), store the PDF, mark them printed.

    Idempotent: a finished job is left alone; a job cut short is rendered again from its row.
    """
    job = BadgePrintJob.objects.filter(pk=job_id).first()
    if job is None or job.status == BadgePrintJob.Status.DONE:
        return job
    BadgePrintJob.objects.filter(pk=job.pk).update(status=BadgePrintJob.Status.RUNNING, done=0)
    badges = {
        b.pk: b
        for b in Badge.objects.filter(pk__in=job.badge_ids).select_related("attendee", "edition")
    }
    ordered = [badges[pk] for pk in job.badge_ids if pk in badges]
    documents = []
    for start in range(0, len(ordered), CHUNK):
        documents.append(
            badges_document(ordered[start : start + CHUNK], layout="sheet", language=language)
        )
        BadgePrintJob.objects.filter(pk=job.pk).update(done=min(start + CHUNK, len(ordered)))
    if not documents:
        job.status = BadgePrintJob.Status.DONE
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "finished_at"])
        return job
    with transaction.atomic():
        job.refresh_from_db()
        job.file.save(f"badges-{job.pk}.pdf", ContentFile(pdf_join(documents)), save=False)
        job.status = BadgePrintJob.Status.DONE
        job.done = len(ordered)
        job.finished_at = timezone.now()
        job.save(update_fields=["file", "status", "done", "finished_at"])
        Badge.objects.filter(pk__in=job.badge_ids, printed_at__isnull=True).update(
            printed_at=job.finished_at
        )
    return job
