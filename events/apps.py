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
        from events.models import Edition, Room, Session, SessionSignup, Speaker, Track, Venue
        from fairsite.page_cache import forget_pages_when_changed

        # What the public pages show: a change is seen at once, not when the kept page expires.
        forget_pages_when_changed(Edition, Venue, Room, Track, Speaker, Session, SessionSignup)

        # Inspect views show dates and times on the fair's clock.
        register_display_class(DateTimeField, display_class=FairTimeDisplay)
