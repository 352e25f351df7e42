from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitorsConfig(AppConfig):
    name = "exhibitors"
    verbose_name = _("Exhibitors")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from exhibitors.models import (
            Application,
            Certification,
            Cooperative,
            CooperativePhoto,
            Product,
            Stand,
        )
        from fairsite.page_cache import forget_pages_when_changed

        # What the public pages show: a change is seen at once, not when the kept page expires.
        forget_pages_when_changed(
            Cooperative, Product, Stand, Application, Certification, CooperativePhoto
        )
