"""Behind nginx every request comes from 127.0.0.1: rate limits count the visitor's address,
taken from X-Forwarded-For as far back as the trusted proxies reach, and no further."""

from django.test import RequestFactory

from fairsite.ratelimit import client_ip


def request(forwarded: str):
    return RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)


def test_without_trusted_proxies_the_connection_is_the_client(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0

    assert client_ip(request("203.0.113.9")) == "127.0.0.1"


def test_behind_nginx_the_forwarded_address_counts_and_a_forged_one_does_not(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1  # nginx appends the address it saw

    assert client_ip(request("203.0.113.9")) == "203.0.113.9"
    assert client_ip(request("198.51.100.1, 203.0.113.9")) == "203.0.113.9"  # forged first


def test_behind_a_load_balancer_and_nginx(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2

    assert client_ip(request("198.51.100.1, 203.0.113.9, 10.0.0.2")) == "203.0.113.9"
