"""An organiser reviews an application as they would: from the listing, one click on the
cooperative's name opens the application's page, which reads as text (no Python list, no
"None") and carries the decision and the stand, in French and in Arabic."""

import re

import pytest

from exhibitors.models import Application
from fairsite.models import OutboundEmail
from tests.e2e.axe import axe_violations, describe
from tests.e2e.conftest import DESK
from tests.e2e.test_admin_pages import organiser_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PYTHON_ON_SCREEN = re.compile(r"\[|\bNone\b|<QuerySet|\bTrue\b|\bFalse\b")

# What the page says, by language: the decision chosen, its button, the status it leads to.
WORDS = {
    "fr": {"accept": "Accepter", "record": "Enregistrer la décision", "accepted": "Acceptée"},
    "ar": {"accept": "قبول", "record": "تسجيل القرار", "accepted": "مقبول"},
}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_an_organiser_decides_from_the_application_s_page(
    live_server, demo_site, browser, artifacts, language
):
    application = (
        Application.objects.filter(status="submitted", stand__isnull=True)
        .select_related("cooperative")
        .order_by("pk")
        .first()
    )
    words = WORDS[language]
    page = organiser_page(browser, live_server, language, DESK)
    page.goto(f"{live_server.url}/admin/exhibitors/applications/?status=submitted")

    page.get_by_role("link", name=str(application.cooperative), exact=True).first.click()

    page.wait_for_url(f"**/admin/exhibitors/applications/inspect/{application.pk}/")
    values = page.locator("main dl dd").all_inner_texts()
    assert values and not [value for value in values if PYTHON_ON_SCREEN.search(value)]
    assert not axe_violations(page), describe(axe_violations(page))
    page.screenshot(path=artifacts / f"admin-review-{language}.png", full_page=True)

    page.get_by_label(words["accept"], exact=True).check()
    page.get_by_role("button", name=words["record"]).click()
    page.wait_for_load_state()

    application.refresh_from_db()
    assert application.status == "accepted"
    assert words["accepted"] in page.locator("main").inner_text()
    # Still on the application's page, now offering a stand.
    assert page.url.endswith(f"/admin/exhibitors/applications/inspect/{application.pk}/")
    stand = page.locator("select[name=stand]")
    stand.select_option(index=1)
    page.locator("form[action$='/assign/'] button[type=submit]").click()
    page.wait_for_load_state()

    application.refresh_from_db()
    assert application.stand_id is not None
    told = [mail.to for mail in OutboundEmail.objects.all()]
    assert [application.cooperative.email] in told
