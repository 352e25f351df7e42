"""The Celery application: configured from Django's settings (the CELERY_* names), logging
as the web processes do, one line per task carrying the id of the request that queued it."""

import os
from logging.config import dictConfig

from celery import Celery
from celery.signals import before_task_publish, setup_logging, task_postrun, task_prerun
from django.conf import settings

from fairsite import logs

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("fairsite")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

before_task_publish.connect(logs.task_headers_add, weak=False)
task_prerun.connect(logs.task_started, weak=False)
task_postrun.connect(logs.task_finished, weak=False)


@setup_logging.connect
def logging_from_django(**kwargs):
    """Django's LOGGING for the worker too (JSON lines in production), not Celery's format."""
    dictConfig(settings.LOGGING)
