import pytest
from django.urls import reverse

from feedback.models import ExhibitorSurvey, SessionRating, VisitorSurvey
from tests.factories import ApplicationFactory, SessionFactory, UserFactory
from tests.factories.records import AttendeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_organisers_read_the_answers_in_the_admin(superuser_client):
    session = SessionFactory()
    rating = SessionRating.objects.create(
        session=session, attendee=AttendeeFactory(edition=session.edition), score=3, comment="Bien"
    )
    survey = VisitorSurvey.objects.create(
        attendee=AttendeeFactory(), edition=session.edition, satisfaction=4, come_again="yes"
    )
    answers = ExhibitorSurvey.objects.create(
        application=ApplicationFactory(status="confirmed"),
        satisfaction=5,
        come_again="yes",
        sales=1200,
    )
    for name, row in [
        ("feedback_session_ratings", rating),
        ("feedback_visitor_surveys", survey),
        ("feedback_exhibitor_surveys", answers),
    ]:
        assert superuser_client.get(reverse(f"{name}:index")).status_code == 200
        assert superuser_client.get(reverse(f"{name}:inspect", args=[row.pk])).status_code == 200
    listing = superuser_client.get(reverse("feedback_session_ratings:index")).content.decode()
    assert "Bien" in listing
