"""An officer adds a commitment from an agreement's page: the form starts under that agreement
and saving leads back to it."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.utils import timezone, translation

from partnerships.models import Commitment
from partnerships.services.agreements import agreement_save
from tests.factories import AgreementFactory, UserFactory

pytestmark = pytest.mark.django_db

OFFICERS = "Partnerships officers"
D = datetime.timedelta


@pytest.fixture
def officer(client, homes):
    user = UserFactory(groups=[OFFICERS])
    client.force_login(user)
    return user


@pytest.fixture
def agreement(db):
    today = timezone.localdate()
    agreement = AgreementFactory(
        reference="CONV-2031-004",
        signed_on=today - D(days=100),
        effective_from=today - D(days=100),
        duration_months=36,
    )
    return agreement_save(agreement=agreement)


def page_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def link_named(page: BeautifulSoup, text: str) -> str:
    """The address of the link a person reads as `text` in the admin's language (Arabic)."""
    with translation.override("ar"):
        text = translation.gettext(text)
    (link,) = [a for a in page.select("a[href]") if a.get_text(strip=True) == text]
    return link["href"]


def commitment_form(page: BeautifulSoup):
    """The commitment form's address and the values a browser would send as it stands."""
    form = page.select_one("form:has(textarea[name=description])")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        if field.name == "select":
            chosen = field.select_one("option[selected]")
            data[field["name"]] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            data[field["name"]] = field.get_text()
        elif field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        elif field.get("type") != "file":
            data[field["name"]] = field.get("value", "")
    return form["action"], data


def test_a_commitment_added_from_its_agreement_starts_under_it_and_leads_back(
    client, officer, agreement
):
    AgreementFactory(reference="AAA-FIRST")  # listed before it: the form must not pick this
    inspect_url = f"/admin/partnerships/agreements/inspect/{agreement.pk}/"

    add_url = link_named(page_of(client.get(inspect_url)), "Add a commitment")
    action, data = commitment_form(page_of(client.get(add_url)))

    assert data["agreement"] == str(agreement.pk)
    data.update(description="Former vingt coopératives à l'export", due_on="2031-06-30")
    response = client.post(action, data, follow=True)

    assert response.redirect_chain[-1][0].split("#")[0] == inspect_url
    commitment = Commitment.objects.get()
    assert commitment.agreement == agreement
    listed = page_of(response).select_one("#commitments + table")
    assert f"/admin/partnerships/commitments/inspect/{commitment.pk}/" in str(listed)
    assert "Former vingt coopératives à l'export" in listed.get_text()


@pytest.mark.parametrize("value", ["", "abc", "-1", "999999", "1 OR 1=1"])
def test_a_bad_agreement_in_the_address_leaves_the_form_empty(client, officer, agreement, value):
    response = client.get("/admin/partnerships/commitments/new/", {"agreement": value})

    _, data = commitment_form(page_of(response))
    assert data["agreement"] == ""


def test_an_agreement_the_user_may_not_see_is_not_filled_in(client, homes, agreement):
    # A user who may record commitments but not read the register of agreements.
    user = UserFactory()
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_commitment"),
    )
    client.force_login(user)

    response = client.get("/admin/partnerships/commitments/new/", {"agreement": agreement.pk})

    action, data = commitment_form(page_of(response))
    assert data["agreement"] == ""
    assert "agreement=" not in action


def test_a_commitment_added_from_the_list_still_returns_to_the_list(client, officer, agreement):
    action, data = commitment_form(page_of(client.get("/admin/partnerships/commitments/new/")))
    data.update(agreement=agreement.pk, description="Échanger des formateurs")

    response = client.post(action, data)

    assert response.status_code == 302
    assert response.url == "/admin/partnerships/commitments/"
    assert Commitment.objects.get().agreement == agreement
