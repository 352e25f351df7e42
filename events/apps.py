from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Fair")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models import DateTimeField
        from wagtail.admin.ui.fields import register_display_class

        from events.fair_clock import FairTimeDisplay
        from events.models import Edition, Venue
        from events.tasks import print_jobs_resume
        from fairsite.page_cache import forget_pages_when_changed
        from fairsite.queueing import stalled_work_sweep_register

        # What the public pages show: a change is seen at once, not when the kept page expires.
        forget_pages_when_changed(Edition, Venue)

        # Inspect views show dates and times on the fair's clock.
        register_display_class(DateTimeField, display_class=FairTimeDisplay)

        # Print jobs the broker never delivered are handed out again by the periodic sweep.
        stalled_work_sweep_register(print_jobs_resume)
