from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from b2b.demo import demo_b2b_ensure
from events.demo import (
    demo_attendees_ensure,
    demo_edition_ensure,
    demo_gates_ensure,
    demo_rehearsal_badge_ensure,
)
from events.services.devices import gate_token_issue
from exhibitors.demo import demo_exhibitors_ensure
from exhibitors.services.pages import directory_pages_ensure
from fairsite.demo import demo_pages_ensure, demo_site_settings_ensure, demo_users_ensure
from fairsite.models import User
from fairsite.services.site import public_base_url, site_address_set
from observatory.demo import demo_published_figures_ensure
from observatory.services.pages import figures_pages_ensure
from partnerships.demo import demo_partnerships_ensure
from partnerships.services.pages import partnerships_pages_ensure
from programme.demo import demo_programme_ensure
from programme.services.pages import programme_pages_ensure
from proposals.demo import demo_call_ensure


class Command(BaseCommand):
    help = (
        "Load the sample data (pages in three languages, an edition, demo log-ins). Safe to re-run."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            homes = demo_pages_ensure()
            # The demo answers where it is served (`make run` sets the address from HOST
            # and PORT): its links, e-mails and feeds follow.
            site_address_set(base_url=settings.WAGTAILADMIN_BASE_URL)
            directory_pages_ensure(homes=homes)
            programme_pages_ensure(homes=homes)
            partnerships_pages_ensure(homes=homes)
            figures_pages_ensure(homes=homes)
            demo_site_settings_ensure()
            edition = demo_edition_ensure()
            logins = demo_users_ensure()
            demo_attendees_ensure(edition=edition)
            rehearsal = demo_rehearsal_badge_ensure(edition=edition)
            demo_programme_ensure(edition=edition)
            gate = demo_gates_ensure()[0]
            demo_exhibitors_ensure(
                edition=edition,
                exhibitor=User.objects.get(email=_login(logins, "exhibitor").email),
                organiser=User.objects.get(email=_login(logins, "organiser").email),
            )
            demo_partnerships_ensure(edition=edition)
            demo_b2b_ensure(edition=edition)
            demo_call_ensure(
                edition=edition,
                proposer=User.objects.get(email=_login(logins, "exhibitor").email),
            )
            demo_published_figures_ensure()
        self.stdout.write(self.style.SUCCESS(f"Sample data ready: {edition}."))
        base = public_base_url()
        self.stdout.write(f"Demo log-ins ({base}/ar/accounts/login/, admin at {base}/admin/):")
        for login in logins:
            self.stdout.write(f"  {login.role:<21} {login.email:<27} {login.password}")
        # A fresh token each run: only its hash is stored, so the old one cannot be shown again.
        self.stdout.write(f"Gate page: {base}/ar/gate/ (as gate staff), token for “{gate.slug}”:")
        self.stdout.write(f"  {gate_token_issue(gate=gate)}")
        self.stdout.write(
            "A test badge the gates admit (in orange) while the edition's rehearsal is on "
            "(Fair > Editions): type or paste its code at the gate page"
        )
        self.stdout.write(f"  {rehearsal.code}")


def _login(logins, role):
    return next(login for login in logins if login.role == role)
