from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.choices import AttendeeCategory
from events.models import Edition
from events.pdf import badges_pdf
from events.services.badges import badges_issue_blank


class Command(BaseCommand):
    help = "Issue a batch of badges without names (walk-in visitors write theirs by hand)."

    def add_arguments(self, parser):
        parser.add_argument("--category", required=True, choices=AttendeeCategory.values)
        parser.add_argument("--count", required=True, type=int)
        parser.add_argument("--codes-out", type=Path, help="Write the codes, one a line, here.")
        parser.add_argument("--pdf-out", type=Path, help="Write the printable badges (PDF) here.")

    def handle(self, *args, category, count, codes_out, pdf_out, **options):
        if not 0 < count <= 10000:
            raise CommandError("--count must be between 1 and 10000.")
        edition = Edition.objects.current()
        if edition is None:
            raise CommandError("No current edition: make one current in the admin first.")
        badges = badges_issue_blank(edition=edition, category=category, count=count)
        if codes_out:
            codes_out.write_text("".join(f"{badge.code}\n" for badge in badges))
        if pdf_out:
            pdf_out.write_bytes(badges_pdf(badges, layout="sheet"))
        self.stdout.write(self.style.SUCCESS(f"{len(badges)} badges issued for {edition}."))
