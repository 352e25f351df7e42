"""CSRF: every form that posts carries the token, and a post without it is refused."""

import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from events.models import Attendee, BadgePrintJob
from events.services.devices import gate_token_issue
from exhibitors.models import Cooperative
from programme.services.pages import programme_pages_ensure
from tests.factories import PASSWORD, GateFactory, UserFactory

pytestmark = pytest.mark.django_db


# Wagtail's own script controllers that post a form with fetch(): they send the token in
# the X-CSRFToken header, read from the page's wagtail-config, or add the field themselves.
WAGTAIL_SCRIPTED = {"w-swap", "w-action"}


def post_forms(client, url) -> tuple[BeautifulSoup, list]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    forms = [form for form in soup.find_all("form") if (form.get("method") or "").lower() == "post"]
    return soup, forms


def scripted_by_wagtail(soup, form) -> bool:
    if not WAGTAIL_SCRIPTED & set((form.get("data-controller") or "").split()):
        return False
    config = soup.find("script", id="wagtail-config")
    return config is not None and json.loads(config.string).get("CSRF_TOKEN")


def assert_every_post_form_has_the_token(client, urls, at_least):
    seen = 0
    for url in urls:
        soup, forms = post_forms(client, url)
        for form in forms:
            token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})
            has_token = token is not None and token.get("value")
            assert has_token or scripted_by_wagtail(soup, form), (url, str(form)[:300])
            seen += 1
    # The check means something only if it met forms.
    assert seen >= at_least, seen


def test_public_forms_carry_the_token(client, registration_open, homes):
    assert_every_post_form_has_the_token(
        client,
        [
            "/ar/visit/",
            "/fr/accounts/login/",
            "/fr/accounts/signup/",
            "/fr/accounts/password/reset/",
        ],
        at_least=4,
    )


def test_portal_and_account_forms_carry_the_token(client, fair, homes):
    programme_pages_ensure(homes=homes)
    client.force_login(fair.manager)
    cooperative, application = fair.cooperative, fair.application

    assert_every_post_form_has_the_token(
        client,
        [
            "/fr/",
            "/fr/programme/",
            "/fr/portal/",
            "/fr/portal/cooperatives/new/",
            f"/fr/portal/cooperatives/{cooperative.pk}/",
            f"/fr/portal/cooperatives/{cooperative.pk}/edit/",
            f"/fr/portal/applications/{application.pk}/",
            f"/fr/portal/applications/{application.pk}/edit/",
            "/fr/portal/export-support/",
            f"/fr/portal/export-support/cooperatives/{cooperative.pk}/new/",
            f"/fr/portal/export-support/{fair.support_request.pk}/",
            "/fr/accounts/email/",
            "/fr/accounts/password/change/",
        ],
        at_least=12,
    )


def test_admin_forms_carry_the_token(client, fair):
    client.force_login(UserFactory(groups=["Organisers"]))
    home = Page.objects.filter(depth=2).first()

    assert_every_post_form_has_the_token(
        client,
        [
            "/admin/",
            f"/admin/pages/{home.pk}/edit/",
            "/admin/observatory/",
            "/admin/badges/print/",
            "/admin/attendees/import/",
            reverse("badges:inspect", args=[fair.badge.pk]),
            f"/admin/exhibitors/applications/edit/{fair.application.pk}/",
            "/admin/partnerships/agreements/new/",
        ],
        at_least=8,
    )


@pytest.fixture
def strict():
    """A client that checks CSRF as a browser's requests are checked."""
    return Client(enforce_csrf_checks=True)


def test_visitor_registration_without_the_token_is_refused(strict, registration_open, homes):
    response = strict.post(
        "/ar/visit/",
        {"full_name": "Salma", "email": "salma@fair.example", "language": "ar"},
    )

    assert response.status_code == 403
    assert not Attendee.objects.exists()


def test_log_in_without_the_token_is_refused(strict, homes):
    user = UserFactory()

    response = strict.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert response.status_code == 403
    assert "_auth_user_id" not in strict.session


def test_portal_forms_without_the_token_are_refused(strict, fair):
    strict.force_login(fair.manager)
    cooperatives = Cooperative.objects.count()

    created = strict.post("/fr/portal/cooperatives/new/", {"name": "Cooperative Nakhil"})
    submitted = strict.post(f"/fr/portal/applications/{fair.application.pk}/withdraw/")
    deleted = strict.post(
        reverse("exhibitors:document_delete", args=[fair.application.pk, fair.document.pk])
    )

    assert (created.status_code, submitted.status_code, deleted.status_code) == (403, 403, 403)
    assert Cooperative.objects.count() == cooperatives
    fair.application.refresh_from_db()
    assert fair.application.status == "draft"
    assert fair.application.documents.filter(pk=fair.document.pk).exists()


def test_the_token_makes_the_same_post_pass(strict, fair):
    """The control: the refusals above are CSRF's, not the views'."""
    strict.force_login(fair.manager)
    page = strict.get(f"/fr/portal/applications/{fair.application.pk}/")
    token = page.cookies["csrftoken"].value if "csrftoken" in page.cookies else None
    token = token or strict.cookies["csrftoken"].value

    response = strict.post(
        f"/fr/portal/applications/{fair.application.pk}/withdraw/",
        {"csrfmiddlewaretoken": token},
    )

    assert response.status_code == 302
    fair.application.refresh_from_db()
    assert fair.application.status == "withdrawn"


def test_admin_posts_without_the_token_are_refused(strict, fair):
    strict.force_login(UserFactory(groups=["Organisers"]))

    response = strict.post("/admin/badges/print/", {"unprinted_only": "on"})

    assert response.status_code == 403
    assert not BadgePrintJob.objects.exclude(pk=fair.print_job.pk).exists()


def test_the_checkin_api_takes_the_gate_token_not_the_session(strict, fair):
    """The gate API is exempt from CSRF by design: it answers only a request that carries a
    gate's token in the Authorization header, which a page on another site cannot add to a
    cross-site request (that needs a CORS preflight, which the site never grants), and the
    gate page sends no cookies to it (credentials: "omit"). A signed-in session alone gets
    nothing."""
    strict.force_login(UserFactory(groups=["Gate staff"]))
    payload = json.dumps({"code": "NOT-A-BADGE", "gate": "main"})

    with_session_only = strict.post("/api/checkin/scan", payload, content_type="application/json")
    assert with_session_only.status_code == 401

    token = gate_token_issue(gate=GateFactory(slug="main"))
    with_gate_token = Client(enforce_csrf_checks=True).post(
        "/api/checkin/scan",
        payload,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert with_gate_token.status_code == 200
    assert with_gate_token.json()["result"] == "invalid"
