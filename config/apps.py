from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectConfig(AppConfig):
    """The project: settings, URLs, the Celery app and the commands that set up a site
    (`setup_site`, `seed_demo`). It may import every app; no app imports it."""

    name = "config"
    verbose_name = _("Project")
