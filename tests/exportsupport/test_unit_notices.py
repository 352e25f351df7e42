"""Who in the logistics unit hears of a request, and in which language: the sample data's
officer, and a member added in the admin with the language they read."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from wagtail.users.models import UserProfile

from exhibitors.models import Cooperative
from exportsupport.models import SupportRequest
from exportsupport.selectors import is_officer
from exportsupport.services import support_request_file, support_request_reply
from fairsite.demo import DEMO_LOGINS
from fairsite.models import OutboundEmail, User
from fairsite.roles import LOGISTICS_UNIT
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def inspect_url(support_request) -> str:
    return f"http://testserver/admin/export-support/requests/inspect/{support_request.pk}/"


def test_after_seed_demo_a_new_request_mails_the_sample_logistics_officer_in_french(
    client, django_capture_on_commit_callbacks
):
    call_command("seed_demo", stdout=io.StringIO())
    demo = {login.role: login for login in DEMO_LOGINS}
    officer = User.objects.get(email=demo["logistics officer"].email)
    assert officer.language == "fr" and is_officer(officer)
    exhibitor = demo["exhibitor"]
    cooperative = Cooperative.objects.filter(managers__email=exhibitor.email).first()
    product = cooperative.products.first()
    client.post("/ar/accounts/login/", {"login": exhibitor.email, "password": exhibitor.password})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/ar/portal/export-support/cooperatives/{cooperative.pk}/new/",
            {"products": [product.pk], "service": "labelling", "target_markets": "Canada"},
        )

    support_request = SupportRequest.objects.get(cooperative=cooperative, target_markets="Canada")
    [notice] = [email for email in mail.outbox if officer.email in email.to]
    assert notice.to == [officer.email]
    assert notice.subject.startswith("Nouvelle demande d'accompagnement à l'export de")
    assert "Ouvrir la demande dans l'administration :" in notice.body
    assert inspect_url(support_request) in notice.body
    assert OutboundEmail.objects.get(to=[officer.email]).language == "fr"
    # The link opens for the officer, signed in with the printed password.
    client.logout()
    login = demo["logistics officer"]
    client.post("/fr/accounts/login/", {"login": login.email, "password": login.password})
    assert (
        client.get(inspect_url(support_request).removeprefix("http://testserver")).status_code
        == 200
    )


def user_form(**extra):
    return {
        "email": "karima.unit@fair.example",
        "first_name": "Karima",
        "last_name": "Lahlou",
        "password1": "a-long-enough-Passw0rd!",
        "password2": "a-long-enough-Passw0rd!",
        **extra,
    }


def test_a_unit_member_added_in_the_admin_in_french_is_written_to_in_french(
    client, homes, cooperative, manager, django_capture_on_commit_callbacks
):
    administrator = UserFactory(is_superuser=True, is_staff=True)
    UserProfile.objects.create(user=administrator, preferred_language="en")
    client.force_login(administrator)
    unit = Group.objects.get(name=LOGISTICS_UNIT)

    form_page = client.get("/admin/users/new/").content.decode()
    assert 'name="language"' in form_page
    with translation.override("en"):
        assert "E-mails and text messages go out in this language." in form_page

    created = client.post("/admin/users/new/", user_form(language="fr", groups=[unit.pk]))

    assert created.status_code == 302
    member = User.objects.get(email="karima.unit@fair.example")
    assert member.language == "fr" and is_officer(member)
    with django_capture_on_commit_callbacks(execute=True):
        support_request = support_request_file(
            cooperative=cooperative, by=manager, service="transport", target_markets="Dakar"
        )
    [notice] = mail.outbox
    assert notice.to == [member.email]
    assert notice.subject.startswith("Nouvelle demande d'accompagnement à l'export de")
    assert inspect_url(support_request) in notice.body


def test_the_admins_edit_form_changes_the_language_a_unit_member_is_written_to_in(
    client, homes, support_request, manager, django_capture_on_commit_callbacks
):
    member = UserFactory(groups=[LOGISTICS_UNIT], language="ar")
    administrator = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(administrator)
    assert 'name="language"' in client.get(f"/admin/users/edit/{member.pk}/").content.decode()

    edited = client.post(
        f"/admin/users/edit/{member.pk}/",
        {
            "email": member.email,
            "first_name": member.first_name,
            "last_name": member.last_name,
            "is_active": "on",
            "groups": [Group.objects.get(name=LOGISTICS_UNIT).pk],
            "language": "en",
        },
    )

    assert edited.status_code == 302
    member.refresh_from_db()
    assert member.language == "en"
    with django_capture_on_commit_callbacks(execute=True):
        support_request_reply(support_request=support_request, text="Merci.", by=manager)
    [notice] = [email for email in mail.outbox if member.email in email.to]
    assert "replied on its export support request" in notice.subject
