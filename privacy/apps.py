from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """People's rights over their data (law 09-08): what the site holds about a person, its
    export and erasure, and how long each kind of record is kept. It reads every app's
    records, so it stands above them; no app imports it."""

    name = "privacy"
    verbose_name = _("Personal data")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Each app describes the personal data of its own records in `personal_data.py`.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("personal_data")
