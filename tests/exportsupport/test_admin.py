import re

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from exhibitors.models import Product
from exportsupport.choices import RequestStatus as Status
from exportsupport.forms import StatusForm, SupportRequestAdminForm
from exportsupport.models import SupportRequest
from exportsupport.services import support_request_status_set
from exportsupport.viewsets import SupportRequestViewSet
from fairsite.models import OutboundEmail
from tests.factories import CooperativeFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/export-support/requests/"


def test_the_logistics_unit_group_exists_with_its_permissions(officer):
    assert officer.has_perm("exportsupport.change_supportrequest")
    assert officer.has_perm("wagtailadmin.access_admin")
    organiser = UserFactory(groups=["Organisers"])
    assert organiser.has_perm("exportsupport.view_supportrequest")
    assert not organiser.has_perm("exportsupport.change_supportrequest")


def test_officers_filter_requests_by_status_service_and_province(
    client, homes, officer, support_request, manager
):
    from exportsupport.services import support_request_file

    elsewhere = CooperativeFactory(province="figuig", managers=[manager])
    other = support_request_file(
        cooperative=elsewhere, by=manager, service="transport", target_markets="Dakar"
    )
    client.force_login(officer)

    in_figuig = client.get(LIST, {"province": "figuig"}).content.decode()
    transport = client.get(LIST, {"service": "transport"}).content.decode()
    received = client.get(LIST, {"status": "received"}).content.decode()
    searched = client.get(LIST, {"q": "Dakar"}).content.decode()

    # Rows by their link: the cooperative filter names every cooperative that has filed.
    mine, theirs = f"/inspect/{support_request.pk}/", f"/inspect/{other.pk}/"
    assert theirs in in_figuig and mine not in in_figuig
    assert theirs in transport and mine not in transport
    assert theirs in received and mine in received
    assert theirs in searched


def test_the_inspect_page_shows_readiness_and_the_officers_forms(
    client, homes, officer, support_request
):
    client.force_login(officer)

    page = client.get(f"{LIST}inspect/{support_request.pk}/").content.decode()

    assert "/100" in page
    assert f"{LIST}status/{support_request.pk}/" in page
    assert "analyse.pdf" in page


def test_an_officer_assigns_changes_status_and_records_the_outcome(
    client, homes, officer, support_request, django_capture_on_commit_callbacks
):
    client.force_login(officer)

    client.post(f"{LIST}assign/{support_request.pk}/", {"officer": officer.pk})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{LIST}status/{support_request.pk}/",
            {"status": Status.DONE, "message": "Agrément ONSSA obtenu."},
        )
    client.post(f"{LIST}outcome/{support_request.pk}/", {"outcome": "Agrément obtenu"})

    support_request.refresh_from_db()
    assert support_request.assigned_to == officer
    assert support_request.status == Status.DONE
    assert support_request.outcome == "Agrément obtenu"
    assert len(mail.outbox) == 1 and "Agrément ONSSA obtenu." in mail.outbox[0].body


def test_an_unknown_transition_is_refused_in_the_admin(client, homes, officer, support_request):
    support_request_status_set(support_request=support_request, status=Status.DONE, by=officer)
    client.force_login(officer)

    client.post(f"{LIST}status/{support_request.pk}/", {"status": Status.IN_PROGRESS})

    support_request.refresh_from_db()
    assert support_request.status == Status.DONE


@pytest.mark.parametrize("group", ["Gate staff", "Organisers"])
def test_others_cannot_act_on_requests(client, homes, support_request, group):
    client.force_login(UserFactory(groups=[group]))

    for action, data in [
        ("status", {"status": Status.IN_PROGRESS, "message": "x"}),
        ("assign", {"officer": ""}),
        ("outcome", {"outcome": "x"}),
    ]:
        response = client.post(f"{LIST}{action}/{support_request.pk}/", data)
        assert response.status_code in (302, 403)

    support_request.refresh_from_db()
    assert support_request.status == Status.RECEIVED
    assert support_request.outcome == ""


def test_gate_staff_do_not_see_the_requests(client, homes, support_request):
    client.force_login(UserFactory(groups=["Gate staff"]))

    assert client.get(LIST).status_code in (302, 403)
    assert client.get(f"{LIST}inspect/{support_request.pk}/").status_code in (302, 403)


def offered_statuses(page: str) -> list[str]:
    select = re.search(r'<select name="status".*?</select>', page, flags=re.S).group()
    return re.findall(r'<option value="([a-z_]+)"', select)


def test_the_status_form_offers_only_the_moves_the_workflow_allows(
    client, homes, officer, support_request
):
    support_request_status_set(
        support_request=support_request, status=Status.IN_PROGRESS, by=officer
    )
    client.force_login(officer)

    page = client.get(f"{LIST}inspect/{support_request.pk}/").content.decode()

    assert offered_statuses(page) == [Status.WAITING, Status.DONE, Status.DECLINED]


