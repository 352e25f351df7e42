"""allauth in Arabic: our catalogue of its strings (locale/allauth/ar), the e-mails it sends
and the messages it shows, and the sender's name in the reader's language."""

import gettext
import io
import re
import subprocess
from email.header import decode_header, make_header
from email.utils import parseaddr
from pathlib import Path

import allauth
import pytest
from django.core import mail

from fairsite.models import OutboundEmail
from fairsite.services.mail import email_queue, email_sender
from fairsite.services.site import site_title
from tests.factories import PASSWORD, UserFactory

CATALOGUE = Path(__file__).resolve().parents[2] / "locale/allauth/ar/LC_MESSAGES/django.po"
ALLAUTH_CATALOGUE = Path(allauth.__file__).parent / "locale/ar/LC_MESSAGES/django.po"

FSI, PDI = "\u2068", "\u2069"

# Mistakes of allauth's own Arabic that readers of the fair met: a verb left unjussived after
# لم, a word cut short, a stray Latin letter, a broken placeholder, embedding marks.
MISSPELLINGS = [
    r"لم ترى",
    r"لم تتلقى",
    r"لم تتلقاه",
    r"غضو(?!ن)",
    r"كلمة المرور الخاص\b",
    r"تم إعادة",
    r"^[A-Za-z] ",
    r"\d\(\w+\)s",
    "[\u202a-\u202e]",
]

SENDERS = {
    "ar": "معرض الاقتصاد الاجتماعي والتضامني - جهة الشرق",
    "fr": "Salon ESS Oriental",
    "en": "Oriental SSE Fair",
}


def compiled(po: Path) -> dict:
    """msgid → msgstr, (msgid, n) → plural form n, as gettext reads the compiled catalogue."""
    mo = subprocess.run(["msgfmt", "-o", "-", str(po)], capture_output=True, check=True).stdout
    return gettext.GNUTranslations(io.BytesIO(mo))._catalog


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\(\w+\)[sd]|%d|\{\w+\}", text))


def misspellings(text: str) -> list[str]:
    return [pattern for pattern in MISSPELLINGS if re.search(pattern, text, flags=re.MULTILINE)]


def sender(message) -> str:
    """The From header of a sent message, decoded."""
    return str(make_header(decode_header(message.message()["From"])))


def sign_up(client, capture, language: str, email: str = "coop@example.org"):
    with capture(execute=True):
        return client.post(
            f"/{language}/accounts/signup/",
            {"first_name": "Salma", "email": email, "password1": PASSWORD, "password2": PASSWORD},
            follow=True,
        )


def test_the_catalogue_corrects_only_strings_allauth_has_and_keeps_their_placeholders():
    ours = {key: text for key, text in compiled(CATALOGUE).items() if key != ""}
    allauths = compiled(ALLAUTH_CATALOGUE)

    # A string allauth no longer has would sit here unused after an upgrade.
    assert ours and not set(ours) - set(allauths), set(ours) - set(allauths)
    wrong = []
    for key, text in ours.items():
        msgid = key[0] if isinstance(key, tuple) else key.split("\x04")[-1]
        if isinstance(key, tuple) and key[1] in (0, 1, 2):
            # Arabic names none, one and two without the count.
            right = placeholders(text) < placeholders(msgid)
        else:
            right = placeholders(text) == placeholders(msgid)
        if not right:
            wrong.append(key)
    assert not wrong, wrong


def test_the_catalogue_has_none_of_allauths_misspellings():
    wrong = {
        key: text for key, text in compiled(CATALOGUE).items() if key != "" and misspellings(text)
    }

    assert not wrong, wrong


@pytest.mark.django_db
def test_the_arabic_confirmation_e_mail_names_the_fair_from_the_fair_in_arabic(
    client, homes, django_capture_on_commit_callbacks, settings
):
    sign_up(client, django_capture_on_commit_callbacks, "ar")

    message = mail.outbox[-1]
    text = message.subject + "\n" + message.body
    assert site_title("ar") in message.body
    assert not misspellings(text), misspellings(text)
    assert f"المستخدم {FSI}Salma{PDI}" in message.body  # the name given, isolated
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    assert sender(message) == f"{SENDERS['ar']} <{address}>"
    assert OutboundEmail.objects.get().from_email == f"{SENDERS['ar']} <{address}>"


@pytest.mark.django_db
def test_a_french_sign_up_is_mailed_from_the_fair_in_french(
    client, homes, django_capture_on_commit_callbacks, settings
):
    sign_up(client, django_capture_on_commit_callbacks, "fr")

    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    assert sender(mail.outbox[-1]) == f"{SENDERS['fr']} <{address}>"


@pytest.mark.django_db
def test_after_an_arabic_sign_up_the_page_keeps_the_address_whole_and_the_full_stop_last(
    client, homes, django_capture_on_commit_callbacks
):
    response = sign_up(client, django_capture_on_commit_callbacks, "ar")

    content = response.content.decode()
    assert "تم إرسال رسالة التأكيد إلى " + f"{FSI}coop@example.org{PDI}." in content
    assert not misspellings(content), misspellings(content)


@pytest.mark.django_db
def test_the_arabic_sign_in_message_isolates_the_account(client, homes):
    user = UserFactory(language="ar")

    response = client.post(
        "/ar/accounts/login/", {"login": user.email, "password": PASSWORD}, follow=True
    )

    assert re.search(
        f"تم تسجيل الدخول بنجاح بحساب {FSI}[^{PDI}]+{PDI}\\.", response.content.decode()
    )


@pytest.mark.django_db
def test_a_second_sign_up_with_the_same_address_is_told_that_address(
    client, homes, django_capture_on_commit_callbacks
):
    UserFactory(email="coop@example.org", language="ar")

    sign_up(client, django_capture_on_commit_callbacks, "ar")

    body = mail.outbox[-1].body
    assert "\ncoop@example.org\n" in body
    assert not misspellings(body), misspellings(body)


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_the_sender_is_named_in_the_readers_language_at_the_configured_address(settings, language):
    settings.DEFAULT_FROM_EMAIL = "Anything <noreply@salon.example.ma>"

    assert email_sender(language) == f"{SENDERS[language]} <noreply@salon.example.ma>"


@pytest.mark.django_db
def test_the_outbox_names_the_sender_in_the_e_mails_language(settings):
    settings.DEFAULT_FROM_EMAIL = "noreply@salon.example.ma"

    stored = email_queue(to=["a@example.org"], subject="s", body_text="b", language="fr")

    assert stored.from_email == f"{SENDERS['fr']} <noreply@salon.example.ma>"
