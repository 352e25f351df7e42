"""The load balancer's probes: /healthz (the process answers) and /readyz (what the process
needs answers), with nothing said about why a check fails."""

import json

import pytest
from django.db.migrations.executor import MigrationExecutor

from fairsite import health

pytestmark = pytest.mark.django_db


def test_healthz_answers_a_probe_by_ip_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["fair.example"]

    response = client.get("/healthz", HTTP_HOST="10.0.0.7")

    assert response.status_code == 200 and response.json() == {"up": True}
    assert response["Cache-Control"] == "no-store"
    assert client.post("/healthz", HTTP_HOST="fair.example").status_code != 200  # probes only


def test_readyz_is_ready_when_every_check_passes(client):
    response = client.get("/readyz/")

    assert response.status_code == 200
    assert response.json() == {
        "ready": True,
        "degraded": False,
        "checks": {"database": "ok", "migrations": "ok", "cache": "ok", "broker": "ok"},
    }


def test_readyz_reports_an_unreachable_cache_and_says_no_more(client, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }

    response = client.get("/readyz")

    # Still ready: pages render without the cache; but degraded, and the check says which.
    assert response.status_code == 200
    body = response.json()
    assert body["ready"] and body["degraded"]
    assert body["checks"]["cache"] == "failing" and body["checks"]["database"] == "ok"
    assert "127.0.0.1" not in response.content.decode() and "Error" not in json.dumps(body)
    assert "the cache check failed" in caplog.text  # the reason is in the log


def test_readyz_reports_an_unreachable_broker(client, settings, monkeypatch):
    from config.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")

    response = client.get("/readyz")

    assert response.status_code == 200 and response.json()["checks"]["broker"] == "failing"


def test_readyz_fails_while_migrations_are_not_applied(client, monkeypatch):
    monkeypatch.setattr(health, "_migrated", False)
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("x", False)])

    response = client.get("/readyz")

    assert response.status_code == 503 and response.json()["checks"]["migrations"] == "failing"
    assert response.json()["ready"] is False


def test_readyz_fails_without_the_database(client, monkeypatch):
    def unreachable():
        raise OSError("connection refused")

    monkeypatch.setitem(health.CHECKS, "database", unreachable)

    response = client.get("/readyz")

    assert response.status_code == 503 and response.json()["checks"]["database"] == "failing"
