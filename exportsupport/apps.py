from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportSupportConfig(AppConfig):
    name = "exportsupport"
    verbose_name = _("Export support")
    default_auto_field = "django.db.models.BigAutoField"
