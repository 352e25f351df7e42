"""The logistics unit sends files with its messages to a cooperative: checked by content,
stored privately, shown on the admin's request page and on the cooperative's own, and
downloaded only by the unit and by the cooperative that made the request."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.users.models import UserProfile

from exportsupport.choices import RequestStatus as Status
from exportsupport.errors import InvalidTransition, SupportError
from exportsupport.models import SupportAttachment, SupportMessage
from exportsupport.services import support_request_message_send, support_request_status_set
from fairsite.models import OutboundEmail
from tests.exhibitors.files import exe_as_pdf, pdf, png
from tests.factories import CooperativeFactory, UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/export-support/requests/"
PORTAL = "/fr/portal/export-support/"


def admin_language(user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def sent(support_request, officer, django_capture_on_commit_callbacks):
    """A message from the unit with a PDF and a PNG."""
    with django_capture_on_commit_callbacks(execute=True):
        return support_request_message_send(
            support_request=support_request,
            text="Voici le projet d'étiquette et la maquette.",
            files=[pdf("projet-etiquette.pdf"), png("maquette.png")],
            by=officer,
        )


def download_url(attachment, language: str = "fr") -> str:
    return f"/{language}/portal/export-support/{attachment.request_id}/attachments/{attachment.pk}/"


def test_an_officer_sends_files_from_the_admin_stored_privately(
    client, homes, officer, support_request, django_capture_on_commit_callbacks
):
    client.force_login(officer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{ADMIN}message/{support_request.pk}/",
            {
                "text": "Voici le projet d'étiquette.",
                "attachments": [pdf("projet-etiquette.pdf"), png("maquette.png")],
            },
        )

    assert response["Location"] == f"{ADMIN}inspect/{support_request.pk}/"
    entry = support_request.messages.get(to_cooperative=True)
    assert entry.status == "" and entry.text == "Voici le projet d'étiquette."
    files = list(entry.attachments.all())
    assert [file.original_name for file in files] == ["projet-etiquette.pdf", "maquette.png"]
    for file in files:
        assert file.request == support_request and file.uploaded_by == officer
        assert file.file.name.startswith("exportsupport/") and "maquette" not in file.file.name
        with pytest.raises(ValueError):
            file.file.storage.url(file.file.name)
    support_request.refresh_from_db()
    assert support_request.status == Status.RECEIVED
    page = client.get(f"{ADMIN}inspect/{support_request.pk}/").content.decode()
    # The admin reads in Arabic, the officer's default.
    assert download_url(files[0], "ar") in page and download_url(files[1], "ar") in page


def test_the_cooperative_is_mailed_in_its_language_with_the_files_names(sent, support_request):
    [email] = mail.outbox
    managers = set(support_request.cooperative.managers.values_list("email", flat=True))
    assert managers <= set(email.to)
    assert OutboundEmail.objects.get().language == "fr"
    assert email.subject == (
        "Votre demande d'accompagnement à l'export : un message de l'unité logistique"
    )
    assert "Fichiers joints, à télécharger depuis la page de votre demande :" in email.body
    assert "- projet-etiquette.pdf" in email.body and "- maquette.png" in email.body
    assert f"http://testserver{PORTAL}{support_request.pk}/" in email.body


def test_the_cooperative_sees_and_downloads_the_units_files(client, homes, manager, sent):
    client.force_login(manager)

    page = client.get(f"{PORTAL}{sent.request_id}/").content.decode()

    for attachment in sent.attachments.all():
        assert download_url(attachment) in page and attachment.original_name in page
    response = client.get(download_url(sent.attachments.get(original_name="maquette.png")))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_the_unit_downloads_its_own_files(client, homes, sent):
    client.force_login(UserFactory(groups=["Logistics unit"]))

    response = client.get(download_url(sent.attachments.first()))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    "who", ["another cooperative", "organiser", "gate staff", "signed-in person"]
)
def test_no_one_else_signed_in_gets_the_units_files(client, homes, sent, who):
    person = UserFactory(
        groups={"organiser": ["Organisers"], "gate staff": ["Gate staff"]}.get(who, [])
    )
    if who == "another cooperative":
        CooperativeFactory(managers=[person])
    client.force_login(person)

    for attachment in sent.attachments.all():
        assert client.get(download_url(attachment)).status_code == 404
    assert client.get(f"{PORTAL}{sent.request_id}/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in_and_gets_no_file(client, homes, sent):
    attachment = sent.attachments.first()

    response = client.get(download_url(attachment))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not getattr(response, "streaming", False) and b"%PDF" not in response.content


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("fr", "Le fichier a été refusé : Seuls ces types de fichier sont acceptés : PDF"),
        ("ar", "رُفض الملف: لا تُقبل إلا أنواع الملفات التالية: PDF"),
    ],
)
def test_a_renamed_executable_is_refused_in_the_officers_language_and_nothing_is_sent(
    client, homes, officer, support_request, language, refusal
):
    admin_language(officer, language)
    client.force_login(officer)
    messages_before, emails_before = support_request.messages.count(), OutboundEmail.objects.count()

    response = client.post(
        f"{ADMIN}message/{support_request.pk}/",
        {"text": "Le formulaire.", "attachments": [pdf("fiche.pdf"), exe_as_pdf("formulaire.pdf")]},
        follow=True,
    )

    assert refusal in response.content.decode()
    assert support_request.messages.count() == messages_before
    assert not SupportAttachment.objects.filter(message__isnull=False).exists()
    assert OutboundEmail.objects.count() == emails_before


def test_the_service_refuses_a_renamed_executable_and_keeps_nothing(support_request, officer):
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        support_request_message_send(
            support_request=support_request,
            text="Le formulaire.",
            files=[pdf("fiche.pdf"), exe_as_pdf("formulaire.pdf")],
            by=officer,
        )

    with translation.override("fr"):
        assert "Seuls ces types de fichier sont acceptés" in " ".join(refused.value.messages)
    assert not SupportMessage.objects.filter(to_cooperative=True).exists()
    assert not SupportAttachment.objects.filter(message__isnull=False).exists()
    assert not [email for email in OutboundEmail.objects.all() if email.language == "fr"]


def test_a_file_over_the_size_limit_is_refused(support_request, officer):
    large = pdf("dossier.pdf", content=b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024))

    with pytest.raises(ValidationError):
        support_request_message_send(support_request=support_request, files=[large], by=officer)

    assert not SupportAttachment.objects.filter(message__isnull=False).exists()


def test_a_status_change_carries_files_too(
    client, homes, officer, support_request, manager, django_capture_on_commit_callbacks
):
    client.force_login(officer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"{ADMIN}status/{support_request.pk}/",
            {
                "status": Status.DONE,
                "message": "L'agrément est obtenu : le voici.",
                "attachments": [pdf("agrement-onssa.pdf")],
            },
        )

    support_request.refresh_from_db()
    assert support_request.status == Status.DONE
    entry = support_request.messages.get(status=Status.DONE)
    assert [file.original_name for file in entry.attachments.all()] == ["agrement-onssa.pdf"]
    [email] = mail.outbox
    assert "- agrement-onssa.pdf" in email.body
    client.force_login(manager)
    page = client.get(f"{PORTAL}{support_request.pk}/").content.decode()
    assert download_url(entry.attachments.get()) in page


def test_a_message_needs_text_or_a_file(support_request, officer):
    with pytest.raises(SupportError):
        support_request_message_send(support_request=support_request, text=" ", by=officer)


def test_a_closed_request_takes_no_message_and_shows_no_form(
    client, homes, officer, support_request
):
    support_request_status_set(support_request=support_request, status=Status.DONE, by=officer)

    with pytest.raises(InvalidTransition):
        support_request_message_send(
            support_request=support_request, files=[pdf("tard.pdf")], by=officer
        )
    client.force_login(officer)
    page = client.get(f"{ADMIN}inspect/{support_request.pk}/").content.decode()
    assert f"{ADMIN}message/{support_request.pk}/" not in page


def test_only_the_unit_sends_files(client, homes, support_request):
    client.force_login(UserFactory(groups=["Organisers"]))

    response = client.post(f"{ADMIN}message/{support_request.pk}/", {"attachments": [pdf("x.pdf")]})

    assert response.status_code in (302, 403)
    assert not SupportAttachment.objects.filter(message__isnull=False).exists()
