"""The whole exhibitor path in Arabic, in Chromium: sign up, profile, application with
documents, acceptance in the Wagtail admin, confirmation, and the stand on the portal."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from exhibitors.choices import ApplicationStatus as Status
from exhibitors.models import Application
from fairsite.services.site import home_pages_ensure
from tests.exhibitors.files import PDF
from tests.factories import PASSWORD, EditionFactory, StandFactory, StandTypeFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def fair(transactional_db):
    home_pages_ensure()
    now = timezone.now()
    edition = EditionFactory(
        is_current=True,
        exhibitor_registration_opens_at=now - datetime.timedelta(days=1),
        exhibitor_registration_closes_at=now + datetime.timedelta(days=30),
    )
    stand_type = StandTypeFactory(edition=edition)
    stand = StandFactory(stand_type=stand_type, code="A-07")
    organiser = UserFactory(groups=["Organisers"], email="organiser@fair.example")
    return {"edition": edition, "stand": stand, "organiser": organiser}


def test_the_exhibitor_path_in_arabic(live_server, fair, browser, artifacts, tmp_path):
    base = live_server.url
    statutes = tmp_path / "statutes.pdf"
    statutes.write_bytes(PDF)
    exhibitor = browser.new_context(viewport={"width": 390, "height": 844})
    page = exhibitor.new_page()

    # Sign up, then follow the link of the verification e-mail.
    page.goto(f"{base}/ar/accounts/signup/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.fill("input[name=first_name]", "نخيل")
    page.fill("input[name=email]", "nakhil@fair.example")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/ar/accounts/confirm-email/")
    link = re.search(
        r"https?://[^/\s]+(/ar/accounts/confirm-email/\S+)", mail.outbox[-1].body
    ).group(1)
    page.goto(base + link)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/ar/")

    # The cooperative's profile.
    page.goto(f"{base}/ar/portal/cooperatives/new/")
    for name, value in {
        "name": "Cooperative Nakhil Figuig",
        "name_ar": "تعاونية النخيل فجيج",
        "registration_number": "ODCO-2027",
        "commune_ar": "فجيج",
        "commune_fr": "Figuig",
        "founded_in": "2011",
        "members": "30",
        "women_members": "21",
        "young_members": "9",
        "contact_name": "زينب",
        "email": "nakhil@fair.example",
        "phone": "+212 661 22 33 44",
    }.items():
        page.fill(f"[name={name}]", value)
    page.select_option("[name=legal_form]", "cooperative")
    page.select_option("[name=province]", "figuig")
    page.select_option("[name=sector]", "crafts")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/ar/portal/cooperatives/\d+/$"))

    # Apply: stand type and products, two documents, submit.
    page.click("form[action$='/apply/'] button")
    page.wait_for_url(re.compile(r".*/ar/portal/applications/\d+/edit/$"))
    page.select_option("[name=stand_type]", index=1)
    page.check("input[name=product_categories][value=crafts]")
    page.click("main form button[type=submit]")
    for kind in ["statutes", "registration_certificate"]:
        page.select_option("[name=kind]", kind)
        page.set_input_files("input[name=file]", str(statutes))
        page.click("form[action$='/documents/'] button")
        page.wait_for_load_state()
    page.click("form[action$='/submit/'] button")
    page.wait_for_load_state()
    application = Application.objects.get(cooperative__name="Cooperative Nakhil Figuig")
    assert application.status == Status.SUBMITTED
    page.screenshot(path=artifacts / "exhibitor-submitted-ar.png", full_page=True)

    # The organiser accepts it in the Wagtail admin and gives it stand A-07.
    admin = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    admin.goto(f"{base}/ar/accounts/login/")
    admin.fill("input[name=login]", "organiser@fair.example")
    admin.fill("input[name=password]", PASSWORD)
    admin.click("main form button[type=submit]")
    admin.wait_for_load_state()
    admin.goto(f"{base}/admin/exhibitors/applications/inspect/{application.pk}/")
    admin.check("input[name=decision][value=accepted]")
    admin.fill("textarea[name=note]", "مرحبا بكم في المعرض")
    admin.click("form[action$='/decide/'] button[type=submit]")
    admin.wait_for_load_state()
    admin.select_option("select[name=stand]", str(fair["stand"].pk))
    admin.click("form[action$='/assign/'] button[type=submit]")
    admin.wait_for_load_state()
    admin.screenshot(path=artifacts / "organiser-inspect.png", full_page=True)
    application.refresh_from_db()
    assert (application.status, application.stand_id) == (Status.ACCEPTED, fair["stand"].pk)

    # The exhibitor confirms and sees the stand.
    page.goto(f"{base}/ar/portal/applications/{application.pk}/")
    page.click("form[action$='/confirm/'] button")
    page.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == Status.CONFIRMED
    assert "A-07" in page.inner_text("#stand-title + p")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=artifacts / "exhibitor-confirmed-ar.png", full_page=True)
