from base64 import b64decode

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from events import tokens
from events.choices import BadgeStatus
from events.models import Attendee, Badge, CheckIn, GateDevice
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, homes):
    user = UserFactory(groups=["Organisers"])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


def test_adding_an_attendee_in_the_admin_issues_the_badge(client, organiser, fair_today):
    response = client.post(
        "/admin/attendees/new/",
        {
            "edition": fair_today.pk,
            "category": "speaker",
            "full_name": "Aïcha Diop",
            "organisation": "Région de Dakar",
            "email": "",
            "language": "fr",
        },
    )

    assert response.status_code == 302
    attendee = Attendee.objects.get()
    assert attendee.badges.get().category == "speaker"


def test_the_organiser_downloads_reissues_and_revokes(client, organiser, visitor_badge):
    pdf = client.get(f"/admin/badges/{visitor_badge.pk}/badge.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")

    client.post(f"/admin/badges/{visitor_badge.pk}/reissue/")
    visitor_badge.refresh_from_db()
    new = Badge.objects.get(replaces=visitor_badge)
    assert visitor_badge.status == BadgeStatus.REVOKED and new.status == BadgeStatus.ACTIVE

    client.post(f"/admin/badges/{new.pk}/revoke/")
    new.refresh_from_db()
    assert new.status == BadgeStatus.REVOKED


