import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail.users.models import UserProfile

from b2b.models import B2BMeeting, MeetingRequest
from b2b.services.meetings import meeting_place
from events.models import Attendee, Badge
from partnerships.models import (
    Agreement,
    Commitment,
    Decision,
    MeetingParticipant,
    PartnershipMeeting,
)
from partnerships.services.agreements import agreement_save
from tests.factories import (
    AgreementFactory,
    B2BBlockFactory,
    B2BParticipantFactory,
    CommitmentFactory,
    EditionFactory,
    PartnerRegionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

OFFICERS = "Partnerships officers"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
TODAY = timezone.localdate
D = datetime.timedelta

LISTS = [
    "/admin/partnerships/regions/",
    "/admin/partnerships/agreements/",
    "/admin/partnerships/commitments/",
    "/admin/partnerships/meetings/",
    "/admin/partnerships/b2b/participants/",
    "/admin/partnerships/b2b/requests/",
    "/admin/partnerships/b2b/blocks/",
    "/admin/partnerships/b2b/meetings/",
    "/admin/partnerships/b2b/place/",
]
ADD_FORMS = [
    "/admin/partnerships/regions/add/",
    "/admin/partnerships/agreements/new/",
    "/admin/partnerships/commitments/new/",
    "/admin/partnerships/meetings/new/",
    "/admin/partnerships/b2b/participants/new/",
    "/admin/partnerships/b2b/blocks/new/",
]


@pytest.fixture
def officer(client, homes):
    user = UserFactory(groups=[OFFICERS])
    client.force_login(user)
    return user


@pytest.fixture
def agreement(db):
    """Signed a year ago, in force for three years."""
    agreement = AgreementFactory(
        signed_on=TODAY() - D(days=365),
        effective_from=TODAY() - D(days=365),
        duration_months=36,
        domains=["sse", "training"],
    )
    return agreement_save(agreement=agreement)


def with_document(agreement, content=PDF, name="signed.pdf"):
    agreement.document.save(name, ContentFile(content))
    return agreement


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def agreement_form(**fields):
    data = {
        "reference": "CONV-2030-001",
        "type": "cooperation",
        "title_ar": "اتفاقية تعاون",
        "title_fr": "Convention de coopération",
        "title_en": "",
        "partner_regions": [PartnerRegionFactory().pk],
        "other_parties_ar": "",
        "other_parties_fr": "",
        "other_parties_en": "",
        "signed_on": "",
        "signed_at_ar": "",
        "signed_at_fr": "",
        "signed_at_en": "",
        "effective_from": "",
        "duration_months": "",
        "expires_on": "",
        "renewal": "explicit",
        "notice_months": "3",
        "renews": "",
        "domains": ["sse"],
        "summary_ar": "",
        "summary_fr": "",
        "summary_en": "",
        "budget": "",
        "funded_by_ar": "",
        "funded_by_fr": "",
        "funded_by_en": "",
        "internal_notes": "",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize("role", [OFFICERS, "Organisers"])
def test_the_roles_migration_grants_the_register_and_the_logos(role):
    user = UserFactory(groups=[role])
    models = ["partnerships." + m for m in ("partnerregion", "agreement", "commitment")]
    models += ["partnerships.partnershipmeeting"]
    models += ["b2b." + m for m in ("b2bparticipant", "meetingrequest", "b2bblock", "b2bmeeting")]

    for model in models:
        app_label, model = model.split(".")
        for action in ("add", "change", "delete", "view"):
            assert user.has_perm(f"{app_label}.{action}_{model}"), (action, model)
    images = policy_registry.get_by_type(get_image_model())
    assert images.user_has_permission(user, "choose") and images.user_has_permission(user, "add")
    assert not UserFactory(groups=["Programme editors"]).has_perm("partnerships.view_agreement")


@pytest.mark.parametrize("role", [OFFICERS, "Organisers"])
def test_officers_and_organisers_list_add_and_inspect(client, homes, role, agreement):
    client.force_login(UserFactory(groups=[role]))
    commitment = CommitmentFactory(agreement=agreement)
    meeting = PartnershipMeeting.objects.create(
        title_ar="لقاء الشراكة", title_fr="Réunion de partenariat", starts_at=timezone.now()
    )

    for url in [*LISTS, *ADD_FORMS]:
        assert client.get(url).status_code == 200, url
    for url in [
        f"/admin/partnerships/agreements/inspect/{agreement.pk}/",
        f"/admin/partnerships/commitments/inspect/{commitment.pk}/",
        f"/admin/partnerships/meetings/inspect/{meeting.pk}/",
        f"/admin/partnerships/regions/inspect/{agreement.partner_regions.get().pk}/",
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["Programme editors", "Gate staff", None])
def test_other_roles_reach_neither_the_register_nor_the_document(client, homes, role, agreement):
    with_document(agreement)
    client.force_login(UserFactory(groups=[role] if role else []))

    for url in [
        *LISTS,
        "/admin/partnerships/agreements/new/",
        f"/admin/partnerships/agreements/inspect/{agreement.pk}/",
    ]:
        assert client.get(url).status_code in (302, 403), url
    download = client.get(f"/admin/partnerships/agreements/document/{agreement.pk}/")
    assert download.status_code in (302, 403)
    assert b"%PDF" not in b"".join(getattr(download, "streaming_content", [download.content]))


def test_adding_an_agreement_stores_the_status_its_dates_give(client, officer):
    signed = TODAY() - D(days=30)
    response = client.post(
        "/admin/partnerships/agreements/new/",
        agreement_form(
            signed_on=signed.isoformat(),
            signed_at_fr="Oujda",
            effective_from=signed.isoformat(),
            duration_months="36",
            domains=["sse", "agriculture"],
        ),
    )

    assert response.status_code == 302, response.context["form"].errors
    agreement = Agreement.objects.get(reference="CONV-2030-001")
    assert agreement.status == "in_force"
    assert agreement.domains == ["sse", "agriculture"]
    assert agreement.partner_regions.count() == 1

    client.post("/admin/partnerships/agreements/new/", agreement_form(reference="CONV-2030-002"))
    assert Agreement.objects.get(reference="CONV-2030-002").status == "draft"


def test_editing_the_dates_brings_the_status_along(client, officer, agreement):
    form = client.get(f"/admin/partnerships/agreements/edit/{agreement.pk}/")
    assert 'type="checkbox" name="domains" value="training"' in form.content.decode()

    ended = TODAY() - D(days=400)
    response = client.post(
        f"/admin/partnerships/agreements/edit/{agreement.pk}/",
        agreement_form(
            reference=agreement.reference,
            partner_regions=[agreement.partner_regions.get().pk],
            signed_on=ended.isoformat(),
            effective_from=ended.isoformat(),
            duration_months="12",
        ),
    )

    assert response.status_code == 302, response.context["form"].errors
    agreement.refresh_from_db()
    assert agreement.status == "expired"


def test_the_inspect_view_shows_the_timeline_commitments_and_meetings(client, officer, agreement):
    CommitmentFactory(
        agreement=agreement, description="Former vingt coopératives", due_on=TODAY() - D(days=5)
    )
    meeting = PartnershipMeeting.objects.create(
        title_ar="لقاء الشراكة",
        title_fr="Comité de suivi annuel",
        starts_at=timezone.now() - D(days=60),
    )
    meeting.agreements.add(agreement)

    response = client.get(f"/admin/partnerships/agreements/inspect/{agreement.pk}/")

    timeline = response.context["timeline"]
    assert [entry.day for entry in timeline] == sorted(entry.day for entry in timeline)
    assert timeline[0].day == agreement.signed_on
    assert any("Former vingt coopératives" in entry.label for entry in timeline)
    content = response.content.decode()
    assert "Former vingt coopératives" in content and 'id="timeline"' in content
    assert f"/admin/partnerships/meetings/inspect/{meeting.pk}/" in content
    assert response.context["commitments"][0][1] is True  # overdue


def test_terminate_after_a_confirmation_and_never_before_the_signature(client, officer, agreement):
    url = f"/admin/partnerships/agreements/terminate/{agreement.pk}/"
    assert client.get(url).status_code == 200

    client.post(url, {"on": (agreement.signed_on - D(days=1)).isoformat()})
    agreement.refresh_from_db()
    assert agreement.terminated_on is None and agreement.status == "in_force"

    client.post(url, {"on": TODAY().isoformat()})
    agreement.refresh_from_db()
    assert agreement.terminated_on == TODAY() and agreement.status == "terminated"
    inspect = client.get(f"/admin/partnerships/agreements/inspect/{agreement.pk}/")
    assert url not in inspect.content.decode()


def test_a_draft_cannot_be_terminated(client, officer):
    draft = agreement_save(agreement=AgreementFactory(signed_on=None, effective_from=None))

    client.post(
        f"/admin/partnerships/agreements/terminate/{draft.pk}/", {"on": TODAY().isoformat()}
    )

    draft.refresh_from_db()
    assert draft.terminated_on is None and draft.status == "draft"


def test_renew_creates_a_prefilled_draft_and_opens_it(client, officer, agreement):
    url = f"/admin/partnerships/agreements/renew/{agreement.pk}/"
    assert client.get(url).status_code == 200
    assert not Agreement.objects.filter(renews=agreement).exists()  # nothing made on a GET

    response = client.post(url)

    renewal = Agreement.objects.get(renews=agreement)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/partnerships/agreements/edit/{renewal.pk}/"
    assert renewal.reference == f"{agreement.reference}-R1"
    assert renewal.status == "draft" and renewal.signed_on is None and not renewal.document
    assert (renewal.title_fr, renewal.type, renewal.domains) == (
        agreement.title_fr,
        agreement.type,
        agreement.domains,
    )
    assert list(renewal.partner_regions.all()) == list(agreement.partner_regions.all())
    agreement.refresh_from_db()
    assert agreement.status == "in_force"  # until the renewal is signed
    assert client.get(response["Location"]).status_code == 200

    again = client.post(url)
    assert again["Location"] == f"/admin/partnerships/agreements/edit/{renewal.pk}/"
    assert Agreement.objects.filter(renews=agreement).count() == 1

    chain = client.get(f"/admin/partnerships/agreements/inspect/{renewal.pk}/").context["chain"]
    assert chain == [agreement, renewal]


def test_the_signed_document_goes_to_officers_as_an_attachment(client, officer, agreement):
    with_document(agreement)

    response = client.get(f"/admin/partnerships/agreements/document/{agreement.pk}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"{agreement.reference.lower()}.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF
    edit = client.get(f"/admin/partnerships/agreements/edit/{agreement.pk}/").content.decode()
    assert f"/admin/partnerships/agreements/document/{agreement.pk}/" in edit
    assert "/media/" not in edit


def test_a_stored_html_file_is_never_served_inline(client, officer, agreement):
    with_document(agreement, b"<html><script>alert(1)</script></html>", name="page.html")

    response = client.get(f"/admin/partnerships/agreements/document/{agreement.pk}/")

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".html" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_renamed_program_is_refused_as_the_signed_pdf(client, officer):
    program = SimpleUploadedFile(
        "convention.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "application/pdf"
    )

    response = client.post("/admin/partnerships/agreements/new/", agreement_form(document=program))

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors.as_data()["document"][0].code == "wrong_kind"
    assert escape(form.errors["document"][0]) in response.content.decode()  # said on the page
    assert not Agreement.objects.exists()


def test_commitment_evidence_is_private_too(client, officer, agreement):
    commitment = CommitmentFactory(agreement=agreement)
    commitment.evidence.save("report.pdf", ContentFile(PDF))
    url = f"/admin/partnerships/commitments/evidence/{commitment.pk}/"

    served = client.get(url)
    assert served["Content-Disposition"].startswith("attachment;")
    assert b"".join(served.streaming_content) == PDF

    client.force_login(UserFactory(groups=["Programme editors"]))
    assert client.get(url).status_code in (302, 403)


def test_commitments_are_filtered_by_what_is_due(client, officer, agreement):
    late = CommitmentFactory(agreement=agreement, due_on=TODAY() - D(days=3))
    soon = CommitmentFactory(agreement=agreement, due_on=TODAY() + D(days=20))
    CommitmentFactory(agreement=agreement, due_on=TODAY() + D(days=60))
    CommitmentFactory(agreement=agreement, due_on=TODAY() - D(days=3), status="done")

    def listed(due):
        response = client.get("/admin/partnerships/commitments/", {"due": due})
        return [row.pk for row in response.context["object_list"]]

    assert listed("overdue") == [late.pk]
    assert listed("soon") == [soon.pk]


def test_agreements_are_filtered_by_domain_and_exported(client, officer, agreement):
    other = agreement_save(agreement=AgreementFactory(domains=["culture"]))

    by_domain = client.get("/admin/partnerships/agreements/", {"domain": "training"})
    assert [a.pk for a in by_domain.context["object_list"]] == [agreement.pk]
    by_search = client.get("/admin/partnerships/agreements/", {"q": other.reference})
    assert [a.pk for a in by_search.context["object_list"]] == [other.pk]

    export = client.get("/admin/partnerships/agreements/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8"))))
    row = next(row for row in rows if row[0] == agreement.reference)
    assert str(agreement.partner_regions.get()) in row
    assert client.get("/admin/partnerships/agreements/", {"export": "xlsx"}).status_code == 200


