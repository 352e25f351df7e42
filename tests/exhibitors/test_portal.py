import pytest
from django.urls import reverse

from exhibitors.choices import ApplicationStatus as Status
from exhibitors.models import Application, ApplicationDocument, Cooperative, StaffMember
from exhibitors.services.applications import (
    application_accept,
    application_assign_stand,
    application_submit,
)
from tests.exhibitors.files import exe_as_pdf, pdf
from tests.factories import (
    ApplicationFactory,
    CooperativeFactory,
    StandTypeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

COOPERATIVE_FORM = {
    "name": "Cooperative Nakhil",
    "name_ar": "تعاونية النخيل",
    "legal_form": "cooperative",
    "registration_number": "ODCO-5521",
    "ice": "",
    "province": "figuig",
    "commune_ar": "فجيج",
    "commune_fr": "Figuig",
    "sector": "agri_food",
    "founded_in": "2012",
    "members": "25",
    "women_members": "18",
    "young_members": "6",
    "contact_name": "Zineb",
    "email": "nakhil@fair.example",
    "phone": "+212 661 000 000",
    "language": "ar",
}


def url(name, *args):
    return reverse(f"exhibitors:{name}", args=args)


def test_the_portal_asks_anonymous_visitors_to_log_in(client, homes):
    response = client.get("/ar/portal/")

    assert response.status_code == 302
    assert response["Location"].startswith("/ar/accounts/login/?next=/ar/portal/")


def test_the_portal_home_links_a_manager_to_export_support(client, homes, manager, cooperative):
    client.force_login(manager)

    page = client.get("/fr/portal/").content.decode()

    assert 'href="/fr/portal/export-support/"' in page
    assert f'href="/fr/portal/export-support/cooperatives/{cooperative.pk}/new/"' in page


def test_the_portal_home_has_no_export_support_link_without_a_cooperative(client, homes):
    client.force_login(UserFactory())

    page = client.get("/fr/portal/").content.decode()

    assert "/portal/export-support/" not in page


def test_an_exhibitor_creates_a_profile_and_applies(client, homes, open_edition, manager):
    StandTypeFactory(edition=open_edition)
    client.force_login(manager)

    created = client.post("/fr/portal/cooperatives/new/", COOPERATIVE_FORM)
    cooperative = Cooperative.objects.get()
    assert created["Location"] == f"/fr/portal/cooperatives/{cooperative.pk}/"
    assert manager in cooperative.managers.all()

    started = client.post(f"/fr/portal/cooperatives/{cooperative.pk}/apply/")
    application = Application.objects.get()
    assert started["Location"] == f"/fr/portal/applications/{application.pk}/edit/"

    client.post(
        f"/fr/portal/applications/{application.pk}/edit/",
        {
            "stand_type": application.edition.stand_types.get().pk,
            "product_categories": ["dates"],
            "sells_food": "on",
        },
    )
    page = client.get(f"/fr/portal/applications/{application.pk}/").content.decode()
    assert "Agrément sanitaire" in page or "Sanitary approval" in page  # named as missing

    for kind in ["statutes", "registration_certificate", "sanitary_approval"]:
        client.post(
            f"/fr/portal/applications/{application.pk}/documents/",
            {"kind": kind, "file": pdf(f"{kind}.pdf")},
        )
    assert ApplicationDocument.objects.count() == 3

    client.post(f"/fr/portal/applications/{application.pk}/submit/")
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_submitting_an_incomplete_application_says_what_is_missing(client, homes, draft, manager):
    client.force_login(manager)

    response = client.post(f"/en/portal/applications/{draft.pk}/submit/", follow=True)

    content = response.content.decode()
    assert "Add the document: Statutes." in content
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_a_renamed_executable_is_refused_with_a_message(client, homes, draft, manager):
    client.force_login(manager)

    response = client.post(
        f"/en/portal/applications/{draft.pk}/documents/",
        {"kind": "statutes", "file": exe_as_pdf()},
        follow=True,
    )

    assert "Only these kinds of file are accepted: PDF, JPEG, PNG." in response.content.decode()
    assert ApplicationDocument.objects.count() == 0


def test_the_owner_downloads_a_document_as_an_attachment(client, homes, complete_draft, manager):
    document = complete_draft.documents.first()
    client.force_login(manager)

    response = client.get(url("document_download", complete_draft.pk, document.pk))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_reviewer_downloads_any_document_an_outsider_none(client, homes, complete_draft):
    document = complete_draft.documents.first()
    reviewer = UserFactory(groups=["Application reviewers"])
    client.force_login(reviewer)
    assert client.get(url("document_download", complete_draft.pk, document.pk)).status_code == 200

    client.force_login(UserFactory())
    assert client.get(url("document_download", complete_draft.pk, document.pk)).status_code == 404


@pytest.fixture
def other_exhibitor(open_edition, stand_type):
    """Exhibitor B, with a cooperative, an accepted application, a document and a staff member."""
    user = UserFactory()
    cooperative = CooperativeFactory(managers=[user])
    application = ApplicationFactory(
        edition=open_edition, cooperative=cooperative, stand_type=stand_type
    )
    from tests.exhibitors.conftest import add_required_documents

    add_required_documents(application, user)
    application_submit(application=application, by=user)
    application_accept(application=application, by=UserFactory())
    member = StaffMember.objects.create(application=application, full_name="B's staff")
    product = cooperative.products.create(name_ar="عسل", name_fr="Miel", category="honey")
    certification = cooperative.certifications.create(kind="organic")
    return {
        "cooperative": cooperative,
        "application": application,
        "document": application.documents.first(),
        "member": member,
        "product": product,
        "certification": certification,
    }


def b_urls(b):
    c, a = b["cooperative"].pk, b["application"].pk
    return {
        "GET": [
            url("cooperative_detail", c),
            url("cooperative_edit", c),
            url("application_detail", a),
            url("application_edit", a),
            url("document_download", a, b["document"].pk),
        ],
        "POST": [
            url("cooperative_edit", c),
            url("product_add", c),
            url("product_delete", c, b["product"].pk),
            url("certification_add", c),
            url("certification_delete", c, b["certification"].pk),
            url("exhibitor_apply_start", c),
            url("cooperative_invite", c),
            url("application_edit", a),
            url("document_upload", a),
            url("document_delete", a, b["document"].pk),
            url("application_submit", a),
            url("application_confirm", a),
            url("application_withdraw", a),
            url("staff_add", a),
            url("staff_remove", a, b["member"].pk),
        ],
    }


def test_exhibitor_a_gets_404_for_every_url_of_exhibitor_b(client, homes, manager, other_exhibitor):
    client.force_login(manager)
    before = (
        Application.objects.get(pk=other_exhibitor["application"].pk).status,
        StaffMember.objects.count(),
    )

    for method, urls in b_urls(other_exhibitor).items():
        for address in urls:
            response = (
                client.get(address)
                if method == "GET"
                else client.post(address, {"full_name": "X", "note": "x"})
            )
            assert response.status_code == 404, f"{method} {address}"

    assert (
        Application.objects.get(pk=other_exhibitor["application"].pk).status,
        StaffMember.objects.count(),
    ) == before
    assert other_exhibitor["cooperative"].products.count() == 1


def test_anonymous_visitors_are_sent_to_log_in_for_every_portal_url(client, homes, other_exhibitor):
    for method, urls in b_urls(other_exhibitor).items():
        for address in urls:
            response = client.get(address) if method == "GET" else client.post(address)
            assert response.status_code == 302, f"{method} {address}"
            assert "/accounts/login/" in response["Location"]


def test_confirm_and_name_staff_within_the_quota(client, homes, complete_draft, manager):
    application_submit(application=complete_draft, by=manager)
    application_accept(application=complete_draft, by=UserFactory())
    client.force_login(manager)

    client.post(url("application_confirm", complete_draft.pk))
    for name in ["Amal", "Rachid", "Three"]:
        client.post(url("staff_add", complete_draft.pk), {"full_name": name})

    complete_draft.refresh_from_db()
    assert complete_draft.status == Status.CONFIRMED
    assert list(complete_draft.staff.values_list("full_name", flat=True)) == ["Amal", "Rachid"]


def test_withdraw_from_the_portal(client, homes, draft, manager):
    client.force_login(manager)

    client.post(url("application_withdraw", draft.pk), {"note": "Pas cette année"})

    draft.refresh_from_db()
    assert draft.status == Status.WITHDRAWN
    assert draft.events.last().note == "Pas cette année"


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_portal_pages_render_in_each_language(client, homes, complete_draft, manager, language):
    client.force_login(manager)

    for address in [
        f"/{language}/portal/",
        f"/{language}/portal/cooperatives/new/",
        f"/{language}/portal/cooperatives/{complete_draft.cooperative.pk}/",
        f"/{language}/portal/cooperatives/{complete_draft.cooperative.pk}/edit/",
        f"/{language}/portal/applications/{complete_draft.pk}/",
        f"/{language}/portal/applications/{complete_draft.pk}/edit/",
    ]:
        response = client.get(address)
        assert response.status_code == 200, address
        assert f'lang="{language}"' in response.content.decode()


def test_the_exhibitor_sees_the_stand_on_the_hall_plan(
    client, homes, complete_draft, manager, stand_type
):
    from tests.factories import StandFactory

    mine, neighbour = (
        StandFactory(stand_type=stand_type, code="A-03"),
        StandFactory(stand_type=stand_type, code="A-04"),
    )
    other = ApplicationFactory(
        edition=complete_draft.edition, stand_type=stand_type, status=Status.ACCEPTED
    )
    organiser = UserFactory()
    application_assign_stand(application=other, stand=neighbour, by=organiser)
    application_submit(application=complete_draft, by=manager)
    application_accept(application=complete_draft, by=organiser)
    application_assign_stand(application=complete_draft, stand=mine, by=organiser)
    client.force_login(manager)

    content = client.get(url("application_detail", complete_draft.pk)).content.decode()

    assert '<g class="hall-plan__stand hall-plan__stand--mine">' in content
    assert content.index("hall-plan__stand--mine") < content.index(">A-03</text>")
    assert ">A-04</text>" in content and str(other.cooperative) not in content


def test_staff_of_a_confirmed_stand_get_badges(client, homes, complete_draft, manager):
    from events.models import Badge

    application_submit(application=complete_draft, by=manager)
    application_accept(application=complete_draft, by=UserFactory())
    client.force_login(manager)
    client.post(url("staff_add", complete_draft.pk), {"full_name": "Amal Tahiri"})
    assert not Badge.objects.exists()  # not before the participation is confirmed

    client.post(url("application_confirm", complete_draft.pk))
    client.post(url("staff_add", complete_draft.pk), {"full_name": "Rachid Ouali"})

    badges = Badge.objects.filter(category="exhibitor_staff").select_related("attendee")
    assert sorted(b.attendee.full_name for b in badges) == ["Amal Tahiri", "Rachid Ouali"]
    assert {b.attendee.organisation for b in badges} == {complete_draft.cooperative.display_name}
    member = complete_draft.staff.get(full_name="Amal Tahiri")
    pdf = client.get(url("staff_badge_pdf", complete_draft.pk, member.pk))
    assert pdf["Content-Type"] == "application/pdf"

    client.post(url("staff_remove", complete_draft.pk, member.pk))
    assert Badge.objects.get(attendee__full_name="Amal Tahiri").status == "revoked"

    client.force_login(UserFactory())
    other = complete_draft.staff.get(full_name="Rachid Ouali")
    assert client.get(url("staff_badge_pdf", complete_draft.pk, other.pk)).status_code == 404
