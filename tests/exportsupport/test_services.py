import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from exhibitors.models import Certification, Product
from exportsupport.choices import RequestStatus as Status
from exportsupport.errors import InvalidTransition, SupportError
from exportsupport.models import SupportRequest
from exportsupport.selectors import cooperative_export_readiness
from exportsupport.services import (
    support_request_assign,
    support_request_file,
    support_request_outcome_set,
    support_request_reply,
    support_request_status_set,
)
from fairsite.models import OutboundEmail
from tests.exhibitors.files import exe_as_pdf
from tests.factories import CooperativeFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_request_file_records_the_request_its_products_and_files(support_request, product):
    assert support_request.status == Status.RECEIVED
    assert list(support_request.products.all()) == [product]
    assert support_request.attachments.get().original_name == "analyse.pdf"
    assert support_request.messages.get().status == Status.RECEIVED


def test_request_file_refuses_someone_who_does_not_manage_the_cooperative(cooperative):
    with pytest.raises(SupportError):
        support_request_file(
            cooperative=cooperative, by=UserFactory(), service="labelling", target_markets="UE"
        )


def test_request_file_refuses_another_cooperatives_product(cooperative, manager):
    other = Product.objects.create(
        cooperative=CooperativeFactory(), name_ar="عسل", name_fr="Miel", category="honey"
    )
    with pytest.raises(SupportError):
        support_request_file(
            cooperative=cooperative,
            by=manager,
            service="labelling",
            target_markets="UE",
            products=[other],
        )


def test_request_file_refuses_a_renamed_executable_and_keeps_nothing(cooperative, manager):
    with pytest.raises(ValidationError):
        support_request_file(
            cooperative=cooperative,
            by=manager,
            service="labelling",
            target_markets="UE",
            attachments=[exe_as_pdf("etiquette.pdf")],
        )
    assert not SupportRequest.objects.exists()


@pytest.mark.parametrize(
    "status", [Status.IN_PROGRESS, Status.WAITING, Status.DONE, Status.DECLINED]
)
def test_each_status_change_mails_the_cooperative_in_its_language(
    support_request, officer, django_capture_on_commit_callbacks, status
):
    with django_capture_on_commit_callbacks(execute=True):
        support_request_status_set(
            support_request=support_request, status=status, message="Voir le dossier.", by=officer
        )

    (email,) = mail.outbox
    assert support_request.cooperative.email in email.to
    assert OutboundEmail.objects.get().language == "fr"
    assert "Voir le dossier." in email.body
    assert f"/fr/portal/export-support/{support_request.pk}/" in email.body
    entry = support_request.messages.last()
    assert entry.to_cooperative and entry.status == status


def test_the_status_mail_is_in_arabic_for_an_arabic_cooperative(
    support_request, officer, django_capture_on_commit_callbacks
):
    support_request.cooperative.language = "ar"
    support_request.cooperative.save()

    with django_capture_on_commit_callbacks(execute=True):
        support_request_status_set(
            support_request=support_request, status=Status.IN_PROGRESS, by=officer
        )

    assert OutboundEmail.objects.get().language == "ar"
    assert "/ar/portal/export-support/" in mail.outbox[0].body


def test_a_closed_request_cannot_change_status(support_request, officer):
    support_request_status_set(support_request=support_request, status=Status.DONE, by=officer)

    with pytest.raises(InvalidTransition):
        support_request_status_set(
            support_request=support_request, status=Status.IN_PROGRESS, by=officer
        )
    support_request.refresh_from_db()
    assert support_request.status == Status.DONE


def test_declining_needs_a_message(support_request, officer):
    with pytest.raises(SupportError):
        support_request_status_set(
            support_request=support_request, status=Status.DECLINED, by=officer
        )


def test_assign_takes_only_an_officer(support_request, officer):
    support_request_assign(support_request=support_request, officer=officer, by=officer)
    support_request.refresh_from_db()
    assert support_request.assigned_to == officer

    with pytest.raises(SupportError):
        support_request_assign(
            support_request=support_request, officer=UserFactory(groups=["Gate staff"]), by=officer
        )


def test_outcome_is_recorded_and_logged(support_request, officer):
    support_request_outcome_set(
        support_request=support_request, outcome="Agrément obtenu", by=officer
    )

    support_request.refresh_from_db()
    assert support_request.outcome == "Agrément obtenu"
    assert ModelLogEntry.objects.filter(action="exportsupport.request.outcome").exists()