@pytest.fixture
def meeting_with_delegation(db):
    region = PartnerRegionFactory(name_fr="Région de Dakar")
    meeting = PartnershipMeeting.objects.create(
        title_ar="لقاء الشراكة", title_fr="Réunion avec Dakar", starts_at=timezone.now()
    )
    for name in ("Aïcha Diop", "Oumar Sy"):
        MeetingParticipant.objects.create(meeting=meeting, full_name=name, partner_region=region)
    MeetingParticipant.objects.create(meeting=meeting, full_name="Salma Idrissi")
    return meeting


def test_delegation_badges_are_issued_for_the_current_edition(
    client, officer, meeting_with_delegation, fair_today
):
    url = f"/admin/partnerships/meetings/badges/{meeting_with_delegation.pk}/"
    confirmation = client.get(url)
    assert len(confirmation.context["waiting"]) == 2

    response = client.post(url, follow=True)

    attendees = Attendee.objects.filter(edition=fair_today, category="delegation")
    assert sorted(attendees.values_list("full_name", flat=True)) == ["Aïcha Diop", "Oumar Sy"]
    assert Badge.objects.filter(attendee__in=attendees).count() == 2
    assert any("2" in message for message in messages_of(response))

    client.post(url)
    assert Attendee.objects.count() == 2


