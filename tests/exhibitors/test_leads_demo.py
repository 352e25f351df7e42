"""The sample exhibitor's stand has a few scanned visitors, one sharing their contact."""

import pytest

from events.demo import demo_attendees_ensure
from exhibitors.demo import demo_exhibitors_ensure
from exhibitors.models import StandVisit
from exhibitors.selectors import stand_leads
from tests.factories import EditionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_sample_leads_are_made_once():
    edition, exhibitor, organiser = EditionFactory(is_current=True), UserFactory(), UserFactory()
    demo_attendees_ensure(edition=edition)

    demo_exhibitors_ensure(edition=edition, exhibitor=exhibitor, organiser=organiser)
    demo_exhibitors_ensure(edition=edition, exhibitor=exhibitor, organiser=organiser)

    (application,) = {visit.application for visit in StandVisit.objects.all()}
    assert exhibitor in application.cooperative.managers.all()
    leads = stand_leads(application)
    assert len(leads) == 4
    assert [lead.contact is not None for lead in leads].count(True) == 1
    assert any(lead.visit.note for lead in leads if lead.contact is None)
