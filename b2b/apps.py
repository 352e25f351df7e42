from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class B2BConfig(AppConfig):
    name = "b2b"
    label = "b2b"
    verbose_name = _("B2B meetings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import b2b.tasks  # noqa: F401  (its tasks are queued by name)
