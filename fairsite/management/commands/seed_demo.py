from django.core.management.base import BaseCommand
from django.db import transaction

from events.demo import demo_edition_ensure
from fairsite.demo import demo_pages_ensure, demo_site_settings_ensure, demo_users_ensure


class Command(BaseCommand):
    help = (
        "Load the sample data (pages in three languages, an edition, demo log-ins). Safe to re-run."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            demo_pages_ensure()
            demo_site_settings_ensure()
            edition = demo_edition_ensure()
            logins = demo_users_ensure()
        self.stdout.write(self.style.SUCCESS(f"Sample data ready: {edition}."))
        self.stdout.write(
            "Demo log-ins (http://127.0.0.1:8000/ar/accounts/login/, admin at /admin/):"
        )
        for login in logins:
            self.stdout.write(f"  {login.role:<10} {login.email:<26} {login.password}")
