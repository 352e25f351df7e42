import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from exhibitors.choices import ApplicationStatus as Status
from exhibitors.choices import DocumentKind
from exhibitors.errors import (
    ApplicationError,
    ApplicationIncomplete,
    InvalidTransition,
    RegistrationClosed,
    StaffQuotaReached,
    StandUnavailable,
)
from exhibitors.models import Application, ApplicationDocument, Cooperative
from exhibitors.services.applications import (
    application_accept,
    application_assign_stand,
    application_confirm,
    application_document_add,
    application_offer_stand,
    application_reject,
    application_request_changes,
    application_start,
    application_submit,
    application_update,
    application_waitlist,
    application_withdraw,
    staff_member_add,
)
from exhibitors.services.cooperatives import cooperative_create
from fairsite.models import OutboundEmail
from tests.exhibitors.files import exe_as_pdf, pdf
from tests.factories import ApplicationFactory, CooperativeFactory, EditionFactory, StandFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_english():
    """For the tests that read the rules' messages in English."""
    from django.utils import translation

    with translation.override("en"):
        yield


def submitted(application, by):
    return application_submit(application=application, by=by)


def test_cooperative_create_makes_the_user_a_manager(manager):
    cooperative = cooperative_create(
        by=manager,
        name="Cooperative Tafilalet",
        name_ar="تعاونية تافيلالت",
        legal_form="cooperative",
        registration_number="ODCO-77",
        province="figuig",
        commune_ar="فجيج",
        commune_fr="Figuig",
        sector="agri_food",
        founded_in=2010,
        members=10,
        women_members=4,
        young_members=2,
        contact_name="Said",
        email="tafilalet@fair.example",
        phone="0600000000",
    )

    assert list(Cooperative.objects.managed_by(manager)) == [cooperative]


@pytest.mark.usefixtures("in_english")
def test_cooperative_with_more_women_than_members_is_refused(manager):
    with pytest.raises(ValidationError) as error:
        cooperative_create(
            by=manager,
            name="X",
            name_ar="س",
            legal_form="cooperative",
            registration_number="1",
            province="nador",
            commune_ar="الناظور",
            commune_fr="Nador",
            sector="crafts",
            founded_in=2000,
            members=3,
            women_members=5,
            contact_name="A",
            email="x@fair.example",
            phone="1",
        )
    assert "women" in str(error.value)
    assert Cooperative.objects.count() == 0


def test_start_returns_the_existing_application(open_edition, cooperative, manager):
    first = application_start(cooperative=cooperative, edition=open_edition, by=manager)
    again = application_start(cooperative=cooperative, edition=open_edition, by=manager)

    assert first == again and first.status == Status.DRAFT
    assert Application.objects.count() == 1
    assert list(first.events.values_list("to_status", flat=True)) == [Status.DRAFT]


def test_start_is_refused_when_applications_are_closed(cooperative, manager):
    closed = EditionFactory(
        exhibitor_registration_opens_at=timezone.now() - datetime.timedelta(days=30),
        exhibitor_registration_closes_at=timezone.now() - datetime.timedelta(days=1),
    )

    with pytest.raises(RegistrationClosed):
        application_start(cooperative=cooperative, edition=closed, by=manager)
    assert Application.objects.count() == 0


@pytest.mark.usefixtures("in_english")
def test_submit_names_everything_missing(draft, manager):
    application_update(
        application=draft, by=manager, product_categories=["olive_oil"], stand_type=None
    )

    with pytest.raises(ApplicationIncomplete) as error:
        submitted(draft, manager)

    missing = " ".join(error.value.missing)
    assert "stand type" in missing
    assert str(DocumentKind.STATUTES.label) in missing
    assert str(DocumentKind.SANITARY_APPROVAL.label) in missing  # olive oil is food
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_submit_after_the_deadline_is_refused(complete_draft, manager, open_edition):
    open_edition.exhibitor_registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    open_edition.save()

    with pytest.raises(RegistrationClosed):
        submitted(complete_draft, manager)
    complete_draft.refresh_from_db()
    assert complete_draft.status == Status.DRAFT


