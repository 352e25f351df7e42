"""The logistics unit sends a file with its message, in Chromium: the officer in French on a
desk (a renamed program refused in French), the cooperative's manager in Arabic on a phone,
who finds the file under the unit's message and downloads it. Both pages pass axe."""

from pathlib import Path

import pytest
from wagtail.users.models import UserProfile

from exportsupport.services import support_request_file
from tests.e2e.axe import axe_violations, describe
from tests.e2e.conftest import DESK, PHONE, sign_in, viewport_context
from tests.exhibitors.files import EXE, PDF
from tests.factories import PASSWORD, CooperativeFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def request_filed(served_site):
    manager = UserFactory(email="manager@coop.example", language="ar")
    cooperative = CooperativeFactory(managers=[manager], language="ar")
    officer = UserFactory(email="unit@fair.example", groups=["Logistics unit"], language="fr")
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "fr"
    profile.save()
    support_request = support_request_file(
        cooperative=cooperative, by=manager, service="labelling", target_markets="Canada"
    )
    return {"manager": manager, "officer": officer, "request": support_request}


def test_the_unit_sends_a_file_and_the_cooperative_downloads_it(
    live_server, request_filed, browser, artifacts, tmp_path
):
    base, support_request = live_server.url, request_filed["request"]
    draft = tmp_path / "projet-etiquette.pdf"
    draft.write_bytes(PDF)
    program = tmp_path / "formulaire.pdf"
    program.write_bytes(EXE)

    officer = viewport_context(browser, DESK).new_page()
    sign_in(officer, base, request_filed["officer"].email, PASSWORD, language="fr")
    officer.goto(f"{base}/admin/export-support/requests/inspect/{support_request.pk}/")
    message_form = officer.locator(f"form[action$='/message/{support_request.pk}/']")

    message_form.locator("textarea[name=text]").fill("Le formulaire à remplir.")
    message_form.locator("input[type=file]").set_input_files(str(program))
    message_form.locator("button[type=submit]").click()
    officer.wait_for_load_state()
    assert "Seuls ces types de fichier sont acceptés" in officer.locator(".messages").inner_text()

    message_form.locator("textarea[name=text]").fill("Voici le projet d'étiquette.")
    message_form.locator("input[type=file]").set_input_files(str(draft))
    message_form.locator("button[type=submit]").click()
    officer.wait_for_load_state()
    sent = officer.locator("main a", has_text="projet-etiquette.pdf")
    assert sent.count() == 1
    # The admin's message slides in: checked once it is in place, as a person reads it.
    officer.wait_for_function("() => document.getAnimations().length === 0")
    assert not axe_violations(officer), describe(axe_violations(officer))
    sent.scroll_into_view_if_needed()
    officer.screenshot(path=artifacts / "export-support-unit-file-fr-desk.png", full_page=True)

    manager = viewport_context(browser, PHONE, accept_downloads=True).new_page()
    sign_in(manager, base, request_filed["manager"].email, PASSWORD, language="ar")
    manager.goto(f"{base}/ar/portal/export-support/{support_request.pk}/")
    message = manager.locator("li", has_text="Voici le projet d'étiquette.")
    assert message.locator("a", has_text="projet-etiquette.pdf").is_visible()
    assert not axe_violations(manager), describe(axe_violations(manager))
    manager.screenshot(path=artifacts / "export-support-unit-file-ar-phone.png", full_page=True)
    with manager.expect_download() as download:
        message.locator("a", has_text="projet-etiquette.pdf").click()
    assert download.value.suggested_filename == "projet-etiquette.pdf"
    assert Path(download.value.path()).read_bytes() == PDF
