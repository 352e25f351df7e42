"""A participant leaves the business meetings: their open requests and meetings are called
off, the other side is told, the profile keeps nothing of them (nor does the admin history),
the meetings held stay counted, and they may join again."""

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from b2b.models import B2BParticipant, MeetingRequest
from fairsite.models import OutboundEmail
from tests.factories import B2BBlockFactory, B2BParticipantFactory, EditionFactory, UserFactory
from tests.factories.records import MeetingRequestFactory

pytestmark = pytest.mark.django_db

NAME = "Nadia Oulad-Leaving"


@pytest.fixture
def fair(homes):
    edition = EditionFactory(is_current=True, year=2032)
    B2BBlockFactory(edition=edition)
    return edition


def test_leaving_calls_off_and_forgets(fair, django_capture_on_commit_callbacks):
    user = UserFactory()
    leaving = B2BParticipantFactory(edition=fair, user=user, name=NAME, email=user.email)
    other = B2BParticipantFactory(edition=fair)
    asked = MeetingRequestFactory(edition=fair, requester=leaving, recipient=other, message=NAME)
    client = Client()
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/meetings/leave/")

    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == "cancelled" and asked.message == ""
    assert OutboundEmail.objects.filter(to=[other.email]).exists()  # the other side is told
    gone = B2BParticipant.objects.get(pk=leaving.pk)
    assert (gone.user, gone.email, gone.is_active) == (None, "", False)
    assert NAME not in gone.name
    assert not ModelLogEntry.objects.filter(label__contains="Leaving").exists()
    assert ModelLogEntry.objects.filter(action="b2b.participant.left", user=user).exists()
    assert MeetingRequest.objects.filter(pk=asked.pk).exists()  # still counted
    # They may join again, as a new participant.
    assert client.get("/fr/meetings/join/").context["participant"] is None


def test_only_a_participant_leaves_and_only_by_post(fair):
    client = Client()
    client.force_login(UserFactory())
    assert client.post("/fr/meetings/leave/").status_code == 404
    assert client.get("/fr/meetings/leave/").status_code == 405
    assert Client().post("/fr/meetings/leave/").status_code == 302  # to sign in
