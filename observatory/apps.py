from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    name = "observatory"
    verbose_name = _("Observatory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from fairsite.page_cache import forget_pages_when_changed
        from observatory.models import PublishedFigures

        # The council publishes another indicator: the home page and the figures page show it.
        forget_pages_when_changed(PublishedFigures)
