import datetime
import io

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import ngettext
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from exhibitors.choices import ApplicationStatus as Status
from exhibitors.models import Application, Certification
from exhibitors.services.applications import application_accept, application_submit
from exportsupport.services import support_request_file, support_request_status_set
from tests.exhibitors.conftest import add_required_documents
from tests.factories import ApplicationFactory, CooperativeFactory, StandFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/exhibitors/applications/"


@pytest.fixture
def reviewer(client, homes):
    user = UserFactory(groups=["Application reviewers"])
    client.force_login(user)
    return user


@pytest.fixture
def applications(open_edition, stand_type, manager):
    """A draft and two submitted applications from different provinces."""
    made = {}
    for key, province, name_ar in [
        ("draft", "nador", "تعاونية الناظور"),
        ("figuig", "figuig", "تعاونية فجيج"),
        ("berkane", "berkane", "تعاونية بركان"),
    ]:
        cooperative = CooperativeFactory(province=province, name_ar=name_ar, managers=[manager])
        application = ApplicationFactory(
            edition=open_edition, cooperative=cooperative, stand_type=stand_type
        )
        if key != "draft":
            add_required_documents(application, manager)
            application_submit(application=application, by=manager)
        made[key] = application
    return made


def test_reviewers_filter_applications_by_status_and_province(client, reviewer, applications):
    submitted = client.get(LIST, {"status": "submitted"}).content.decode()
    in_figuig = client.get(LIST, {"cooperative__province": "figuig"}).content.decode()

    assert str(applications["figuig"].cooperative) in submitted
    assert str(applications["draft"].cooperative) not in submitted
    assert str(applications["figuig"].cooperative) in in_figuig
    assert str(applications["berkane"].cooperative) not in in_figuig


def test_reviewers_search_by_arabic_name(client, reviewer, applications):
    content = client.get(LIST, {"q": "فجيج"}).content.decode()

    assert str(applications["figuig"].cooperative) in content
    assert str(applications["berkane"].cooperative) not in content


def test_applications_export_to_csv_and_xlsx(client, reviewer, applications):
    csv = b"".join(client.get(LIST, {"export": "csv"}).streaming_content).decode()
    xlsx = client.get(LIST, {"export": "xlsx", "status": "submitted"})

    assert csv.splitlines()[0].split(",")[0] in ("Cooperative", "تعاونية")  # admin in Arabic
    assert len(csv.strip().splitlines()) == 1 + 3
    workbook = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 1 + 2
    assert {row[1] for row in rows[1:]} == {"تعاونية فجيج", "تعاونية بركان"}


def test_the_inspect_view_shows_documents_history_and_the_decision_form(
    client, reviewer, applications
):
    application = applications["figuig"]

    content = client.get(f"{LIST}inspect/{application.pk}/").content.decode()

    for document in application.documents.all():
        assert document.original_name in content
    assert f"/exhibitors/applications/{application.pk}/decide/" in content


def test_a_reviewer_accepts_with_a_message(
    client, reviewer, applications, django_capture_on_commit_callbacks
):
    application = applications["figuig"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/exhibitors/applications/{application.pk}/decide/",
            {"decision": "accepted", "note": "Bienvenue au salon"},
        )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert ModelLogEntry.objects.filter(
        action="exhibitors.application.accepted", user=reviewer
    ).exists()
    assert "Bienvenue au salon" in mail.outbox[-1].body


def test_an_invalid_decision_is_refused_with_a_message(client, reviewer, applications):
    draft = applications["draft"]

    response = client.post(
        f"/admin/exhibitors/applications/{draft.pk}/decide/", {"decision": "accepted"}, follow=True
    )

    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert response.status_code == 200
    assert list(response.context["messages"])[0].level_tag == "error"


def test_only_reviewers_decide(client, homes, applications):
    client.force_login(UserFactory(groups=["Programme editors"]))

    response = client.post(
        f"/admin/exhibitors/applications/{applications['figuig'].pk}/decide/",
        {"decision": "accepted"},
    )

    assert response.status_code in (302, 403)  # Wagtail turns a refusal into a redirect home
    assert Application.objects.get(pk=applications["figuig"].pk).status == Status.SUBMITTED


