"""Redis goes away (cache and broker): pages still render, a visitor's registration is
saved with its e-mail in the outbox, and the e-mail goes out once, through a real worker
process, when Redis is back."""

import datetime
import time
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import timezone
from redis import Redis

from config import celery_app
from events.models import Attendee
from fairsite.cache import ResilientRedisCache
from fairsite.models import OutboundEmail
from fairsite.services.mail import email_deliver
from fairsite.tasks import task_send_pending_emails
from tests.faults import TcpRelay
from tests.processes import start_worker, stop

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not settings.REDIS_URL, reason="REDIS_URL is unset: no Redis to lose"),
]

FORM = {
    "full_name": "Salma Alaoui",
    "email": "salma@fair.example",
    "organisation": "",
    "how_heard": "social_media",
    "language": "fr",
}


@pytest.fixture
def redis_through_relay(settings):
    """Cache and broker reach Redis through a relay the test can cut; a database of Redis
    of their own, so no other worker takes these tasks."""
    redis = urlsplit(settings.REDIS_URL)
    relay = TcpRelay((redis.hostname, redis.port or 6379))
    url = f"redis://127.0.0.1:{relay.port}/11"
    Redis(host=redis.hostname, port=redis.port or 6379, db=11).flushdb()  # nothing left over
    settings.CACHES = {
        "default": {
            "BACKEND": "fairsite.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    keys = ("broker_url", "task_always_eager", "task_default_queue")
    before = {key: celery_app.conf[key] for key in keys}
    broker_use(url, task_always_eager=False, task_default_queue=f"redis-down-{relay.port}")
    ResilientRedisCache.reset()
    relay.url = url
    yield relay
    relay.close()
    broker_use(**before)
    ResilientRedisCache.reset()


def broker_use(broker_url, **conf):
    """Send tasks to `broker_url` from now on: the app's connection pools were made for the
    broker it had, so new ones are made (the old ones stay, for whoever holds them)."""
    celery_app.conf.update(broker_url=broker_url, **conf)
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def test_redis_down_then_back(client, homes, registration_open, redis_through_relay, caplog):
    redis_through_relay.cut()

    started = time.perf_counter()
    home = client.get("/fr/")
    registered = client.post("/fr/visit/", FORM)
    elapsed = time.perf_counter() - started

    assert home.status_code == 200
    assert registered.status_code == 302
    assert Attendee.objects.filter(email="salma@fair.example").exists()
    email = OutboundEmail.objects.get()
    assert email.sent_at is None  # kept in the outbox
    assert elapsed < 5, f"the visitor waited {elapsed:.1f} s for a broker that is down"
    assert "Redis does not answer" in caplog.text  # the cache missed
    assert "left for the next sweep" in caplog.text  # and the broker refused the task

    redis_through_relay.restore()
    ResilientRedisCache.reset()
    OutboundEmail.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=5))
    worker = start_worker(celery_app.conf.task_default_queue, REDIS_URL=redis_through_relay.url)
    try:
        assert task_send_pending_emails() == 1  # the sweep hands it to the worker
        deadline = time.monotonic() + 60
        while OutboundEmail.objects.filter(sent_at__isnull=True).exists():
            assert time.monotonic() < deadline, "the e-mail never went out"
            time.sleep(0.2)
        assert task_send_pending_emails() == 0  # sent: nothing more to hand out
    finally:
        stop(worker)

    assert email_deliver(email_id=email.pk) is False  # sent already: never a second time
    assert client.get("/fr/").status_code == 200
