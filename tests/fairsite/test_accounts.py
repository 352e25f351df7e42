import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from fairsite.models import OutboundEmail, User
from fairsite.services.site import site_address_set, site_title
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://testserver(/[^\s]+)")


def test_signup_verify_and_log_in_in_arabic(client, homes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/ar/accounts/signup/",
            {
                "first_name": "Salma",
                "email": "Cooperative@Example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )

    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/confirm-email/"
    user = User.objects.get(email__iexact="cooperative@example.org")
    assert user.language == "ar"
    assert not EmailAddress.objects.get(user=user).verified
    # The message went through the outbox, in Arabic, and was sent once.
    stored = OutboundEmail.objects.get()
    assert stored.language == "ar" and stored.sent_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["cooperative@example.org"]
    assert re.search(r"[\u0600-\u06FF]", message.subject), message.subject
    link = LINK.search(message.body).group(1)
    assert link.startswith("/ar/accounts/confirm-email/")

    # Not verified yet: the log-in is refused until the link is followed.
    client.logout()
    client.post("/ar/accounts/login/", {"login": "cooperative@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session

    page = client.get(link)
    assert page.status_code == 200
    assert 'dir="rtl"' in page.content.decode()
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    logged_in = client.post(
        "/ar/accounts/login/", {"login": "cooperative@example.org", "password": PASSWORD}
    )
    assert logged_in.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signup_form_errors_are_in_the_page_language(client, homes):
    response = client.post(
        "/fr/accounts/signup/", {"email": "pas-une-adresse", "password1": "x", "password2": "y"}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Saisissez une adresse de courriel valide." in content
    assert "Ce mot de passe est trop court." in content
    assert User.objects.count() == 0


def test_password_reset_mail_is_in_the_users_language(
    client, homes, django_capture_on_commit_callbacks
):
    user = UserFactory(language="fr")

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ar/accounts/password/reset/", {"email": user.email})

    assert len(mail.outbox) == 1
    assert OutboundEmail.objects.get().language == "fr"
    assert "mot de passe" in mail.outbox[0].body.lower()


def test_repeated_failed_log_ins_are_rate_limited(client, homes):
    user = UserFactory()
    for _attempt in range(5):
        client.post("/en/accounts/login/", {"login": user.email, "password": "wrong"})

    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_an_organiser_can_turn_on_two_factor_authentication(client, homes):
    user = UserFactory()
    client.force_login(user)
    activate = "/fr/accounts/2fa/totp/activate/"

    # allauth asks for the password again before security settings change.
    assert client.get(activate)["Location"].startswith("/fr/accounts/reauthenticate/")
    client.post(f"/fr/accounts/reauthenticate/?next={activate}", {"password": PASSWORD})
    response = client.get(activate)

    assert response.status_code == 200
    assert re.search(r"[A-Z2-7]{32}", response.content.decode()), "no TOTP secret shown"


def test_account_pages_use_the_site_layout(client, homes):
    content = client.get("/ar/accounts/login/").content.decode()

    assert 'class="site-header"' in content
    assert 'lang="ar" dir="rtl"' in content


def test_log_in_and_out_keep_the_language_in_use(client, homes):
    user = UserFactory()

    logged_in = client.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})
    logged_out = client.post("/fr/accounts/logout/")

    assert logged_in["Location"] == "/fr/"
    assert logged_out["Location"] == "/fr/"


@pytest.mark.parametrize(
    ("language", "names_the_address"),
    [("fr", "compte sur salon.example.ma:8443."), ("ar", "لتسجيل حساب في salon.example.ma:8443.")],
)
def test_the_confirmation_e_mail_names_the_fair_and_its_address(
    client, homes, django_capture_on_commit_callbacks, language, names_the_address
):
    site_address_set(base_url="https://salon.example.ma:8443")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/{language}/accounts/signup/",
            {
                "first_name": "Salma",
                "email": "coop@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )

    body = mail.outbox[-1].body
    assert site_title(language) in body
    assert names_the_address in body, body
    # The link too is at the site's address, not the host the request came in on.
    assert f"//salon.example.ma:8443/{language}/accounts/confirm-email/" in body
    assert "testserver" not in body
