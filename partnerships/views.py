"""The public partnerships pages: the partner regions on a map, and a page for each region
(answered below the partnerships page's address, see `RoutedSectionPage`)."""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from events.models import Edition
from partnerships.map import OUJDA, Place, partner_map
from partnerships.selectors import (
    public_region,
    public_regions,
    region_agreements,
    region_meetings,
    region_sessions,
)
from programme.models import ProgrammePage


def partnerships_index(request, page):
    regions = sorted(public_regions(), key=lambda region: region.name.casefold())
    home = Place("", gettext("Oriental Region"), *OUJDA)
    places = [
        Place(region.slug, region.name, float(region.latitude), float(region.longitude))
        for region in regions
    ]
    return page.render(
        request,
        context_overrides={"regions": regions, "map": partner_map(home=home, partners=places)},
    )


def region_view(request, page, slug):
    region = public_region(slug=slug)
    if region is None:
        raise Http404
    programme = ProgrammePage.in_language(page.locale.language_code)
    return page.render(
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
