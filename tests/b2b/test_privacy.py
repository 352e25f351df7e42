"""A participant's e-mail address and mobile number are theirs: the others see their name,
organisation and profile on the suggestion cards, in the list of people to meet and in the
requests, never how to reach them outside the site, in any language, and cannot find them
by either."""

import pytest
from django.test import Client

from b2b.services.meetings import meeting_request_make
from b2b.services.suggestions import suggestions_refresh
from events.services.consents import consent_give
from fairsite.phones import phone_display
from tests.factories import B2BBlockFactory, B2BParticipantFactory, EditionFactory, UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "fr", "en"]
ACCOUNT_EMAIL = "salma.idrissi@argane-berkane.example"
CONTACT_EMAIL = "commercial@argane-berkane.example"
PHONE = "+212612345678"


@pytest.fixture
def fair(homes):
    edition = EditionFactory(is_current=True, year=2031)
    B2BBlockFactory(edition=edition)
    return edition


def join(user, edition, **fields):
    consent_give(kind="findable", language="fr", user=user)
    return B2BParticipantFactory(edition=edition, user=user, **fields)


@pytest.fixture
def salma(fair):
    """An argan cooperative's participant, reached at two addresses and a mobile number."""
    user = UserFactory(email=ACCOUNT_EMAIL, phone=PHONE, language="fr")
    return join(
        user,
        fair,
        email=CONTACT_EMAIL,
        name="Salma Idrissi",
        organisation="Coopérative Argane Berkane",
        offers="Huile d'argan, amlou",
        offer_topics=["argan"],
        roles=["producer"],
        roles_sought=["distributor"],
        markets=["FR"],
        languages=["ar", "fr"],
    )


@pytest.fixture
def omar(fair):
    user = UserFactory(email="omar@fair.example", language="ar")
    return join(
        user,
        fair,
        email=user.email,
        kind="buyer",
        name="Omar El Fassi",
        organisation="Épicerie fine Toulouse",
        seek_topics=["argan"],
        roles=["distributor"],
        markets=["FR"],
        languages=["fr"],
    )


def secrets_in(content: bytes) -> list[str]:
    text = content.decode()
    national = phone_display(PHONE)
    secrets = [ACCOUNT_EMAIL, CONTACT_EMAIL, "argane-berkane.example", PHONE, national]
    secrets += [national.replace(" ", ""), PHONE.removeprefix("+212")]
    return [secret for secret in secrets if secret in text]


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", LANGUAGES)
def test_suggestion_cards_and_the_list_show_no_e_mail_or_phone(fair, salma, omar, language):
    suggestions_refresh(edition=fair)
    client = signed_in(omar.user)

    pages = {
        "suggestions": f"/{language}/meetings/suggestions/",
        "list": f"/{language}/meetings/",
        "search": f"/{language}/meetings/?q=Argane",
        "filters": f"/{language}/meetings/?kind=exhibitor&topic=argan",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        shown = (
            [s.other for s in response.context["suggestions"]]
            if name == "suggestions"
            else list(response.context["page_obj"])
        )
        assert shown == [salma], url  # she is there, with her profile
        assert "Coopérative Argane Berkane" in response.content.decode(), url
        assert secrets_in(response.content) == [], url


@pytest.mark.parametrize(
    "query", [ACCOUNT_EMAIL, CONTACT_EMAIL, "argane-berkane.example", PHONE, phone_display(PHONE)]
)
def test_nobody_is_found_in_the_list_by_their_e_mail_or_phone(fair, salma, omar, query):
    response = signed_in(omar.user).get("/fr/meetings/", {"q": query})

    assert response.status_code == 200
    assert list(response.context["page_obj"]) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_request_received_shows_no_e_mail_or_phone(fair, salma, omar, language):
    meeting_request_make(requester=salma, recipient=omar, message="Nous cherchons un distributeur.")

    response = signed_in(omar.user).get(f"/{language}/meetings/requests/")

    assert response.status_code == 200
    assert "Salma Idrissi" in response.content.decode()
    assert secrets_in(response.content) == []