@pytest.mark.parametrize("closed", [Status.DONE, Status.DECLINED])
def test_a_closed_request_shows_no_status_form(client, homes, officer, support_request, closed):
    support_request = support_request_status_set(
        support_request=support_request, status=closed, message="Fin.", by=officer
    )
    client.force_login(officer)

    page = client.get(f"{LIST}inspect/{support_request.pk}/").content.decode()

    assert f"{LIST}status/{support_request.pk}/" not in page
    assert StatusForm(support_request=support_request).fields["status"].choices == []


def test_a_status_the_workflow_does_not_allow_is_refused_in_the_officers_language(
    client, homes, officer, support_request
):
    support_request_status_set(
        support_request=support_request, status=Status.IN_PROGRESS, by=officer
    )
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "fr"
    profile.save()
    entries, emails = support_request.messages.count(), OutboundEmail.objects.count()
    client.force_login(officer)

    response = client.post(
        f"{LIST}status/{support_request.pk}/",
        {"status": Status.RECEIVED, "message": "Retour au début."},
        follow=True,
    )

    assert "Une demande « en cours » ne peut pas passer à « reçue »." in response.content.decode()
    support_request.refresh_from_db()
    assert support_request.status == Status.IN_PROGRESS
    assert support_request.messages.count() == entries
    assert OutboundEmail.objects.count() == emails


def edit_data(support_request, **extra):
    return {
        "cooperative": support_request.cooperative_id,
        "products": [product.pk for product in support_request.products.all()],
        "service": support_request.service,
        "target_markets": support_request.target_markets,
        "quantities_and_timing": support_request.quantities_and_timing,
        **extra,
    }


@pytest.fixture
def foreign_product(db):
    return CooperativeFactory().products.create(
        name_ar="عسل فجيج الجبلي", name_fr="Miel de Figuig", category="honey"
    )


def test_the_edit_form_offers_only_the_requests_cooperatives_products(
    client, homes, officer, support_request, product, foreign_product
):
    product.cooperative.products.create(name_ar="تمر المجهول", name_fr="Dattes", category="dates")
    client.force_login(officer)

    page = client.get(f"{LIST}edit/{support_request.pk}/")

    offered = page.context["form"].fields["products"].queryset
    assert set(offered) == set(product.cooperative.products.all())
    html = page.content.decode()
    assert "تمر المجهول" in html and "عسل فجيج الجبلي" not in html


def test_the_edit_form_refuses_another_cooperatives_product_in_the_officers_language(
    client, homes, officer, support_request, product, foreign_product
):
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(officer)

    response = client.post(
        f"{LIST}edit/{support_request.pk}/",
        edit_data(support_request, products=[product.pk, foreign_product.pk]),
    )

    assert response.status_code == 200
    assert "Choisissez parmi les produits de la coopérative." in response.content.decode()
    assert list(support_request.products.all()) == [product]


def test_the_edit_form_refuses_products_that_are_not_the_newly_chosen_cooperatives(
    client, homes, officer, support_request, product, foreign_product
):
    client.force_login(officer)

    response = client.post(
        f"{LIST}edit/{support_request.pk}/",
        edit_data(support_request, cooperative=foreign_product.cooperative_id),
    )

    assert response.status_code == 200
    support_request.refresh_from_db()
    assert support_request.cooperative_id == product.cooperative_id


def test_the_edit_form_saves_the_cooperatives_own_products(
    client, homes, officer, support_request, product
):
    dates = product.cooperative.products.create(name_ar="تمر", name_fr="Dattes", category="dates")
    client.force_login(officer)

    response = client.post(
        f"{LIST}edit/{support_request.pk}/",
        edit_data(support_request, products=[product.pk, dates.pk]),
    )

    assert response.status_code == 302
    assert set(support_request.products.all()) == {product, dates}


def test_a_form_posted_past_the_choices_still_meets_the_products_rule(
    support_request, product, foreign_product
):
    form_class = SupportRequestViewSet.edit_handler.bind_to_model(SupportRequest).get_form_class()
    assert issubclass(form_class, SupportRequestAdminForm)
    form = form_class(
        data=edit_data(support_request, products=[foreign_product.pk]), instance=support_request
    )
    form.fields["products"].queryset = Product.objects.all()

    assert not form.is_valid()
    assert "products" in form.errors


def test_a_request_added_in_the_admin_takes_only_its_cooperatives_products(
    client, homes, officer, cooperative, product, foreign_product
):
    client.force_login(officer)
    assert client.get(f"{LIST}new/").status_code == 200
    data = {
        "cooperative": cooperative.pk,
        "service": "labelling",
        "target_markets": "France",
        "quantities_and_timing": "",
    }

    refused = client.post(f"{LIST}new/", {**data, "products": [foreign_product.pk]})
    added = client.post(f"{LIST}new/", {**data, "products": [product.pk]})

    assert refused.status_code == 200 and added.status_code == 302
    assert [list(made.products.all()) for made in SupportRequest.objects.all()] == [[product]]
