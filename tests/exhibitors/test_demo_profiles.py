"""The sample exhibitors' profiles: communes in Arabic and French, descriptions, drawn logos
and photos, added once."""

import pytest
from wagtail.images import get_image_model

from exhibitors.demo import demo_exhibitors_ensure
from exhibitors.models import Cooperative, CooperativePhoto, Product
from tests.factories import EditionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_sample_profiles_are_complete_and_made_once():
    edition, exhibitor, organiser = EditionFactory(), UserFactory(), UserFactory()

    demo_exhibitors_ensure(edition=edition, exhibitor=exhibitor, organiser=organiser)
    counts = (get_image_model().objects.count(), CooperativePhoto.objects.count())
    demo_exhibitors_ensure(edition=edition, exhibitor=exhibitor, organiser=organiser)

    assert (get_image_model().objects.count(), CooperativePhoto.objects.count()) == counts
    cooperatives = Cooperative.objects.all()
    assert not cooperatives.filter(logo=None).exists()
    assert not cooperatives.filter(commune_ar="").exists()
    assert not cooperatives.filter(commune_fr="").exists()
    figuig = cooperatives.filter(province="figuig").first()
    assert (figuig.commune_ar, figuig.commune_fr) == ("فجيج", "Figuig")
    assert cooperatives.exclude(public_email="").exists()
    assert 0 < CooperativePhoto.objects.values("cooperative").distinct().count() < 60
    assert not Product.objects.filter(description_ar="").exists()
    assert not Product.objects.filter(description_fr="").exists()
