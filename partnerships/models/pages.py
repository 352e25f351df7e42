from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from fairsite.models.pages import SectionPage


class PartnershipsPage(RoutablePageMixin, SectionPage):
    """The partner regions on a map, and a page for each with its public agreements and
    its meetings and sessions at the fair."""

    class Meta:
        verbose_name = _("partnerships")

    # The selectors import the models: imported where used, to avoid the cycle.
    @path("", name="index")
    def index_route(self, request):
        from partnerships.map import OUJDA, Place, partner_map
        from partnerships.selectors import public_regions

        regions = sorted(public_regions(), key=lambda region: region.name.casefold())
        home = Place("", gettext("Oriental Region"), *OUJDA)
        places = [
            Place(region.slug, region.name, float(region.latitude), float(region.longitude))
            for region in regions
        ]
        return self.render(
            request,
            context_overrides={
                "regions": regions,
                "map": partner_map(home=home, partners=places),
            },
        )

    @path("<slug:slug>/", name="region")
    def region_route(self, request, slug):
        from events.models import Edition, ProgrammePage
        from partnerships.selectors import (
            public_region,
            region_agreements,
            region_meetings,
            region_sessions,
        )

        region = public_region(slug=slug)
        if region is None:
            raise Http404
        programme = ProgrammePage.in_language(self.locale.language_code)
        return self.render(
            request,
            template="partnerships/partnerships_region.html",
            context_overrides={
                "region": region,
                "agreements": region_agreements(region=region, today=timezone.localdate()),
                "meetings": region_meetings(
                    region=region, session_url=programme.session_url if programme else None
                ),
                "sessions": region_sessions(region=region, edition=Edition.objects.current()),
                "programme": programme,
            },
        )
