"""Accounts by mobile number: a sign-up with a phone and no e-mail, its code by SMS, signing in
with the number however it is written, and the limits on codes."""

import re

import pytest
from django.utils import translation

from fairsite import sms
from fairsite.models import OutboundSms, User
from fairsite.phones import NOT_MOBILE_MESSAGE
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NUMBER = "+212612345678"
VERIFY = "/ar/accounts/phone/verify/"


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def code_in(message) -> str:
    return re.search(r"\b\d{6}\b", message.body).group(0)


def sign_up_by_phone(client, capture, phone="06 12 34 56 78", language="ar"):
    with capture(execute=True):
        return client.post(
            f"/{language}/accounts/signup/",
            {
                "first_name": "Salma",
                "email": "",
                "phone": phone,
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )


def test_sign_up_with_a_phone_only_in_arabic(client, homes, django_capture_on_commit_callbacks):
    response = sign_up_by_phone(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == VERIFY
    user = User.objects.get(phone=NUMBER)
    assert user.email is None and not user.phone_verified and user.language == "ar"
    # The code went through the SMS outbox, in Arabic, to the number in international form.
    [message] = sms.outbox
    assert message.to == NUMBER
    stored = OutboundSms.objects.get()
    assert stored.language == "ar" and stored.sent_at is not None
    with translation.override("ar"):
        assert message.body.startswith(code_in(message))

    page = client.get(VERIFY)
    content = page.content.decode()
    assert 'dir="rtl"' in content
    assert 'href="tel:+212612345678" dir="ltr">06 12 34 56 78</a>' in content
    assert "_auth_user_id" not in client.session

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(VERIFY, {"code": code_in(message)})

    assert done.status_code == 302
    assert done["Location"] == "/ar/"
    assert client.session["_auth_user_id"] == str(user.pk)
    user.refresh_from_db()
    assert user.phone_verified


def test_a_wrong_code_is_refused(client, homes, django_capture_on_commit_callbacks):
    sign_up_by_phone(client, django_capture_on_commit_callbacks)
    wrong = "000000" if code_in(sms.outbox[0]) != "000000" else "111111"

    response = client.post(VERIFY, {"code": wrong})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert not User.objects.get(phone=NUMBER).phone_verified


@pytest.mark.parametrize("written", ["06 12 34 56 78", "+212612345678", "00212 6 12 34 56 78"])
def test_sign_in_with_the_number_however_it_is_written(client, homes, written):
    user = UserFactory(email=None, verified=False, phone=NUMBER, phone_verified=True)

    response = client.post("/ar/accounts/login/", {"login": written, "password": PASSWORD})

    assert response.status_code == 302, response.content.decode()
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signing_in_with_an_unverified_number_asks_for_its_code_first(
    client, homes, django_capture_on_commit_callbacks
):
    user = UserFactory(
        email=None, verified=False, phone=NUMBER, phone_verified=False, language="fr"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ar/accounts/login/", {"login": "0612345678", "password": PASSWORD})

    assert response["Location"] == VERIFY
    assert "_auth_user_id" not in client.session
    # In the account's language, not the page's.
    assert OutboundSms.objects.get().language == "fr"
    client.post(VERIFY, {"code": code_in(sms.outbox[-1])})
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_landline_gets_a_clear_arabic_error(client, homes):
    response = client.post(
        "/ar/accounts/signup/",
        {
            "first_name": "Salma",
            "phone": "05 36 68 12 34",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 200
    with translation.override("ar"):
        assert str(NOT_MOBILE_MESSAGE) in response.content.decode()
    assert not User.objects.exists()
    assert sms.outbox == []


def test_a_sign_up_needs_an_e_mail_or_a_phone(client, homes):
    response = client.post(
        "/en/accounts/signup/",
        {
            "first_name": "Salma",
            "email": "",
            "phone": "",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 200
    assert "Enter an e-mail address or a mobile number." in response.content.decode()
    assert not User.objects.exists()


def test_a_second_sign_up_with_a_number_creates_nothing_and_tells_its_owner(
    client, homes, django_capture_on_commit_callbacks
):
    owner = UserFactory(
        email=None, verified=False, phone=NUMBER, phone_verified=True, language="ar"
    )

    response = sign_up_by_phone(client, django_capture_on_commit_callbacks, phone="0612345678")

    # The page answers as for a new number: nobody learns whose number it is.
    assert response["Location"] == VERIFY
    assert list(User.objects.all()) == [owner]
    [message] = sms.outbox
    assert message.to == NUMBER and not re.search(r"\b\d{6}\b", message.body)


def test_codes_cannot_be_sent_in_a_burst(client, homes, django_capture_on_commit_callbacks):
    sign_up_by_phone(client, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(VERIFY, {"action": "resend"}, follow=True)

    # One code a minute for a number: the new one is refused, with a message.
    assert len(sms.outbox) == 1
    assert response.status_code == 200
    assert 'class="message message--error"' in response.content.decode()


def test_an_account_with_both_verifies_its_phone_then_its_e_mail(
    client, homes, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/fr/accounts/signup/",
            {
                "first_name": "Salma",
                "email": "coop@example.org",
                "phone": "0612345678",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/accounts/phone/verify/", {"code": code_in(sms.outbox[0])})

    # The phone is verified; the e-mail still has to be, before the account signs in.
    assert response["Location"] == "/fr/accounts/confirm-email/"
    assert User.objects.get(phone=NUMBER).phone_verified
    assert "_auth_user_id" not in client.session
    assert len(mailoutbox) == 1
