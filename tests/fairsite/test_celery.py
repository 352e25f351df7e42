import uuid

import pytest
from django.conf import settings

from config import celery_app
from fairsite.logs import request_id_var
from fairsite.tasks import task_ping


@pytest.fixture
def real_broker():
    """Send tasks to the broker for this test, instead of running them in-process."""
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = eager


def test_tasks_run_in_process_when_no_broker_is_configured():
    result = task_ping.delay(payload="eager")

    assert result.get(timeout=1)["payload"] == "eager"


@pytest.mark.worker
@pytest.mark.skipif(
    not settings.REDIS_URL, reason="REDIS_URL is unset: no broker, no real worker to reach"
)
def test_a_task_goes_through_redis_to_a_real_worker_and_back(real_broker):
    payload = uuid.uuid4().hex
    token = request_id_var.set("req-through-redis")
    try:
        result = task_ping.delay(payload=payload).get(timeout=30)
    finally:
        request_id_var.reset(token)

    assert result["payload"] == payload
    assert result["worker"], "answered without a worker"
    assert result["request_id"] == "req-through-redis"  # carried in the task's headers
