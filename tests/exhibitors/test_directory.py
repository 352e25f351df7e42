import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exhibitors.choices import ApplicationStatus as Status
from exhibitors.models import Product
from exhibitors.services.pages import directory_pages_ensure
from tests.factories import ApplicationFactory, CooperativeFactory, StandFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(homes):
    return directory_pages_ensure(homes=homes)


def exhibit(edition, stand_type, status=Status.CONFIRMED, **cooperative):
    application = ApplicationFactory(
        edition=edition,
        stand_type=stand_type,
        status=status,
        cooperative=CooperativeFactory(**cooperative),
    )
    if status == Status.CONFIRMED:
        application.stand = StandFactory(stand_type=stand_type)
        application.save()
    return application


def test_the_directory_lives_at_lang_exhibitors(client, directory, open_edition):
    for language in ["ar", "fr", "en"]:
        assert client.get(f"/{language}/exhibitors/").status_code == 200


def test_only_confirmed_exhibitors_of_the_current_edition_are_listed(
    client, directory, open_edition, stand_type
):
    shown = exhibit(open_edition, stand_type, name="Visible Coop")
    exhibit(open_edition, stand_type, status=Status.ACCEPTED, name="Accepted Coop")
    exhibit(open_edition, stand_type, status=Status.SUBMITTED, name="Submitted Coop")

    content = client.get("/fr/exhibitors/").content.decode()

    assert "Visible Coop" in content and shown.stand.code in content
    assert "Accepted Coop" not in content and "Submitted Coop" not in content


def test_arabic_pages_show_arabic_names_french_pages_latin_names(
    client, directory, open_edition, stand_type
):
    exhibit(open_edition, stand_type, name="Cooperative Sabbar", name_ar="تعاونية الصبار")

    arabic = client.get("/ar/exhibitors/").content.decode()
    french = client.get("/fr/exhibitors/").content.decode()

    assert ">تعاونية الصبار</a>" in arabic
    assert ">Cooperative Sabbar</a>" in french and "تعاونية الصبار" in french  # both where helpful


def test_the_cards_name_the_products_in_the_readers_language(
    client, directory, open_edition, stand_type
):
    application = exhibit(open_edition, stand_type, name="Cooperative Nahl")
    for name_ar, name_fr in [("عسل الدغموس", "Miel d'euphorbe"), ("زيت الأركان", "Huile d'argan")]:
        Product.objects.create(
            cooperative=application.cooperative, name_ar=name_ar, name_fr=name_fr, category="honey"
        )

    arabic = client.get("/ar/exhibitors/").content.decode()
    french = client.get("/fr/exhibitors/").content.decode()

    assert "<p>زيت الأركان، عسل الدغموس</p>" in arabic and "Miel" not in arabic
    assert "<p>Huile d&#x27;argan, Miel d&#x27;euphorbe</p>" in french


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "Nahl"}, {"Cooperative Nahl"}),
        ({"q": "النحل"}, {"Cooperative Nahl"}),
        ({"q": "argan"}, {"Cooperative Argane"}),  # by product
        ({"province": "figuig"}, {"Cooperative Argane"}),
        ({"sector": "agri_food"}, {"Cooperative Nahl"}),
        ({"certification": "organic"}, {"Cooperative Nahl"}),
    ],
)
def test_search_and_filters(client, directory, open_edition, stand_type, params, expected):
    nahl = exhibit(
        open_edition,
        stand_type,
        name="Cooperative Nahl",
        name_ar="تعاونية النحل",
        province="berkane",
        sector="agri_food",
    )
    argane = exhibit(
        open_edition,
        stand_type,
        name="Cooperative Argane",
        name_ar="تعاونية الأركان",
        province="figuig",
        sector="cosmetics",
    )
    nahl.cooperative.certifications.create(kind="organic")
    argane.cooperative.products.create(
        name_fr="Huile d'argan", name_ar="زيت الأركان", category="argan"
    )

    content = client.get("/fr/exhibitors/", params).content.decode()

    found = {
        name for name in ("Cooperative Nahl", "Cooperative Argane") if f">{name}</a>" in content
    }
    assert found == expected


def test_the_list_runs_the_same_number_of_queries_for_5_or_40_exhibitors(
    client, directory, open_edition, stand_type
):
    def count_queries():
        for _warm_up in range(2):  # the first creates the site's settings, which is a change
            client.get("/fr/exhibitors/")  # warm caches (site root paths, settings, menus)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fr/exhibitors/").status_code == 200
        return len(queries)

    for n in range(5):
        exhibit(open_edition, stand_type).cooperative.products.create(
            name_fr=f"P{n}", name_ar="م", category="honey"
        )
    few = count_queries()
    for _n in range(35):
        exhibit(open_edition, stand_type).cooperative.certifications.create(kind="organic")

    assert count_queries() == few


def test_the_profile_shows_products_and_stand_and_only_the_public_contact(
    client, directory, open_edition, stand_type
):
    private = exhibit(open_edition, stand_type, email="private@fair.example")
    public = exhibit(
        open_edition, stand_type, email="private2@fair.example", public_email="public@fair.example"
    )
    public.cooperative.products.create(name_fr="Miel", name_ar="عسل", category="honey")

    private_page = client.get(f"/fr/exhibitors/{private.cooperative.pk}/").content.decode()
    public_page = client.get(f"/fr/exhibitors/{public.cooperative.pk}/").content.decode()

    assert "private@fair.example" not in private_page
    assert "private2@fair.example" not in public_page
    assert "public@fair.example" in public_page and "Miel" in public_page
    assert public.stand.code in public_page


def test_a_profile_of_a_non_confirmed_exhibitor_is_404(client, directory, open_edition, stand_type):
    accepted = exhibit(open_edition, stand_type, status=Status.ACCEPTED)

    assert client.get(f"/fr/exhibitors/{accepted.cooperative.pk}/").status_code == 404
    assert client.get("/fr/exhibitors/999999/").status_code == 404


def test_pagination_keeps_the_filters(client, directory, open_edition, stand_type):
    for _n in range(30):
        exhibit(open_edition, stand_type, province="nador")

    content = client.get("/fr/exhibitors/", {"province": "nador"}).content.decode()

    assert "?province=nador&amp;page=2" in content
