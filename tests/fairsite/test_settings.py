import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x7#qv2!fair-oujda-oriental-production-secret-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "salon.example.ma",
    "CSRF_TRUSTED_ORIGINS": "https://salon.example.ma",
    "WAGTAILADMIN_BASE_URL": "https://salon.example.ma",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.ma:587",
    "BADGE_SIGNING_KEY": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    base.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "BADGE_SIGNING_KEY"])
def test_production_refuses_to_start_without(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


def test_email_url_configures_smtp():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS)",
        env=PRODUCTION_ENV,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-5:] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.ma",
        "587",
        "mailer",
        "True",
    ]


def test_media_in_an_object_store_are_allowed_as_images_and_nothing_else():
    """STORAGE_BACKEND=s3: both policies let pages show images from the media bucket."""
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']); "
        "print(s.CONTENT_SECURITY_POLICY_ADMIN['DIRECTIVES']['img-src']); "
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src'])",
        env={
            **PRODUCTION_ENV,
            "STORAGE_BACKEND": "s3",
            "S3_REGION": "eu-west-3",
            "S3_MEDIA_BUCKET": "salon-media",
            "S3_MEDIA_DOMAIN": "media.salon.example.ma",
            "S3_PRIVATE_BUCKET": "salon-private",
            "S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
            "S3_SECRET_ACCESS_KEY": "example-secret",
        },
    )

    assert result.returncode == 0, result.stderr
    site, admin, scripts = result.stdout.strip().splitlines()[-3:]
    assert "https://media.salon.example.ma" in site and "https://media.salon.example.ma" in admin
    assert scripts == "[\"'self'\"]"


def test_production_refuses_the_development_secret_key():
    env = PRODUCTION_ENV | {
        "SECRET_KEY": "django-insecure-development-key-never-used-in-production"
    }

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "development key" in result.stderr