def test_no_badges_without_a_current_edition(client, officer, meeting_with_delegation):
    EditionFactory(is_current=False)

    client.post(f"/admin/partnerships/meetings/badges/{meeting_with_delegation.pk}/")

    assert not Attendee.objects.exists()


def test_a_decision_gives_rise_to_a_commitment(client, officer, agreement):
    meeting = PartnershipMeeting.objects.create(
        title_ar="لقاء", title_fr="Comité de suivi", starts_at=timezone.now()
    )
    meeting.agreements.add(agreement)
    decision = Decision.objects.create(meeting=meeting, text="Ouvrir un bureau à Dakar")
    page = client.get(f"/admin/partnerships/meetings/inspect/{meeting.pk}/")
    form = page.context["decisions"][0][1]
    assert form.initial["agreement"] == agreement.pk

    prefix = f"decision-{decision.pk}"
    response = client.post(
        f"/admin/partnerships/meetings/decisions/{decision.pk}/commitment/",
        {
            f"{prefix}-agreement": agreement.pk,
            f"{prefix}-due_on": "2031-06-30",
            f"{prefix}-responsible_region": "Direction de la coopération",
            f"{prefix}-responsible_partner": "",
        },
    )

    assert response.status_code == 302
    commitment = Commitment.objects.get(decision=decision)
    assert (commitment.agreement, commitment.due_on, commitment.description) == (
        agreement,
        datetime.date(2031, 6, 30),
        "Ouvrir un bureau à Dakar",
    )
    assert commitment.responsible_region == "Direction de la coopération"
    shown = client.get(f"/admin/partnerships/meetings/inspect/{meeting.pk}/").content.decode()
    assert f"/admin/partnerships/commitments/inspect/{commitment.pk}/" in shown


