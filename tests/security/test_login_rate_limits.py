"""allauth's limits on failed log-ins (ACCOUNT_RATE_LIMITS["login_failed"]): after the allowed
number of failures for one account, or from one address, even the right password is refused."""

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.utils import translation

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/fr/accounts/login/"


def limits() -> dict[str, int]:
    rates = parse_rates(settings.ACCOUNT_RATE_LIMITS["login_failed"])
    return {rate.per: rate.amount for rate in rates}


def too_many_attempts(response) -> bool:
    with translation.override("fr"):
        message = str(DefaultAccountAdapter.error_messages["too_many_login_attempts"])
    return response.status_code == 429 or message in response.content.decode()


def log_in(client, email, password):
    return client.post(LOGIN, {"login": email, "password": password})


def test_the_limits_are_configured():
    assert 0 < limits()["key"] <= 10
    assert 0 < limits()["ip"] <= 50


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