def test_submit_records_history_audit_log_and_mails_the_cooperative(
    complete_draft, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = submitted(complete_draft, manager)

    assert application.status == Status.SUBMITTED and application.submitted_at
    event = application.events.last()
    assert (event.from_status, event.to_status, event.by) == (
        Status.DRAFT,
        Status.SUBMITTED,
        manager,
    )
    assert ModelLogEntry.objects.filter(action="exhibitors.application.submitted").count() == 1
    email = OutboundEmail.objects.get()
    assert email.language == "ar"  # the cooperative's language, not the manager's
    assert set(email.to) == {application.cooperative.email, manager.email}
    assert len(mail.outbox) == 1
    assert "/ar/portal/applications/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("decide", "status"),
    [
        (application_accept, Status.ACCEPTED),
        (application_waitlist, Status.WAITLISTED),
        (application_reject, Status.REJECTED),
    ],
)
def test_organiser_decisions(complete_draft, manager, organiser, decide, status):
    submitted(complete_draft, manager)

    application = decide(application=complete_draft, by=organiser, note="Merci")

    assert application.status == status
    assert application.events.last().note == "Merci"


def test_changes_requested_can_be_resubmitted_after_the_deadline(
    complete_draft, manager, organiser, open_edition
):
    submitted(complete_draft, manager)
    application_request_changes(application=complete_draft, by=organiser, note="Add a photo")
    open_edition.exhibitor_registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    open_edition.save()

    application_update(application=complete_draft, by=manager, message="Done")
    application = submitted(complete_draft, manager)

    assert application.status == Status.SUBMITTED


def test_request_changes_needs_a_message(complete_draft, manager, organiser):
    submitted(complete_draft, manager)

    with pytest.raises(ApplicationError):
        application_request_changes(application=complete_draft, by=organiser, note="  ")


@pytest.mark.parametrize(
    ("setup", "action"),
    [
        ([], application_accept),  # a draft cannot be accepted
        (["withdraw"], application_accept),  # nor a withdrawn one
        (["submit", "reject"], application_confirm),
        (["submit"], application_confirm),  # confirm only once accepted
        (["submit", "accept", "withdraw"], application_accept),
    ],
)
def test_invalid_transitions_change_nothing(complete_draft, manager, organiser, setup, action):
    steps = {
        "submit": lambda: submitted(complete_draft, manager),
        "accept": lambda: application_accept(application=complete_draft, by=organiser),
        "reject": lambda: application_reject(application=complete_draft, by=organiser),
        "withdraw": lambda: application_withdraw(application=complete_draft, by=manager),
    }
    for step in setup:
        steps[step]()
    before = Application.objects.get(pk=complete_draft.pk).status
    history = complete_draft.events.count()

    with pytest.raises(InvalidTransition):
        action(application=complete_draft, by=organiser)

    assert Application.objects.get(pk=complete_draft.pk).status == before
    assert complete_draft.events.count() == history


def test_a_submitted_application_can_no_longer_be_edited(complete_draft, manager):
    submitted(complete_draft, manager)

    with pytest.raises(InvalidTransition):
        application_update(application=complete_draft, by=manager, message="late change")
    with pytest.raises(InvalidTransition):
        application_document_add(application=complete_draft, kind="other", file=pdf(), by=manager)


def test_accept_assign_confirm_withdraw_frees_the_stand(
    complete_draft, manager, organiser, stand_type
):
    stand = StandFactory(stand_type=stand_type)
    submitted(complete_draft, manager)
    application_accept(application=complete_draft, by=organiser)
    application_assign_stand(application=complete_draft, stand=stand, by=organiser)
    application_confirm(application=complete_draft, by=manager)

    application = application_withdraw(application=complete_draft, by=manager)

    assert application.status == Status.WITHDRAWN and application.stand is None
    other = ApplicationFactory(edition=stand.edition, stand_type=stand_type, status=Status.ACCEPTED)
    assert application_assign_stand(application=other, stand=stand, by=organiser).stand == stand


def test_a_stand_goes_to_one_application_only(open_edition, organiser, stand_type):
    stand = StandFactory(stand_type=stand_type)
    first, second = ApplicationFactory.create_batch(
        2, edition=open_edition, stand_type=stand_type, status=Status.ACCEPTED
    )
    application_assign_stand(application=first, stand=stand, by=organiser)

    with pytest.raises(StandUnavailable) as error:
        application_assign_stand(application=second, stand=stand, by=organiser)

    assert stand.code in str(error.value)
    second.refresh_from_db()
    assert second.stand is None


def test_a_stand_of_another_edition_is_refused(open_edition, organiser, stand_type):
    application = ApplicationFactory(
        edition=open_edition, stand_type=stand_type, status=Status.ACCEPTED
    )
    elsewhere = StandFactory()

    with pytest.raises(StandUnavailable):
        application_assign_stand(application=application, stand=elsewhere, by=organiser)