def test_a_programme_editor_cannot_create_commitments(client, homes, agreement):
    client.force_login(UserFactory(groups=["Programme editors"]))
    meeting = PartnershipMeeting.objects.create(
        title_ar="لقاء", title_fr="Comité", starts_at=timezone.now()
    )
    decision = Decision.objects.create(meeting=meeting, text="Décision")

    client.post(
        f"/admin/partnerships/meetings/decisions/{decision.pk}/commitment/",
        {f"decision-{decision.pk}-agreement": agreement.pk},
    )

    assert not Commitment.objects.exists()


def test_adding_a_meeting_with_participants_and_decisions_inline(client, officer, agreement):
    inline = {
        f"{name}-{key}": value
        for name in ("participants", "decisions")
        for key, value in (
            ("TOTAL_FORMS", "1"),
            ("INITIAL_FORMS", "0"),
            ("MIN_NUM_FORMS", "0"),
            ("MAX_NUM_FORMS", "1000"),
        )
    }
    response = client.post(
        "/admin/partnerships/meetings/new/",
        {
            "title_ar": "لقاء الشراكة",
            "title_fr": "Réunion de partenariat",
            "title_en": "",
            "starts_at": "2030-05-13 10:00",
            "ends_at": "",
            "place_ar": "وجدة",
            "place_fr": "Oujda",
            "place_en": "",
            "session": "",
            "agreements": [agreement.pk],
            "agenda": "",
            "minutes": "",
            "is_public": "on",
            **inline,
            "participants-0-id": "",
            "participants-0-full_name": "Aïcha Diop",
            "participants-0-role": "",
            "participants-0-organisation": "",
            "participants-0-partner_region": agreement.partner_regions.get().pk,
            "participants-0-email": "",
            "participants-0-language": "fr",
            "participants-0-DELETE": "",
            "decisions-0-id": "",
            "decisions-0-text": "Ouvrir un bureau",
            "decisions-0-DELETE": "",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    meeting = PartnershipMeeting.objects.get()
    assert meeting.created_by == officer
    assert [p.full_name for p in meeting.participants.all()] == ["Aïcha Diop"]
    assert [d.text for d in meeting.decisions.all()] == ["Ouvrir un bureau"]
    assert list(meeting.agreements.all()) == [agreement]


@pytest.fixture
def b2b_fair(db):
    """The current edition three weeks from now, with one block of six slots at three
    tables, and four participants."""
    starts = TODAY() + D(days=21)
    edition = EditionFactory(
        is_current=True, starts_on=starts, ends_on=starts + datetime.timedelta(days=2)
    )
    B2BBlockFactory(edition=edition)
    people = [B2BParticipantFactory(edition=edition) for _ in range(4)]
    return edition, people


def accepted(edition, requester, recipient):
    return MeetingRequest.objects.create(
        edition=edition,
        requester=requester,
        recipient=recipient,
        status="accepted",
        answered_at=timezone.now(),
    )


def test_place_the_meetings_places_accepted_requests_and_reports(client, officer, b2b_fair):
    edition, (salma, omar, nadia, karim) = b2b_fair
    requests = [
        accepted(edition, salma, omar),
        accepted(edition, salma, nadia),
        accepted(edition, karim, omar),
    ]
    MeetingRequest.objects.create(edition=edition, requester=nadia, recipient=karim)  # pending
    page = client.get("/admin/partnerships/b2b/place/")
    assert page.context["accepted"] == 3 and page.context["seats"] == 18

    response = client.post("/admin/partnerships/b2b/place/")

    report = response.context["report"]
    assert (report.placed, report.kept, report.unplaced, report.upper_bound) == (3, 0, [], 3)
    assert B2BMeeting.objects.filter(request__in=requests).count() == 3
    content = response.content.decode()
    assert 'data-figure="placed">3<' in content and 'data-figure="upper_bound">3<' in content
    for meeting in B2BMeeting.objects.all():  # nobody twice at once, no table twice
        assert not B2BMeeting.objects.filter(
            starts_at=meeting.starts_at, table=meeting.table
        ).exclude(pk=meeting.pk)

    again = client.post("/admin/partnerships/b2b/place/", {"reshuffle": "on"})
    assert again.context["report"].placed == 3 and B2BMeeting.objects.count() == 3


def test_what_cannot_be_placed_is_reported_with_its_reason(client, officer, b2b_fair):
    edition, (salma, *others) = b2b_fair
    block = edition.b2b_blocks.get()
    block.ends_at = block.starts_at + D(minutes=40)  # two slots for salma's three meetings
    block.save()
    for other in others:
        accepted(edition, salma, other)

    response = client.post("/admin/partnerships/b2b/place/")

    report = response.context["report"]
    assert report.placed == 2 and report.upper_bound == 2
    assert len(report.unplaced) == 1
    request, reason = report.unplaced[0]
    assert reason and f"/admin/partnerships/b2b/requests/inspect/{request.pk}/" in (
        response.content.decode()
    )


def test_meetings_are_confirmed_in_bulk_and_kept_when_placed_again(client, officer, b2b_fair):
    edition, (salma, omar, nadia, karim) = b2b_fair
    accepted(edition, salma, omar)
    accepted(edition, nadia, karim)
    client.post("/admin/partnerships/b2b/place/")
    first, second = B2BMeeting.objects.order_by("starts_at", "table")
    url = f"/admin/bulk/b2b/b2bmeeting/confirm_b2b_meetings/?id={first.pk}"

    assert client.get(url).status_code == 200
    client.post(url)

    assert list(B2BMeeting.objects.filter(confirmed=True)) == [first]
    listing = client.get("/admin/partnerships/b2b/meetings/")
    assert [m.pk for m in listing.context["object_list"]] == [first.pk, second.pk]
    report = client.post("/admin/partnerships/b2b/place/", {"reshuffle": "on"}).context["report"]
    assert report.kept == 1
    assert B2BMeeting.objects.get(pk=first.pk).confirmed


def test_requests_are_listed_by_status_and_not_typed_in(client, officer, b2b_fair):
    edition, (salma, omar, nadia, _karim) = b2b_fair
    yes = accepted(edition, salma, omar)
    MeetingRequest.objects.create(edition=edition, requester=nadia, recipient=omar)

    listing = client.get("/admin/partnerships/b2b/requests/", {"status": "accepted"})

    assert [r.pk for r in listing.context["object_list"]] == [yes.pk]
    assert "/admin/partnerships/b2b/requests/new/" not in listing.content.decode()
    assert client.get("/admin/partnerships/b2b/requests/new/").status_code != 200
    assert client.get(f"/admin/partnerships/b2b/requests/edit/{yes.pk}/").status_code == 200


def test_an_agreement_that_another_renews_is_not_deleted(client, officer, agreement):
    client.post(f"/admin/partnerships/agreements/renew/{agreement.pk}/")

    client.post(f"/admin/partnerships/agreements/delete/{agreement.pk}/")

    assert Agreement.objects.filter(pk=agreement.pk).exists()


def test_meeting_blocks_are_typed_on_the_fair_s_clocks(client, officer, b2b_fair):
    edition, _people = b2b_fair
    profile = UserProfile.get_for_user(officer)
    profile.current_time_zone = "Asia/Tokyo"  # the fair's clocks win over the account's
    profile.save()
    day = edition.starts_on + D(days=1)

    response = client.post(
        "/admin/partnerships/b2b/blocks/new/",
        {
            "edition": edition.pk,
            "starts_at": f"{day.isoformat()} 15:00",
            "ends_at": f"{day.isoformat()} 17:00",
            "slot_minutes": "30",
            "tables": "4",
            "place_ar": "",
            "place_fr": "Hall B",
            "place_en": "",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    block = edition.b2b_blocks.get(place_fr="Hall B")
    zone = ZoneInfo(edition.time_zone)
    assert block.starts_at == datetime.datetime.combine(day, datetime.time(15), tzinfo=zone)
    listing = client.get("/admin/partnerships/b2b/blocks/").content.decode()
    assert "15:00–17:00" in listing


def test_removing_an_open_request_in_the_admin_withdraws_it_through_the_rules(
    client, officer, b2b_fair
):
    edition, (salma, omar, *_rest) = b2b_fair
    request = accepted(edition, salma, omar)
    meeting = meeting_place(meeting_request=request)

    client.post(f"/admin/partnerships/b2b/requests/delete/{request.pk}/")

    request.refresh_from_db()
    meeting.refresh_from_db()
    assert request.status == "cancelled" and meeting.cancelled_at is not None
    assert meeting.sequence == 1
