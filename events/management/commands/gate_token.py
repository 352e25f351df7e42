from django.core.management.base import BaseCommand, CommandError

from events.models import Gate
from events.services.badges import gate_token_issue


class Command(BaseCommand):
    help = "Print a new token for a gate's scanning devices (the previous one stops working)."

    def add_arguments(self, parser):
        parser.add_argument("--gate", required=True, help="The gate's slug, e.g. main-entrance")

    def handle(self, *args, gate, **options):
        found = Gate.objects.filter(slug=gate).first()
        if found is None:
            known = ", ".join(Gate.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(f"No gate “{gate}”. Gates: {known}.")
        self.stdout.write(gate_token_issue(gate=found))
