"""Every form that collects personal data says, beside it and in the reader's language, what
the data is used for and who receives it, and links to the privacy page in that language."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from events.models import Edition
from exhibitors.models import Application, Cooperative
from fairsite.models import PrivacyPage, SiteSettings, User
from fairsite.privacy import NOTICES
from programme.models import ProgrammePage, Session
from tests.factories import ApplicationFactory, CooperativeFactory, UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "fr", "en"]


def forms(language: str) -> list[tuple[str, str, Client]]:
    """(address, purpose, who asks) of every form that collects personal data."""
    anonymous = Client()
    exhibitor = Client()
    exhibitor.force_login(User.objects.get(email="exhibitor@fair.example"))
    cooperative = Cooperative.objects.managed_by(
        User.objects.get(email="exhibitor@fair.example")
    ).first()
    confirmed = Application.objects.filter(cooperative=cooperative, status="confirmed").first()
    user = UserFactory()
    draft = ApplicationFactory(
        status="draft",
        edition=Edition.objects.current(),
        cooperative=CooperativeFactory(managers=[user]),
    )
    newcomer = Client()
    newcomer.force_login(user)
    session = Session.objects.filter(signup_required=True, status="published").first()
    with translation.override(language):
        return [
            (reverse("events:visitor_register"), "visit", anonymous),
            (reverse("account_signup"), "account", anonymous),
            (reverse("exhibitors:cooperative_create"), "cooperative", exhibitor),
            (reverse("exhibitors:application_edit", args=[draft.pk]), "cooperative", newcomer),
            (reverse("exhibitors:application_detail", args=[confirmed.pk]), "staff", exhibitor),
            (reverse("b2b:join"), "b2b", newcomer),
            (reverse("exportsupport:request_create", args=[cooperative.pk]), "export_support",
             exhibitor),
            (ProgrammePage.in_language(language).session_url(session), "session_signup", exhibitor),
        ]  # fmt: skip


def test_every_form_that_collects_personal_data_shows_its_notice():
    call_command("seed_demo", stdout=io.StringIO())
    missing = []
    for language in LANGUAGES:
        privacy_url = PrivacyPage.in_language(language).url
        for url, purpose, client in forms(language):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            page = BeautifulSoup(response.content, "html.parser")
            notice = page.select_one(f"#privacy-notice-{purpose}")
            with translation.override(language):
                expected = str(NOTICES[purpose])
            if notice is None or expected not in notice.get_text(" ", strip=True):
                missing.append((language, url, purpose, "no notice in the reader's language"))
            elif notice.select_one(f'a[href="{privacy_url}"]') is None:
                missing.append((language, url, purpose, "no link to the privacy page"))
    assert not missing, "\n".join(map(str, missing))


def test_the_privacy_page_gives_the_declaration_number_in_each_language(client):
    call_command("seed_demo", stdout=io.StringIO())
    number = SiteSettings.objects.get().data_protection_declaration
    assert number

    for language in LANGUAGES:
        page = PrivacyPage.in_language(language)
        response = client.get(page.url)
        text = BeautifulSoup(response.content, "html.parser").select_one("main").get_text(" ")
        assert page.title in text and number in text
        assert len(page.body) >= 10  # who, why, who receives, how long, rights
