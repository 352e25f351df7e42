"""The B2B participant form offers a partnerships officer the badge holders and speakers a
participant can be, not every visitor's and speaker's name."""

import pytest

from b2b.models import B2BParticipant
from events.models import Attendee
from fairsite.roles import PARTNERSHIPS_OFFICERS
from tests.factories import (
    B2BParticipantFactory,
    EditionFactory,
    SessionFactory,
    SpeakerFactory,
    UserFactory,
)
from tests.factories.records import AttendeeFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/partnerships/b2b/participants/new/"


@pytest.fixture
def people(homes):
    edition = EditionFactory(is_current=True)
    old = EditionFactory(year=edition.year - 1)
    made = {
        "edition": edition,
        "delegate": AttendeeFactory(
            edition=edition, category="delegation", full_name="Wafae Delegate"
        ),
        "staff": AttendeeFactory(
            edition=edition, category="exhibitor_staff", full_name="Karim Staff"
        ),
        "visitor": AttendeeFactory(
            edition=edition,
            category="visitor",
            full_name="Nadia Visitor",
            email="nadia@example.org",
        ),
        "old_delegate": AttendeeFactory(edition=old, category="delegation", full_name="Omar Old"),
        "speaker": SpeakerFactory(name_ar="", name_latin="Salma Speaker"),
        "old_speaker": SpeakerFactory(name_ar="", name_latin="Hassan Formerly"),
    }
    SessionFactory(edition=edition, speakers=[made["speaker"]])
    SessionFactory(edition=old, speakers=[made["old_speaker"]])
    return made


@pytest.fixture
def officer_client(client):
    client.force_login(UserFactory(groups=[PARTNERSHIPS_OFFICERS]))
    return client


def test_the_form_lists_the_editions_delegates_staff_and_speakers_only(officer_client, people):
    page = officer_client.get(ADD).content.decode()

    assert "Wafae Delegate" in page
    assert "Karim Staff" in page
    assert "Salma Speaker" in page
    assert "Nadia Visitor" not in page
    assert "Omar Old" not in page
    assert "Hassan Formerly" not in page


def form(people, **fields):
    return {
        "edition": people["edition"].pk,
        "kind": "buyer",
        "name": "Nadia",
        "organisation": "Distribution SA",
        "email": "nadia@example.org",
        "language": "fr",
        "offers": "",
        "seeks": "Huile d'argan",
        "is_active": "on",
        "priority": "0",
        **fields,
    }


def test_a_visitor_is_linked_by_the_participants_email_only(officer_client, people):
    visitor = people["visitor"]
    other = officer_client.post(ADD, form(people, email="someone@example.org", attendee=visitor.pk))
    assert other.status_code == 200  # the form again, with the error
    assert not B2BParticipant.objects.exists()

    same = officer_client.post(ADD, form(people, attendee=visitor.pk))

    assert same.status_code == 302
    assert B2BParticipant.objects.get().attendee == visitor
    # The linked visitor stays on the participant's form.
    participant = B2BParticipant.objects.get()
    page = officer_client.get(f"/admin/partnerships/b2b/participants/edit/{participant.pk}/")
    assert "Nadia Visitor" in page.content.decode()


def test_a_speaker_of_another_edition_cannot_be_posted(officer_client, people):
    officer_client.post(ADD, form(people, speaker=people["old_speaker"].pk))
    assert not B2BParticipant.objects.exists()

    officer_client.post(ADD, form(people, speaker=people["speaker"].pk))
    assert B2BParticipant.objects.get().speaker == people["speaker"]


def test_an_old_speaker_already_linked_stays_offered(officer_client, people):
    participant = B2BParticipantFactory(edition=people["edition"], speaker=people["old_speaker"])
    page = officer_client.get(f"/admin/partnerships/b2b/participants/edit/{participant.pk}/")
    assert "Hassan Formerly" in page.content.decode()
    assert Attendee.objects.count() == 4