def test_readiness_counts_valid_certifications_and_requests_done(
    cooperative, support_request, officer
):
    today = datetime.date(2030, 6, 1)
    Certification.objects.create(
        cooperative=cooperative, kind="sanitary_approval", valid_until=None
    )
    Certification.objects.create(
        cooperative=cooperative, kind="organic", valid_until=datetime.date(2030, 6, 1)
    )
    Certification.objects.create(
        cooperative=cooperative, kind="pgi", valid_until=datetime.date(2030, 5, 31)
    )
    support_request_status_set(support_request=support_request, status=Status.DONE, by=officer)

    readiness = cooperative_export_readiness(cooperative, on=today)

    assert readiness["certifications_valid_count"] == 2
    assert readiness["requests_done"] == 1
    assert readiness["requests_open"] == 0
    assert readiness["score"] == 75


def test_readiness_of_a_new_cooperative_is_zero(db):
    readiness = cooperative_export_readiness(CooperativeFactory())

    assert readiness["score"] == 0
    assert readiness["certifications_valid_count"] == readiness["requests_done"] == 0


def admin_url(support_request):
    return f"http://testserver/admin/export-support/requests/inspect/{support_request.pk}/"


def test_filing_mails_each_member_of_the_unit_in_their_language(
    cooperative, manager, django_capture_on_commit_callbacks
):
    in_french = UserFactory(groups=["Logistics unit"], language="fr")
    in_arabic = UserFactory(groups=["Logistics unit"], language="ar")
    UserFactory(groups=["Logistics unit"], is_active=False)
    UserFactory(groups=["Organisers"])
    UserFactory(groups=["Application reviewers"])
    UserFactory(is_superuser=True, is_staff=True)

    with django_capture_on_commit_callbacks(execute=True):
        support_request = support_request_file(
            cooperative=cooperative,
            by=manager,
            service="labelling",
            target_markets="Union européenne",
            quantities_and_timing="500 bouteilles, juin",
        )

    assert sorted(email.to for email in mail.outbox) == sorted(
        [[in_french.email], [in_arabic.email]]
    )
    languages = {email.to[0]: email.language for email in OutboundEmail.objects.all()}
    assert languages == {in_french.email: "fr", in_arabic.email: "ar"}
    for email in mail.outbox:
        assert admin_url(support_request) in email.body
        assert "Union européenne" in email.body
    by_person = {email.to[0]: email.body for email in mail.outbox}
    assert cooperative.name in by_person[in_french.email]
    assert cooperative.name_ar in by_person[in_arabic.email]


def test_a_reply_mails_the_assigned_officer_only(
    officer, support_request, manager, django_capture_on_commit_callbacks
):
    UserFactory(groups=["Logistics unit"])
    support_request_assign(support_request=support_request, officer=officer, by=officer)

    with django_capture_on_commit_callbacks(execute=True):
        support_request_reply(
            support_request=support_request, text="La fiche est jointe.", by=manager
        )

    (email,) = mail.outbox
    assert email.to == [officer.email]
    assert "La fiche est jointe." in email.body
    assert admin_url(support_request) in email.body


def test_a_reply_to_an_unassigned_request_mails_the_whole_unit(
    officer, support_request, manager, django_capture_on_commit_callbacks
):
    colleague = UserFactory(groups=["Logistics unit"])

    with django_capture_on_commit_callbacks(execute=True):
        support_request_reply(support_request=support_request, text="Voici la fiche.", by=manager)

    assert sorted(email.to[0] for email in mail.outbox) == sorted([officer.email, colleague.email])


def test_filing_with_no_one_in_the_unit_mails_no_one_and_keeps_the_request(
    cooperative, manager, django_capture_on_commit_callbacks
):
    UserFactory(groups=["Organisers"])
    UserFactory(is_superuser=True, is_staff=True)

    with django_capture_on_commit_callbacks(execute=True):
        support_request = support_request_file(
            cooperative=cooperative, by=manager, service="transport", target_markets="Dakar"
        )

    assert SupportRequest.objects.filter(pk=support_request.pk).exists()
    assert mail.outbox == []
    assert not OutboundEmail.objects.exists()
