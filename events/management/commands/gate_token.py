from django.core.management.base import BaseCommand, CommandError

from events.models import Gate
from events.services.devices import gate_token_issue


class Command(BaseCommand):
    help = (
        "Print a token for a gate's scanning device, for a device that cannot scan a pairing "
        "code; a device given a token earlier under the same name stops working."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gate", required=True, help="The gate's slug, e.g. main-entrance")
        parser.add_argument("--name", default="", help="The device's name (default gate_token)")

    def handle(self, *args, gate, name, **options):
        found = Gate.objects.filter(slug=gate).first()
        if found is None:
            known = ", ".join(Gate.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(f"No gate “{gate}”. Gates: {known}.")
        self.stdout.write(gate_token_issue(gate=found, name=name))
