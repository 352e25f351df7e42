import os
import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.choices import AttendeeCategory
from events.models import Edition
from events.services.badges import badges_issue_blank
from events.services.printing import print_job_record, print_job_run


class Command(BaseCommand):
    help = (
        "Issue a batch of badges without names (walk-in visitors write theirs by hand), and "
        "print them as the admin's batch printing does, listed with its printings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--category", required=True, choices=AttendeeCategory.values)
        parser.add_argument("--count", required=True, type=int)
        parser.add_argument("--codes-out", type=Path, help="Write the codes, one a line, here.")
        parser.add_argument("--pdf-out", type=Path, help="Write the printable badges (PDF) here.")
        parser.add_argument(
            "--processes",
            type=int,
            default=len(os.sched_getaffinity(0)),
            help="Processes rendering the PDF at once (default: one per CPU).",
        )

    def handle(self, *args, category, count, codes_out, pdf_out, processes, **options):
        if not 0 < count <= 10000:
            raise CommandError("--count must be between 1 and 10000.")
        if processes < 1:
            raise CommandError("--processes must be 1 or more.")
        edition = Edition.objects.current()
        if edition is None:
            raise CommandError("No current edition: make one current in the admin first.")
        badges = badges_issue_blank(edition=edition, category=category, count=count)
        self.stdout.write(f"{len(badges)} badges issued for {edition}.")
        if codes_out:
            codes_out.write_text("".join(f"{badge.code}\n" for badge in badges))
        if pdf_out:
            job = print_job_record(
                edition=edition, badge_ids=[badge.pk for badge in badges], category=category
            )
            job = print_job_run(job_id=job.pk, processes=processes, progress=self._progress)
            with job.file.open("rb") as joined, pdf_out.open("wb") as out:
                shutil.copyfileobj(joined, out)
            self.stdout.write(f"Printed to {pdf_out} (also in the admin: {job}).")
        self.stdout.write(self.style.SUCCESS("Done."))

    def _progress(self, job):
        """A line at each tenth of the batch rendered."""
        tenth = job.done * 10 // max(job.total, 1)
        if tenth != getattr(self, "_tenth", 0):
            self._tenth = tenth
            self.stdout.write(f"{job.done} / {job.total} badges rendered")
