"""Only the participants who agreed to be found are in the list of people to meet: asked
apart and unticked when joining, withdrawn from the profile or the privacy choices page
with effect at once. Those not listed still ask others, and the people they already have a
request with still see them."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from b2b.models import B2BParticipant, MeetingRequest
from b2b.services.meetings import meeting_request_make
from events.models import Consent
from events.services.consents import CONSENT_TEXTS, consent_give, consents_in_force
from tests.factories import B2BBlockFactory, B2BParticipantFactory, EditionFactory, UserFactory
from tests.factories.records import AttendeeFactory

pytestmark = pytest.mark.django_db

PROFILE = {
    "kind": "buyer",
    "name": "Yassine Berrada",
    "organisation": "Centrale d'achat Rabat",
    "language": "fr",
    "offers": "Distribution nationale",
    "seeks": "Huile d'olive, miel",
}


@pytest.fixture
def fair(homes):
    edition = EditionFactory(is_current=True, year=2031)
    B2BBlockFactory(edition=edition)
    return edition


def participant(edition, *, findable=True, **fields):
    user = UserFactory()
    if findable:
        consent_give(kind="findable", language="fr", user=user)
    return B2BParticipantFactory(edition=edition, user=user, email=user.email, **fields)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def listed(client, query="") -> list[str]:
    response = client.get(f"/fr/meetings/{query}")
    assert response.status_code == 200
    return sorted(other.name for other in response.context["page_obj"])


def test_joining_asks_apart_and_unticked(fair):
    page = BeautifulSoup(signed_in(UserFactory()).get("/ar/meetings/join/").content, "html.parser")

    box = page.select_one("input[type=checkbox][name=findable]")
    assert box is not None
    assert not box.has_attr("checked") and not box.has_attr("required")
    label = page.select_one(f'label[for="{box["id"]}"]').get_text(" ", strip=True)
    with translation.override("ar"):
        assert label == str(CONSENT_TEXTS["findable"][1])


def test_joining_without_the_tick_records_nothing_and_lists_nobody(fair):
    user = UserFactory()
    other = participant(fair, name="Omar")

    signed_in(user).post("/fr/meetings/join/", PROFILE)

    assert B2BParticipant.objects.filter(user=user).exists()
    assert not Consent.objects.filter(user=user).exists()
    assert listed(signed_in(other.user)) == []


def test_joining_with_the_tick_records_the_words_read_on_the_account(fair):
    user = UserFactory()

    signed_in(user).post("/ar/meetings/join/", PROFILE | {"findable": "on"})

    consent = Consent.objects.get(user=user)
    with translation.override("ar"):
        words = str(CONSENT_TEXTS["findable"][1])
    assert (consent.kind, consent.language, consent.text) == ("findable", "ar", words)
    assert consent.attendee is None
    assert listed(signed_in(participant(fair).user)) == ["Yassine Berrada"]


def test_a_participant_who_withdraws_leaves_the_list_at_once(fair):
    salma = participant(fair, name="Salma", offers="Miel de thym")
    third = signed_in(participant(fair, name="Third").user)
    assert listed(third) == ["Salma"]
    assert listed(third, "?q=thym") == ["Salma"]

    signed_in(salma.user).post(
        "/fr/privacy/my-data/choices/",
        {"holder": "account", "kind": "findable", "action": "withdraw"},
    )

    assert listed(third) == [] and listed(third, "?q=thym") == []
    response = third.post(f"/fr/meetings/participants/{salma.pk}/request/", {"message": ""})
    assert response.status_code == 404  # as if she were not there
    assert not MeetingRequest.objects.exists()

    signed_in(salma.user).post(
        "/fr/privacy/my-data/choices/", {"holder": "account", "kind": "findable", "action": "give"}
    )
    assert listed(third) == ["Salma"]


def test_unticking_on_the_profile_withdraws_too(fair):
    salma = participant(fair, name="Salma")
    third = signed_in(participant(fair, name="Third").user)
    client = signed_in(salma.user)
    form = client.get("/fr/meetings/join/").context["form"]
    assert form["findable"].value() is True  # the choice in force, as it stands

    client.post("/fr/meetings/join/", PROFILE | {"name": "Salma"})

    assert consents_in_force(user=salma.user) == {}
    assert Consent.objects.get(user=salma.user).withdrawn_at is not None
    assert listed(third) == []


def test_one_not_listed_still_asks_and_is_seen_by_whom_they_asked(fair):
    hidden = participant(fair, findable=False, name="Hidden")
    omar = participant(fair, name="Omar")
    hidden_client = signed_in(hidden.user)
    page = hidden_client.get("/fr/meetings/")
    assert page.context["findable"] is False
    assert "/fr/meetings/join/#id_findable" in page.content.decode()
    assert listed(hidden_client) == ["Omar"]

    response = hidden_client.post(f"/fr/meetings/participants/{omar.pk}/request/", {})

    assert response.status_code == 302
    meeting_request = MeetingRequest.objects.get()
    assert (meeting_request.requester, meeting_request.recipient) == (hidden, omar)
    omar_client = signed_in(omar.user)
    assert list(omar_client.get("/fr/meetings/requests/").context["received"]) == [meeting_request]
    assert "Hidden" in omar_client.get("/fr/meetings/requests/").content.decode()
    assert listed(omar_client) == []  # still not in the list


def test_the_one_asked_may_answer_a_request_from_one_not_listed(fair):
    hidden = participant(fair, findable=False, name="Hidden")
    omar = participant(fair, name="Omar")
    meeting_request_make(requester=hidden, recipient=omar)

    # Asking back the one who asked leads to their request, not to a 404.
    response = signed_in(omar.user).post(f"/fr/meetings/participants/{hidden.pk}/request/", {})

    assert response.status_code == 302
    assert MeetingRequest.objects.count() == 1


def test_without_an_account_the_badge_holders_choice_counts_and_with_one_the_accounts(fair):
    delegate = AttendeeFactory(edition=fair, category="delegation")
    consent_give(kind="findable", language="fr", attendee=delegate)
    registered = B2BParticipantFactory(edition=fair, name="Delegate", attendee=delegate)
    B2BParticipantFactory(edition=fair, name="No account, no badge")
    third = signed_in(participant(fair, name="Third").user)
    assert listed(third) == ["Delegate"]

    # Once an account speaks for them, its own choice decides.
    registered.user = UserFactory()
    registered.save()
    assert listed(third) == []


def test_the_sample_participants_agreed_to_be_found(homes):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())

    samples = B2BParticipant.objects.all()
    assert samples.count() > 4
    assert B2BParticipant.objects.findable().count() == samples.count()
    # (the sample visitors who share their contact with the stands agree on their badge)
    assert Consent.objects.filter(kind="findable", user__isnull=False).count() == samples.count()
