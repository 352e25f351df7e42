import io
import shutil

import pytest
from django.core.management import call_command

from events.choices import BadgeStatus
from events.keys import verification_keys
from events.models import Attendee, Badge, BadgePrintJob
from events.services.badges import attendee_register, badge_reissue, badges_issue_blank
from events.tokens import decode
from tests.pdfs import pdf_qr_codes

pytestmark = pytest.mark.django_db


def test_a_badge_carries_a_verifiable_code_without_personal_data(visitor_badge):
    claims = decode(visitor_badge.code, public_keys=verification_keys())

    assert claims.badge_id == visitor_badge.pk
    assert claims.edition_id == visitor_badge.edition_id
    assert (claims.first_day, claims.last_day) == (
        visitor_badge.valid_from,
        visitor_badge.valid_until,
    )
    assert "leila" not in visitor_badge.code.lower()


def test_registering_twice_gives_back_the_same_badge(fair_today, visitor_badge):
    _attendee, again = attendee_register(
        edition=fair_today, category="visitor", full_name="Leila", email="LEILA@fair.example"
    )

    assert again == visitor_badge
    assert Attendee.objects.count() == 1 and Badge.objects.count() == 1


def test_reissue_revokes_the_old_code_and_chains_the_new_badge(visitor_badge):
    new = badge_reissue(badge=visitor_badge)

    visitor_badge.refresh_from_db()
    assert visitor_badge.status == BadgeStatus.REVOKED and visitor_badge.revoked_at
    assert new.replaces == visitor_badge and new.code != visitor_badge.code
    assert new.status == BadgeStatus.ACTIVE


def test_blank_badges_for_walk_in_visitors(fair_today):
    badges = badges_issue_blank(edition=fair_today, category="visitor", count=5)

    assert len({badge.code for badge in badges}) == 5
    assert all(badge.attendee.full_name == "" for badge in badges)


def test_issue_badges_command_writes_the_codes(fair_today, tmp_path):
    out = tmp_path / "codes.txt"

    call_command(
        "issue_badges",
        "--category",
        "visitor",
        "--count",
        "3",
        "--codes-out",
        str(out),
        stdout=io.StringIO(),
    )

    codes = out.read_text().split()
    assert len(codes) == 3
    assert {decode(code, public_keys=verification_keys()).badge_id for code in codes} == set(
        Badge.objects.values_list("pk", flat=True)
    )


def test_gate_token_command_prints_a_working_token(client, gate, capsys):
    call_command("gate_token", "--gate", "main")
    token = capsys.readouterr().out.strip()

    response = client.post(
        "/api/checkin/scan",
        {"code": "X"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    old = client.post(
        "/api/checkin/scan",
        {"code": "X"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {gate.token}",
    )

    assert response.status_code == 200 and response.json()["result"] == "invalid"
    assert old.status_code == 401  # the new token replaced the old one


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_issue_badges_command_prints_the_badges_it_issued(fair_today, tmp_path):
    pdf, codes = tmp_path / "badges.pdf", tmp_path / "codes.txt"
    output = io.StringIO()

    call_command(
        "issue_badges",
        *("--category", "volunteer", "--count", "6", "--processes", "1"),
        *("--pdf-out", str(pdf), "--codes-out", str(codes)),
        stdout=output,
    )

    issued = codes.read_text().split()
    assert Badge.objects.filter(category="volunteer", printed_at__isnull=False).count() == 6
    assert pdf_qr_codes(pdf.read_bytes(), tmp_path, dpi=120) == [set(issued[:4]), set(issued[4:])]
    job = BadgePrintJob.objects.get()  # listed with the admin's printings
    assert job.status == "done" and job.file.read() == pdf.read_bytes()
    assert "6 / 6 badges rendered" in output.getvalue()


def test_blank_badges_are_issued_in_bulk_with_codes_of_their_own(fair_today):
    badges = badges_issue_blank(edition=fair_today, category="volunteer", count=1200)

    claims = [decode(badge.code, public_keys=verification_keys()) for badge in badges]
    stored = dict(Badge.objects.values_list("pk", "code"))
    assert [claim.badge_id for claim in claims] == [badge.pk for badge in badges]
    assert all(stored[badge.pk] == badge.code for badge in badges)
    assert {(c.first_day, c.last_day) for c in claims} == {
        (fair_today.starts_on, fair_today.ends_on)
    }
    assert Attendee.objects.filter(full_name="", category="volunteer").count() == 1200
