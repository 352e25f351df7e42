import datetime
import re
import shutil
import subprocess

import pytest
import zxingcpp
from django.core import mail
from PIL import Image

from events.models import Attendee, Badge

pytestmark = pytest.mark.django_db

FORM = {
    "full_name": "سلمى العلوي",
    "email": "salma@fair.example",
    "organisation": "",
    "how_heard": "social_media",
    "language": "ar",
}


def test_a_visitor_registers_and_sees_the_badge(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ar/visit/", FORM)

    badge = Badge.objects.get()
    assert response.status_code == 302 and response["Location"].startswith("/ar/visit/badge/")
    page = client.get(response["Location"]).content.decode()
    assert "سلمى العلوي" in page and 'class="badge-card__qr"' in page
    assert badge.attendee.how_heard == "social_media"
    assert mail.outbox[-1].to == ["salma@fair.example"]
    link = re.search(r"http://testserver(/ar/visit/badge/\S+)", mail.outbox[-1].body).group(1)
    assert "سلمى العلوي" in client.get(link).content.decode()


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_the_e_mailed_pdf_holds_the_badge(
    client, homes, registration_open, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/visit/", FORM | {"language": "fr"})

    name, content, mimetype = mail.outbox[-1].attachments[0]
    (tmp_path / "badge.pdf").write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(tmp_path / "badge.pdf"), str(tmp_path / "p")],
        check=True,
    )
    codes = [r.text for r in zxingcpp.read_barcodes(Image.open(next(tmp_path.glob("p*.png"))))]

    assert (name, mimetype) == ("badge.pdf", "application/pdf")
    assert codes == [Badge.objects.get().code]


def test_registering_again_resends_the_same_badge_without_showing_it(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ar/visit/", FORM)
        again = client.post("/fr/visit/", FORM | {"full_name": "Someone else"}, follow=True)

    assert Badge.objects.count() == 1 and Attendee.objects.count() == 1
    assert "/visit/badge/" not in again.redirect_chain[-1][0]
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["salma@fair.example"]
    assert "سلمى العلوي" not in again.content.decode()


def test_registration_closed(client, homes, fair_today):
    response = client.post("/fr/visit/", FORM)

    assert "pas ouverte" in response.content.decode() or "not open" in response.content.decode()
    assert not Attendee.objects.exists()


def test_a_closed_registration_says_when_it_opens_or_when_it_closed(client, homes, fair_today):
    zone = fair_today.zone
    fair_today.visitor_registration_opens_at = datetime.datetime(2031, 5, 4, 9, 0, tzinfo=zone)
    fair_today.save()
    assert "L'inscription des visiteurs ouvre le 4 mai 2031 09:00." in page(client, "/fr/visit/")
    assert "يُفتح تسجيل الزوار يوم 4 ماي 2031، 09:00." in page(client, "/ar/visit/")

    fair_today.visitor_registration_opens_at = datetime.datetime(2020, 5, 4, 9, 0, tzinfo=zone)
    fair_today.visitor_registration_closes_at = datetime.datetime(2020, 6, 1, 18, 0, tzinfo=zone)
    fair_today.save()
    assert "L'inscription des visiteurs a fermé le 1 juin 2020 18:00." in page(client, "/fr/visit/")


def page(client, url) -> str:
    return client.get(url).content.decode().replace("&#x27;", "'")


def test_missing_e_mail_is_explained_in_arabic(client, homes, registration_open):
    response = client.post("/ar/visit/", FORM | {"email": ""})

    assert response.status_code == 200
    assert "أدخلوا عنوان بريد إلكتروني أو رقم هاتف محمول." in response.content.decode()
    assert not Attendee.objects.exists()


def test_a_forged_badge_link_is_404(client, homes, registration_open):
    assert client.get("/ar/visit/badge/1:forged/").status_code == 404
    assert client.get("/ar/visit/badge/1:forged/badge.pdf").status_code == 404


def test_the_same_address_cannot_be_flooded_with_badges(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for _attempt in range(3):
            client.post("/en/visit/", FORM)
        refused = client.post("/en/visit/", FORM)

    assert refused.status_code == 429
    assert "Too many registrations" in refused.content.decode()
    assert len(mail.outbox) == 3
