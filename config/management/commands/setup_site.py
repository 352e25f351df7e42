from django.core.management.base import BaseCommand

from exhibitors.services.pages import directory_pages_ensure
from fairsite.services.site import home_pages_ensure
from observatory.services.pages import figures_pages_ensure
from partnerships.services.pages import partnerships_pages_ensure
from programme.services.pages import programme_pages_ensure


class Command(BaseCommand):
    help = "Create the locales and an empty home page in each language (a new installation)."

    def handle(self, *args, **options):
        homes = home_pages_ensure()
        directory_pages_ensure(homes=homes)
        programme_pages_ensure(homes=homes)
        partnerships_pages_ensure(homes=homes)
        figures_pages_ensure(homes=homes)
        for code, home in homes.items():
            self.stdout.write(f"{code}: {home.title}")