def test_a_device_paired_from_the_admin_scans_until_it_is_unpaired(
    client, organiser, gate, visitor_badge
):
    page = client.post(f"/admin/gates/{gate.pk}/pair/", {"name": "Phone 2"}).content.decode()
    code = page.split('<code dir="ltr" style="font-size:1.5em;letter-spacing:.1em">')[1]
    code = code.split("</code>")[0]
    assert "<svg" in page  # the QR to scan

    paired = client.post(
        "/api/checkin/pair", {"code": code}, content_type="application/json"
    ).json()
    again = client.post("/api/checkin/pair", {"code": code}, content_type="application/json")

    def scan():
        return client.post(
            "/api/checkin/scan",
            {"code": visitor_badge.code, "direction": "out"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {paired['token']}",
        )

    assert paired["post"]["name"] == gate.name
    assert again.status_code == 400  # one pairing per code
    assert scan().json()["result"] == "ok"
    inspect = client.get(reverse("gates:inspect", args=[gate.pk])).content.decode()
    assert "Phone 2" in inspect
    device = GateDevice.objects.get(gate=gate, name="Phone 2")
    client.post(f"/admin/gates/{gate.pk}/devices/{device.pk}/unpair/")
    assert scan().status_code == 401


def test_csv_import_keeps_good_rows_and_reports_bad_ones_by_line(client, organiser, fair_today):
    rows = (
        "full_name,organisation,email,language\n"
        "Nadia Kamal,Région Occitanie,nadia@fair.example,fr\n"
        ",,nobody@fair.example,fr\n"
        "Oumar Sy,,not-an-email,fr\n"
        "ليلى,,,xx\n"
        "عمر,جمعية,omar@fair.example,ar\n"
    )
    upload = SimpleUploadedFile("people.csv", rows.encode("utf-8"), content_type="text/csv")

    response = client.post("/admin/attendees/import/", {"category": "delegation", "file": upload})

    content = response.content.decode()
    assert sorted(Attendee.objects.values_list("full_name", flat=True)) == ["Nadia Kamal", "عمر"]
    assert Badge.objects.count() == 2
    for line in (3, 4, 5):
        assert f"<td>{line}</td>" in content


def test_the_dashboard_counts_today(client, organiser, gate, visitor_badge):
    client.post(
        "/api/checkin/scan",
        {"code": visitor_badge.code},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {gate.token}",
    )
    client.post(
        "/api/checkin/scan",
        {"code": "garbage"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {gate.token}",
    )

    response = client.get("/admin/checkins/today/")

    assert response.status_code == 200
    context = response.context
    assert (context["inside_total"], context["entries_total"], context["refused_total"]) == (
        1,
        1,
        1,
    )
    assert context["rows"][0][0] == "main" and context["rows"][0][2] == 1


@pytest.mark.parametrize(
    "url",
    [
        "/admin/attendees/",
        "/admin/badges/",
        "/admin/gates/",
        "/admin/checkins/",
        "/admin/checkins/?export=csv",
    ],
)
def test_the_lists_open(client, organiser, visitor_badge, url):
    assert client.get(url).status_code == 200


def test_gate_staff_cannot_reach_the_badge_admin(client, homes, visitor_badge):
    client.force_login(UserFactory(groups=["Gate staff"]))

    assert client.get("/admin/badges/").status_code == 302
    assert client.get(f"/admin/badges/{visitor_badge.pk}/badge.pdf").status_code in (302, 403)
    assert not CheckIn.objects.exists()


def test_the_organiser_sets_the_edition_s_entry_rules(client, organiser, fair_today):
    form = client.get(f"/admin/editions/edit/{fair_today.pk}/")
    assert 'type="checkbox" name="unlimited_entry" value="press"' in form.content.decode()
    data = {
        field: value
        for field, value in form.context["form"].initial.items()
        if value is not None and field != "unlimited_entry"
    }
    data["venue"] = fair_today.venue_id or ""

    response = client.post(
        f"/admin/editions/edit/{fair_today.pk}/",
        {**data, "unlimited_entry": ["organiser", "speaker"]},
    )

    assert response.status_code == 302, response.context["form"].errors
    fair_today.refresh_from_db()
    assert fair_today.unlimited_entry == ["organiser", "speaker"]


def _scan(client, gate, code, scan_id):
    return client.post(
        "/api/checkin/scan",
        {"code": code, "scan_id": scan_id},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {gate.token}",
    ).json()


def test_changing_a_badge_s_days_issues_a_code_that_says_so_and_retires_the_old(
    client, organiser, gate, visitor_badge, mailoutbox, django_capture_on_commit_callbacks
):
    """The gate judges offline from what the code asserts: the days an organiser sets must be
    the days the holder's code carries, and the old code must stop passing everywhere."""
    assert _scan(client, gate, visitor_badge.code, "before")["result"] == "ok"
    edit = client.get(f"/admin/badges/edit/{visitor_badge.pk}/").content.decode()
    assert "issues a new badge to its holder" in edit
    first, last = visitor_badge.valid_from, visitor_badge.valid_from
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/badges/edit/{visitor_badge.pk}/",
            {"valid_from": first.isoformat(), "valid_until": last.isoformat()},
            follow=True,
        )

    new = Badge.objects.get(replaces=visitor_badge)
    assert response.redirect_chain[-1][0] == f"/admin/badges/inspect/{new.pk}/"
    assert "has been sent to its holder" in response.content.decode()
    keys = client.get("/api/checkin/keys").json()["keys"]
    public = {
        entry["id"]: Ed25519PublicKey.from_public_bytes(b64decode(entry["public_key"]))
        for entry in keys
    }
    claims = tokens.decode(new.code, public_keys=public)
    assert (claims.first_day, claims.last_day) == (first, last)
    assert (new.valid_from, new.valid_until) == (first, last)
    assert new.inside  # came in before the change: still inside
    revoked = client.get(
        "/api/checkin/revocations", HTTP_AUTHORIZATION=f"Bearer {gate.token}"
    ).json()["revoked"]
    assert revoked == [visitor_badge.pk]  # what offline gates learn
    assert _scan(client, gate, visitor_badge.code, "old")["result"] == "revoked"
    assert [mail.to for mail in mailoutbox] == [["leila@fair.example"]]
    assert mailoutbox[0].attachments[0][0] == "badge.pdf"


def test_the_same_days_change_nothing_and_reversed_days_are_refused(
    client, organiser, visitor_badge
):
    same = client.post(
        f"/admin/badges/edit/{visitor_badge.pk}/",
        {
            "valid_from": visitor_badge.valid_from.isoformat(),
            "valid_until": visitor_badge.valid_until.isoformat(),
        },
        follow=True,
    )
    reversed_days = client.post(
        f"/admin/badges/edit/{visitor_badge.pk}/",
        {
            "valid_from": visitor_badge.valid_until.isoformat(),
            "valid_until": visitor_badge.valid_from.isoformat(),
        },
    )

    assert "have not changed" in same.content.decode()
    assert reversed_days.status_code == 200
    assert "The first valid day must come before the last one." in reversed_days.content.decode()
    assert Badge.objects.count() == 1
    visitor_badge.refresh_from_db()
    assert visitor_badge.status == BadgeStatus.ACTIVE
