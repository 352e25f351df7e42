import pytest

from exportsupport.models import SupportAttachment, SupportRequest
from tests.exhibitors.files import exe_as_pdf, pdf, png
from tests.factories import CooperativeFactory, UserFactory

pytestmark = pytest.mark.django_db

BASE = "/fr/portal/export-support/"


def test_a_manager_files_a_request_with_products_and_attachments(
    client, homes, manager, cooperative, product
):
    client.force_login(manager)

    response = client.post(
        f"{BASE}cooperatives/{cooperative.pk}/new/",
        {
            "products": [product.pk],
            "service": "labelling",
            "target_markets": "Union européenne",
            "quantities_and_timing": "500 bouteilles, juin",
            "attachments": [pdf("fiche.pdf"), png("etiquette.png")],
        },
    )

    support_request = SupportRequest.objects.get()
    assert response["Location"] == f"{BASE}{support_request.pk}/"
    assert support_request.cooperative == cooperative
    assert list(support_request.products.all()) == [product]
    assert support_request.attachments.count() == 2
    page = client.get(f"{BASE}{support_request.pk}/").content.decode()
    assert "fiche.pdf" in page and "Union européenne" in page


def test_the_form_offers_only_the_cooperatives_own_products(
    client, homes, manager, cooperative, product
):
    other = CooperativeFactory()
    foreign = other.products.create(name_ar="عسل", name_fr="Miel de Figuig", category="honey")
    client.force_login(manager)

    page = client.get(f"{BASE}cooperatives/{cooperative.pk}/new/").content.decode()
    refused = client.post(
        f"{BASE}cooperatives/{cooperative.pk}/new/",
        {"products": [foreign.pk], "service": "labelling", "target_markets": "UE"},
    )

    assert "Huile d" in page and "Miel de Figuig" not in page
    assert refused.status_code == 200
    assert not SupportRequest.objects.exists()


def test_a_renamed_executable_is_refused(client, homes, manager, cooperative):
    client.force_login(manager)

    response = client.post(
        f"{BASE}cooperatives/{cooperative.pk}/new/",
        {"service": "labelling", "target_markets": "UE", "attachments": [exe_as_pdf("a.pdf")]},
    )

    assert response.status_code == 200
    assert not SupportRequest.objects.exists()
    assert not SupportAttachment.objects.exists()


def test_a_renamed_executable_is_refused_on_an_existing_request(
    client, homes, manager, support_request
):
    client.force_login(manager)

    client.post(f"{BASE}{support_request.pk}/attachments/", {"file": exe_as_pdf("b.pdf")})

    assert support_request.attachments.count() == 1


def test_another_cooperative_sees_neither_the_request_nor_its_attachment(
    client, homes, support_request
):
    stranger = UserFactory()
    CooperativeFactory(managers=[stranger])
    attachment = support_request.attachments.get()
    client.force_login(stranger)

    assert client.get(f"{BASE}{support_request.pk}/").status_code == 404
    assert client.get(f"{BASE}{support_request.pk}/attachments/{attachment.pk}/").status_code == 404
    assert client.post(f"{BASE}{support_request.pk}/reply/", {"text": "?"}).status_code == 404
    assert (
        client.get(f"{BASE}cooperatives/{support_request.cooperative_id}/new/").status_code == 404
    )
    assert str(support_request.cooperative) not in client.get(BASE).content.decode()


def test_the_manager_and_the_logistics_unit_download_the_attachment(
    client, homes, manager, officer, support_request
):
    attachment = support_request.attachments.get()
    url = f"{BASE}{support_request.pk}/attachments/{attachment.pk}/"

    for person in (manager, officer):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert response["Cache-Control"] == "private, no-store"

    for person in (UserFactory(groups=["Organisers"]), UserFactory(groups=["Gate staff"])):
        client.force_login(person)
        assert client.get(url).status_code == 404


def test_the_cooperative_reads_the_units_message_and_replies(
    client, homes, manager, officer, support_request
):
    from exportsupport.services import support_request_status_set

    support_request_status_set(
        support_request=support_request,
        status="waiting",
        message="Envoyez la fiche technique du produit.",
        by=officer,
    )
    client.force_login(manager)

    page = client.get(f"{BASE}{support_request.pk}/").content.decode()
    client.post(f"{BASE}{support_request.pk}/reply/", {"text": "Fiche envoyée."})

    assert "Envoyez la fiche technique du produit." in page
    assert support_request.messages.last().text == "Fiche envoyée."
    assert not support_request.messages.last().to_cooperative
