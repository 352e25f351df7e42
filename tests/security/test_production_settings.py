"""Production settings, loaded as production loads them (a process of their own, with the
environment a deployment gives): cookies only over HTTPS, HSTS, the redirect to HTTPS except
for the probes, the policy middleware in place, and `check --deploy` clean."""

import json

import pytest

from tests.fairsite.test_settings import PRODUCTION_ENV, manage

READ_SETTINGS = """
import json
from django.conf import settings as s
from django.test import Client

client = Client(HTTP_HOST="salon.example.ma")
answers = {path: client.get(path) for path in ["/healthz", "/ar/", "/admin/"]}
print(json.dumps({
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "SESSION_COOKIE_HTTPONLY": s.SESSION_COOKIE_HTTPONLY,
    "CSRF_COOKIE_SECURE": s.CSRF_COOKIE_SECURE,
    "LANGUAGE_COOKIE_SECURE": s.LANGUAGE_COOKIE_SECURE,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "MIDDLEWARE": s.MIDDLEWARE,
    "CONTENT_SECURITY_POLICY": s.CONTENT_SECURITY_POLICY,
    "answers": {
        path: [response.status_code, response.get("Location", "")]
        for path, response in answers.items()
    },
}))
"""


@pytest.fixture(scope="module")
def production():
    result = manage("shell", "-c", READ_SETTINGS, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_cookies_go_only_over_https_and_not_to_scripts(production):
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["LANGUAGE_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_HTTPONLY"] is True


def test_https_is_required_and_remembered(production):
    assert production["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 180
    assert production["SECURE_SSL_REDIRECT"] is True
    for path in ["/ar/", "/admin/"]:
        status, location = production["answers"][path]
        assert status == 301 and location == f"https://salon.example.ma{path}", path


def test_the_probes_answer_over_plain_http(production):
    """Load balancers probe over plain HTTP, by address: fairsite/health.py answers first."""
    assert production["answers"]["/healthz"] == [200, ""]
    middleware = production["MIDDLEWARE"]
    assert middleware.index("fairsite.health.HealthCheckMiddleware") < middleware.index(
        "django.middleware.security.SecurityMiddleware"
    )


def test_the_content_security_policy_is_on(production):
    assert "fairsite.csp.ContentSecurityPolicyMiddleware" in production["MIDDLEWARE"]
    directives = production["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_the_deployment_checklist_stays_clean_with_the_policy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
