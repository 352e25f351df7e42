"""allauth's limits on failed log-ins (ACCOUNT_RATE_LIMITS["login_failed"]): after the allowed
number of failures for one account, or from one address, even the right password is refused;
but the address's limit is far above what the venue's shared address produces, so a crowd
behind it logs in."""

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.utils import translation

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/fr/accounts/login/"


def limits() -> dict[str, int]:
    """The smallest number of failures allowed per account ("key") and per address ("ip")."""
    rates = parse_rates(settings.ACCOUNT_RATE_LIMITS["login_failed"])
    return {per: min(r.amount for r in rates if r.per == per) for per in {r.per for r in rates}}


def too_many_attempts(response) -> bool:
    with translation.override("fr"):
        message = str(DefaultAccountAdapter.error_messages["too_many_login_attempts"])
    return response.status_code == 429 or message in response.content.decode()


def log_in(client, email, password):
    return client.post(LOGIN, {"login": email, "password": password})


def test_the_limits_are_configured():
    assert 0 < limits()["key"] <= 10
    assert 100 <= limits()["ip"] <= 500
    # Every log-in from the venue's address counts here, the successful ones too.
    assert 300 < parse_rates(settings.ACCOUNT_RATE_LIMITS["login"])[0].amount <= 1000


def test_failed_log_ins_for_one_account_are_cut_off(client, homes):
    user = UserFactory()
    allowed = limits()["key"]

    for _attempt in range(allowed):
        response = log_in(client, user.email, "not-the-password")
        assert response.status_code == 200 and not too_many_attempts(response)

    refused = log_in(client, user.email, PASSWORD)  # the right password, too late

    assert too_many_attempts(refused)
    assert "_auth_user_id" not in client.session


def test_another_account_is_not_locked_by_them(client, homes):
    target, other = UserFactory(), UserFactory()
    for _attempt in range(limits()["key"]):
        log_in(client, target.email, "not-the-password")

    response = log_in(client, other.email, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


def test_failed_log_ins_from_one_address_are_cut_off(client, homes):
    """Guessing across many accounts from one address: the address is stopped."""
    allowed = limits()["ip"]
    for attempt in range(allowed):
        response = log_in(client, f"guess{attempt}@fair.example", "not-the-password")
        assert not too_many_attempts(response), attempt
    user = UserFactory()

    refused = log_in(client, user.email, PASSWORD)

    assert too_many_attempts(refused)
    assert "_auth_user_id" not in client.session


def test_a_crowd_behind_the_venue_s_address_all_gets_in(homes):
    """300 exhibitors and staff behind the venue's one address, each with their own password,
    every third after one typo: all of them get in."""
    from django.test import Client

    people = UserFactory.create_batch(300)
    signed_in = []
    for number, person in enumerate(people):
        client = Client(REMOTE_ADDR="196.200.1.7")
        if number % 3 == 0:
            typo = log_in(client, person.email, PASSWORD + "x")
            assert typo.status_code == 200 and not too_many_attempts(typo), number
        response = log_in(client, person.email, PASSWORD)
        assert response.status_code == 302, (number, response.status_code)
        signed_in.append(client.session.get("_auth_user_id") == str(person.pk))

    assert all(signed_in) and len(signed_in) == 300


def test_guessing_one_account_from_the_venue_s_address_is_still_stopped(client, homes):
    user = UserFactory()
    guesses = [log_in(client, user.email, f"guess-{n}") for n in range(limits()["key"] + 5)]

    assert [too_many_attempts(r) for r in guesses] == [False] * limits()["key"] + [True] * 5
    assert too_many_attempts(log_in(client, user.email, PASSWORD))
    assert "_auth_user_id" not in client.session


def test_the_admin_s_log_in_is_the_same_limited_form(client, homes):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code in (301, 302)
    assert response["Location"].split("?")[0].endswith("/accounts/login/")