def test_bulk_accept_applies_to_the_selection_and_reports_the_rest(client, reviewer, applications):
    ids = [applications[key].pk for key in ("draft", "figuig", "berkane")]
    url = "/admin/bulk/exhibitors/application/accept_applications/?" + "&".join(
        f"id={pk}" for pk in ids
    )

    confirmation = client.get(url)
    done = client.post(url, {"note": "Félicitations"}, follow=True)

    assert confirmation.status_code == 200
    statuses = dict(Application.objects.filter(pk__in=ids).values_list("pk", "status"))
    assert statuses == {ids[0]: Status.DRAFT, ids[1]: Status.ACCEPTED, ids[2]: Status.ACCEPTED}
    message = str(list(done.context["messages"])[0])
    with translation.override("ar"):  # the admin's language: Arabic says "two" in a word
        two = ngettext(
            "%(count)d application: %(decision)s.", "%(count)d applications: %(decision)s.", 2
        ) % {"count": 2, "decision": ""}
    assert two.strip(" .:") in message and str(applications["draft"].cooperative) in message


def test_the_floor_plan_draws_every_stand_and_gives_a_free_one(
    client, reviewer, applications, stand_type
):
    stands = [StandFactory(stand_type=stand_type) for _ in range(3)]
    application = applications["berkane"]
    application_accept(application=application, by=reviewer)

    plan = client.get("/admin/exhibitors/floor-plan/", {"edition": application.edition_id})
    content = plan.content.decode()
    assert content.count('class="stand stand--free') == 3
    assert all(f'data-stand="{stand.code}"' in content for stand in stands)

    client.post(
        f"/admin/exhibitors/floor-plan/?edition={application.edition_id}",
        {"stand": stands[0].pk, "application": application.pk},
    )
    application.refresh_from_db()
    assert application.stand == stands[0]
    content = client.get(
        "/admin/exhibitors/floor-plan/", {"edition": application.edition_id}
    ).content.decode()
    assert content.count('class="stand stand--taken') == 1


def test_reviewers_cannot_edit_the_site(client, reviewer, homes):
    assert client.get(f"/admin/pages/{homes['ar'].pk}/edit/").status_code in (302, 403)
    assert client.get(LIST).status_code == 200


COOPERATIVE = "/admin/exhibitors/cooperatives/"


def test_the_cooperative_page_shows_its_export_readiness_to_the_logistics_unit(
    client, homes, cooperative, manager
):
    officer = UserFactory(groups=["Logistics unit"])
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en"
    profile.save()
    today = timezone.localdate()
    Certification.objects.create(cooperative=cooperative, kind="organic", valid_until=None)
    Certification.objects.create(
        cooperative=cooperative, kind="pgi", valid_until=today - datetime.timedelta(days=1)
    )
    done, still_open = (
        support_request_file(
            cooperative=cooperative, by=manager, service=service, target_markets="UE"
        )
        for service in ("labelling", "transport")
    )
    support_request_status_set(support_request=done, status="done", by=officer)
    elsewhere = support_request_file(
        cooperative=CooperativeFactory(managers=[manager]),
        by=manager,
        service="labelling",
        target_markets="UE",
    )
    client.force_login(officer)

    page = client.get(f"{COOPERATIVE}inspect/{cooperative.pk}/").content.decode()
    requests_url = f"/admin/export-support/requests/?cooperative={cooperative.pk}"
    listed = client.get(requests_url).content.decode()

    assert "Export readiness" in page
    assert "50/100" in page
    assert "Certifications valid today: 1 (Organic)" in page
    assert "Requests done: 1" in page
    assert "Requests open: 1" in page
    assert f'href="{requests_url}"' in page
    assert f"/inspect/{done.pk}/" in listed and f"/inspect/{still_open.pk}/" in listed
    assert f"/inspect/{elsewhere.pk}/" not in listed


def test_the_cooperative_page_shows_no_readiness_to_whoever_cannot_see_requests(
    client, homes, reviewer, cooperative
):
    page = client.get(f"{COOPERATIVE}inspect/{cooperative.pk}/")

    assert page.status_code == 200
    assert "/100" not in page.content.decode()
    assert "/admin/export-support/requests/" not in page.content.decode()
