"""Every inspect page of the admin shows its values as people read them: no Python list, no
`None`, no queryset, no `True`, on the sample data and on records with their optional
fields left empty."""

import io
import re
from html import unescape

import pytest
from django.contrib.admin.utils import quote
from django.core.management import call_command
from django.urls import reverse
from wagtail.admin.viewsets.model import ModelViewSet

from b2b.models import B2BRegionPriority
from exhibitors.models import Product
from fairsite.admin_inspect import ValuesForPeopleMixin
from tests.events.test_admin_fair_clock import RECORDS, model_viewsets
from tests.factories import (
    ApplicationFactory,
    CooperativeFactory,
    EditionFactory,
    GateFactory,
    PartnerRegionFactory,
    RoomFactory,
    SpeakerFactory,
    StandFactory,
    StandTypeFactory,
    TrackFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

PYTHON_ON_SCREEN = re.compile(r"\[|\bNone\b|<QuerySet|\bTrue\b|\bFalse\b|\{'")
DEFINITION = re.compile(r"<dd>(.*?)</dd>", re.S)
RECORDS_A_MODEL = 4
# A record of each kind made as an organiser makes one, its optional fields left empty
# (beside the fair clock test's records, which are built the same way).
BUILT = {
    **RECORDS,
    "partnerships.partnerregion": lambda edition: PartnerRegionFactory(),
    "events.venue": lambda edition: VenueFactory(),
    "events.gate": lambda edition: GateFactory(),
    "programme.room": lambda edition: RoomFactory(),
    "programme.track": lambda edition: TrackFactory(),
    "programme.speaker": lambda edition: SpeakerFactory(),
    "exhibitors.product": lambda edition: Product.objects.create(
        cooperative=CooperativeFactory(),
        name_ar="زيت أركان",
        name_fr="Huile d'argan",
        category="argan",
    ),
    "exhibitors.standtype": lambda edition: StandTypeFactory(),
    "exhibitors.stand": lambda edition: StandFactory(edition=edition, code="Z-99"),
    "b2b.b2bregionpriority": lambda edition: B2BRegionPriority.objects.create(
        edition=edition, partner_region=PartnerRegionFactory(), weight=2
    ),
}


def inspect_viewsets() -> list[ModelViewSet]:
    return [viewset for viewset in model_viewsets() if viewset.inspect_view_enabled]


def shown_values(html: str) -> list[str]:
    """The inspect page's values, as text."""
    return [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", value)).split())
        for value in DEFINITION.findall(html)
    ]


def test_every_inspect_view_of_the_admin_writes_its_values_for_people():
    for viewset in inspect_viewsets():
        assert issubclass(viewset.inspect_view_class, ValuesForPeopleMixin), viewset.model


def test_no_inspect_page_shows_python(client):
    call_command("seed_demo", stdout=io.StringIO())
    admin = UserFactory(is_superuser=True, is_staff=True, language="en")
    client.force_login(admin)
    client.cookies["django_language"] = "en"

    edition = EditionFactory(year=2031)  # the built records' own: no clash with the sample's
    missing, python = [], []
    for viewset in inspect_viewsets():
        label = viewset.model._meta.label_lower
        sample = list(viewset.model._default_manager.order_by("pk")[:RECORDS_A_MODEL])
        if label not in BUILT:
            missing.append(label)
            continue
        for record in [*sample, BUILT[label](edition)]:
            url = reverse(viewset.get_url_name("inspect"), args=[quote(record.pk)])
            response = client.get(url)
            assert response.status_code == 200, url
            values = shown_values(response.content.decode())
            assert values, url
            python += [(url, value) for value in values if PYTHON_ON_SCREEN.search(value)]

    assert not missing, f"add a way to make a record of these to BUILT: {missing}"
    assert not python, "\n".join(f"{url}: {value}" for url, value in python)


def test_a_list_of_choices_reads_as_their_names(client):
    """An application's product categories, an edition's categories with unlimited entry:
    stored as codes in a list, shown by their names."""
    application = ApplicationFactory(product_categories=["argan", "dates"])
    admin = UserFactory(is_superuser=True, is_staff=True, language="fr")
    client.force_login(admin)
    client.cookies["django_language"] = "fr"

    shown = {
        url: " ".join(shown_values(client.get(url).content.decode()))
        for url in (
            reverse("applications:inspect", args=[application.pk]),
            reverse("editions:inspect", args=[application.edition.pk]),
        )
    }

    assert all(word not in " ".join(shown.values()) for word in ("argan,", "dates", "exhibitor"))
    assert "Argan, Dattes" in shown[reverse("applications:inspect", args=[application.pk])]
