"""Joining the B2B meetings: one who comes for a cooperative need not name an organisation
(it is the cooperative's name); anyone else must, and is told so in their language."""

import pytest
from django.test import Client
from django.utils import translation

from b2b.errors import B2BError
from b2b.models import B2BParticipant
from b2b.services.participants import participant_join
from exhibitors.models import Cooperative
from tests.factories import ApplicationFactory, CooperativeFactory, EditionFactory, UserFactory

pytestmark = pytest.mark.django_db

MISSING = {
    "en": "Give the name of the organisation you come for.",
    "fr": "Indiquez le nom de l&#x27;organisme que vous représentez.",
    "ar": "اذكروا اسم الهيئة التي تشاركون باسمها.",
}


@pytest.fixture
def fair(homes):
    return EditionFactory(is_current=True)


@pytest.fixture
def khadija(fair):
    """The manager of two cooperatives whose applications to the fair are confirmed."""
    user = UserFactory(first_name="Khadija", last_name="Amrani")
    for name, name_ar in [
        ("Cooperative Nakhil Figuig", "تعاونية نخيل فجيج"),
        ("Cooperative Argane Berkane", "تعاونية أركان بركان"),
    ]:
        cooperative = CooperativeFactory(name=name, name_ar=name_ar, managers=[user])
        ApplicationFactory(edition=fair, cooperative=cooperative, status="confirmed")
    return user


def cooperative(name) -> Cooperative:
    return Cooperative.objects.get(name=name)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def profile(**fields) -> dict:
    return {
        "name": "Khadija Amrani",
        "organisation": "",
        "language": "fr",
        "offers": "Dattes Aziza",
        "seeks": "Grossistes",
        **fields,
    }


def test_an_exhibitor_s_organisation_is_the_cooperative_s_name_in_their_script(fair, khadija):
    argane = cooperative("Cooperative Argane Berkane")

    joined = participant_join(
        user=khadija,
        edition=fair,
        kind="exhibitor",
        cooperative=argane,
        name="Khadija Amrani",
        organisation="",
        language="ar",
    )
    assert joined.organisation == "تعاونية أركان بركان"

    again = participant_join(
        user=khadija,
        edition=fair,
        kind="exhibitor",
        cooperative=argane,
        name="Khadija Amrani",
        organisation="  ",
        language="fr",
    )
    assert (again.pk, again.organisation) == (joined.pk, "Cooperative Argane Berkane")


def test_an_organisation_the_exhibitor_wrote_is_kept(fair, khadija):
    joined = participant_join(
        user=khadija,
        edition=fair,
        kind="exhibitor",
        cooperative=cooperative("Cooperative Argane Berkane"),
        name="Khadija Amrani",
        organisation="Union des coopératives d'argane",
        language="fr",
    )
    assert joined.organisation == "Union des coopératives d'argane"


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_without_a_cooperative_an_organisation_is_required(fair, language):
    with translation.override(language), pytest.raises(B2BError) as refused:
        participant_join(
            user=UserFactory(), edition=fair, kind="buyer", name="Yassine", language="fr"
        )

    assert refused.value.code == "organisation_missing"
    assert str(refused.value) == MISSING[language].replace("&#x27;", "'")
    assert not B2BParticipant.objects.exists()


def test_an_exhibitor_joins_on_the_page_without_naming_an_organisation(fair, khadija):
    client = signed_in(khadija)
    form = client.get("/fr/meetings/join/").context["form"]
    assert not form.fields["organisation"].required
    assert "le nom de la coopérative est repris" in str(form["organisation"].help_text)

    response = client.post(
        "/fr/meetings/join/",
        profile(kind="exhibitor", cooperative=cooperative("Cooperative Nakhil Figuig").pk),
    )

    assert response.status_code == 302, response.context["form"].errors
    assert B2BParticipant.objects.get().organisation == "Cooperative Nakhil Figuig"


def test_choosing_another_cooperative_does_not_keep_the_first_one_s_name(fair, khadija):
    """The page offers the first cooperative with its name as the organisation; choosing the
    other one, the exhibitor is not left coming for the first one's name."""
    client = signed_in(khadija)
    page = client.get("/ar/meetings/join/")
    first = page.context["form"].initial["organisation"]
    other = Cooperative.objects.exclude(name_ar=first).get()

    client.post(
        "/ar/meetings/join/",
        profile(kind="exhibitor", cooperative=other.pk, organisation=first, language="ar"),
    )

    assert B2BParticipant.objects.get().organisation == other.name_ar


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_a_buyer_is_asked_for_the_organisation_in_the_page_s_language(fair, khadija, language):
    """Khadija could come for a cooperative, but takes part as a buyer: then she names the
    organisation she comes for."""
    response = signed_in(khadija).post(
        f"/{language}/meetings/join/", profile(kind="buyer", language=language)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["organisation"] == [
        MISSING[language].replace("&#x27;", "'")
    ]
    assert MISSING[language] in response.content.decode()
    assert not B2BParticipant.objects.exists()


def test_one_with_no_cooperative_to_choose_is_asked_for_the_organisation(fair):
    client = signed_in(UserFactory())
    form = client.get("/fr/meetings/join/").context["form"]
    assert form.fields["organisation"].required

    response = client.post("/fr/meetings/join/", profile(kind="buyer"))

    assert response.context["form"].errors["organisation"] == [MISSING["fr"].replace("&#x27;", "'")]
    assert not B2BParticipant.objects.exists()

    client.post("/fr/meetings/join/", profile(kind="buyer", organisation="Centrale Rabat"))
    assert B2BParticipant.objects.get().organisation == "Centrale Rabat"
