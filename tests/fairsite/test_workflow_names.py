"""The submit button of Wagtail's default workflow, "Moderators approval", speaks the
editor's language; a workflow an organiser named keeps its name."""

import pytest
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from fairsite.roles import ORGANISERS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def submit_label(client, homes, language: str) -> str:
    user = UserFactory(groups=[ORGANISERS], language=language)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language  # the admin's language
    profile.save()
    client.force_login(user)
    page = client.get(f"/admin/pages/{homes['ar'].pk}/edit/").content.decode()
    start = page.index('name="action-submit"')
    return page[start : start + 400]


def test_the_default_workflow_is_named_in_the_editors_language(client, homes):
    assert Workflow.objects.filter(name="Moderators approval", active=True).exists()

    assert "Soumettre à Validation des modérateurs" in submit_label(client, homes, "fr")
    assert "إرسال إلى موافقة المشرفين" in submit_label(client, homes, "ar")


def test_a_workflow_an_organiser_named_keeps_its_name(client, homes):
    Workflow.objects.filter(name="Moderators approval").update(name="Relecture du service")

    assert "Soumettre à Relecture du service" in submit_label(client, homes, "fr")
