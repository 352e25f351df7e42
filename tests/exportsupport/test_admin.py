import re

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from exportsupport.choices import RequestStatus as Status
from exportsupport.forms import StatusForm
from exportsupport.services import support_request_status_set
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
