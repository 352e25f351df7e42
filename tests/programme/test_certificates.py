"""Attendance certificates: the PDF in Arabic and French, its code, the page that checks it."""

import base64
import datetime
import shutil
import subprocess

import pytest
import zxingcpp
from django.utils import timezone
from PIL import Image

from events.services.badge_links import badge_link_token
from events.services.badges import attendee_register
from programme.certificates import certificate_attendance, certificate_code
from programme.models import SessionAttendance
from tests.factories import RoomFactory, SessionFactory
from tests.pdfs import pdf_font_names, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def attended(fair_today):
    """Leila attended yesterday's workshop on packaging."""
    starts = timezone.now() - datetime.timedelta(days=1)
    workshop = SessionFactory(
        edition=fair_today,
        type="workshop",
        title_ar="ورشة التلفيف والتثمين",
        title_fr="Atelier conditionnement et valorisation",
        room=RoomFactory(venue=fair_today.venue, name_ar="القاعة الكبرى", name_fr="Grande salle"),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    attendee, badge = attendee_register(
        edition=fair_today, category="visitor", full_name="ليلى بنعلي", email="leila@fair.example"
    )
    attendance = SessionAttendance.objects.create(
        session=workshop, attendee=attendee, via="walk_in", admitted_at=starts
    )
    attendance.badge = badge
    return attendance


def test_the_code_is_short_and_forgiving_to_type(attended):
    code = certificate_code(attended)

    assert len(code) == 19 and code.count("-") == 3
    assert certificate_attendance(code) == attended
    assert certificate_attendance(code.lower().replace("-", " ")) == attended
    assert certificate_attendance(code.replace("O", "0").replace("I", "1")) == attended


def test_a_forged_or_altered_code_certifies_nothing(attended):
    code = certificate_code(attended)
    other = SessionAttendance.objects.create(
        session=attended.session,
        attendee=attendee_register(
            edition=attended.session.edition, category="visitor", full_name="Omar"
        )[0],
        via="walk_in",
        admitted_at=attended.admitted_at,
    )
    # Another attendance's number with this one's signature.
    signature = base64.b32decode(code.replace("-", ""))[4:]
    forged = base64.b32encode(other.pk.to_bytes(4, "big") + signature).decode()
    altered = code[:-1] + ("A" if code[-1] != "A" else "B")

    assert certificate_attendance(forged) is None
    assert certificate_attendance(altered) is None
    assert certificate_attendance("") is None
    assert certificate_attendance("ABCD-EFGH") is None


def test_only_workshops_that_are_over_earn_a_certificate(attended):
    code = certificate_code(attended)
    session = attended.session
    session.type = "talk"
    session.save()
    assert certificate_attendance(code) is None

    session.type = "workshop"
    session.ends_at = timezone.now() + datetime.timedelta(hours=1)
    session.save()
    assert certificate_attendance(code) is None


def test_the_certificate_pdf_says_it_in_arabic_and_french(client, attended):
    code = certificate_code(attended)

    response = client.get(f"/fr/verify/{code}/certificate.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for words in (
        "ليلى بنعلي",
        "ورشة التلفيف والتثمين",
        "Atelier conditionnement et valorisation",
        "القاعة الكبرى",
        "Grande salle",
        code,
        f"/fr/verify/{code}/",
    ):
        assert words in text
    # The project's own fonts, whatever the machine has installed.
    assert pdf_font_names(response.content) <= {
        "Noto-Naskh-Arabic",
        "Noto-Naskh-Arabic-Bold",
        "Noto-Sans",
        "Noto-Sans-Bold",
    }


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_the_certificate_qr_leads_to_its_check(client, attended, tmp_path):
    code = certificate_code(attended)
    (tmp_path / "certificate.pdf").write_bytes(
        client.get(f"/ar/verify/{code}/certificate.pdf").content
    )
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(tmp_path / "certificate.pdf"), str(tmp_path / "p")],
        check=True,
    )
    (page,) = [Image.open(path) for path in tmp_path.glob("p*.png")]
    (found,) = [r.text for r in zxingcpp.read_barcodes(page)]

    assert found.endswith(f"/ar/verify/{code}/")


def test_the_verify_page_shows_what_a_genuine_certificate_says(client, attended):
    code = certificate_code(attended)

    response = client.get(f"/fr/verify/{code.lower()}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "ليلى بنعلي" in page
    assert "Atelier conditionnement et valorisation" in page
    assert code in page
    assert "leila@fair.example" not in page  # the name, the workshop, the date: no more


def test_the_verify_page_says_when_a_certificate_is_not_genuine(client, attended):
    code = certificate_code(attended)
    forged = code[:-1] + ("A" if code[-1] != "A" else "B")

    response = client.get(f"/fr/verify/{forged}/")

    assert response.status_code == 404
    assert "ليلى بنعلي" not in response.content.decode()
    assert client.get(f"/fr/verify/{forged}/certificate.pdf").status_code == 404


def test_a_typed_code_is_looked_up(client, attended):
    code = certificate_code(attended)

    response = client.get("/ar/verify/", {"code": f" {code.lower()} "})

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_the_badge_page_links_to_the_certificates(client, attended, fair_today):
    badge = attended.badge
    page = client.get(f"/ar/visit/badge/{badge_link_token(badge)}/").content.decode()

    assert f"/ar/verify/{certificate_code(attended)}/certificate.pdf" in page
    assert attended.session.title_ar in page


def test_a_badge_page_without_workshops_attended_has_no_certificates(client, fair_today):
    _attendee, badge = attendee_register(edition=fair_today, category="visitor", full_name="Ali")

    page = client.get(f"/ar/visit/badge/{badge_link_token(badge)}/").content.decode()

    assert "/verify/" not in page


def test_an_erased_holder_has_no_certificate(attended):
    code = certificate_code(attended)
    attendee = attended.attendee
    attendee.full_name = ""
    attendee.save()

    assert certificate_attendance(code) is None