def test_a_rejected_application_cannot_hold_a_stand(open_edition, organiser, stand_type):
    application = ApplicationFactory(
        edition=open_edition, stand_type=stand_type, status=Status.REJECTED
    )

    with pytest.raises(InvalidTransition):
        application_assign_stand(
            application=application, stand=StandFactory(stand_type=stand_type), by=organiser
        )


def test_offer_a_freed_stand_to_a_waitlisted_application(
    open_edition, organiser, stand_type, django_capture_on_commit_callbacks
):
    stand = StandFactory(stand_type=stand_type)
    waiting = ApplicationFactory(
        edition=open_edition, stand_type=stand_type, status=Status.WAITLISTED
    )

    with django_capture_on_commit_callbacks(execute=True):
        application = application_offer_stand(
            application=waiting, stand=stand, by=organiser, note="Un stand s'est libéré"
        )

    assert (application.status, application.stand) == (Status.ACCEPTED, stand)
    assert stand.code in mail.outbox[-1].body


def test_staff_within_the_quota(complete_draft, manager, organiser):
    submitted(complete_draft, manager)
    application_accept(application=complete_draft, by=organiser)
    application_confirm(application=complete_draft, by=manager)
    staff_member_add(application=complete_draft, by=manager, full_name="Aicha Berrada")
    staff_member_add(application=complete_draft, by=manager, full_name="Hassan Ouali")

    with pytest.raises(StaffQuotaReached):
        staff_member_add(application=complete_draft, by=manager, full_name="One too many")

    assert complete_draft.staff.count() == complete_draft.badge_quota == 2


def test_staff_cannot_be_named_before_acceptance(complete_draft, manager):
    with pytest.raises(InvalidTransition):
        staff_member_add(application=complete_draft, by=manager, full_name="Too early")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: exe_as_pdf(), "Only these kinds of file are accepted"),
        (lambda: pdf(content=b""), "The file is empty"),
        (lambda: pdf(name="statutes.png"), "is a PDF but its name ends in “.png”"),
        (lambda: pdf(content=b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1)), "larger than 10 MB"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(draft, manager, upload, message):
    from django.utils import translation

    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            application_document_add(application=draft, kind="statutes", file=upload(), by=manager)
        assert message in " ".join(error.value.messages)
    assert ApplicationDocument.objects.count() == 0


def test_an_accepted_upload_is_renamed_and_private(draft, manager, settings):
    document = application_document_add(
        application=draft, kind="statutes", file=pdf("My statutes.pdf"), by=manager
    )

    assert document.original_name == "My statutes.pdf"
    assert document.file.name.startswith("applications/") and "statutes" not in document.file.name
    assert document.file.storage.location == str(settings.PRIVATE_MEDIA_ROOT)
    with pytest.raises(ValueError):
        _ = document.file.url  # no public address


def test_one_application_per_cooperative_and_edition(open_edition, cooperative, stand_type):
    from django.db import IntegrityError, transaction

    ApplicationFactory(edition=open_edition, cooperative=cooperative, stand_type=stand_type)
    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationFactory(edition=open_edition, cooperative=cooperative, stand_type=stand_type)


def test_the_database_refuses_a_stand_for_a_rejected_application(open_edition, stand_type):
    from django.db import IntegrityError, transaction

    application = ApplicationFactory(
        edition=open_edition, stand_type=stand_type, status=Status.REJECTED
    )
    application.stand = StandFactory(stand_type=stand_type)
    with pytest.raises(IntegrityError), transaction.atomic():
        application.save()


def test_a_cooperative_needs_not_reapply_its_other_cooperatives(manager, open_edition, stand_type):
    first, second = CooperativeFactory(managers=[manager]), CooperativeFactory(managers=[manager])

    applications = {
        application_start(cooperative=c, edition=open_edition, by=manager) for c in (first, second)
    }

    assert len(applications) == 2


def test_the_cooperative_is_told_its_stand(
    complete_draft, manager, organiser, stand_type, django_capture_on_commit_callbacks
):
    stand = StandFactory(stand_type=stand_type, code="B-12")
    submitted(complete_draft, manager)
    application_accept(application=complete_draft, by=organiser)

    with django_capture_on_commit_callbacks(execute=True):
        application_assign_stand(application=complete_draft, stand=stand, by=organiser)

    message = mail.outbox[-1]
    assert "B-12" in message.subject and "B-12" in message.body
    assert OutboundEmail.objects.latest("pk").language == complete_draft.cooperative.language
