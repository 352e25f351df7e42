from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Fair")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from events.models import Edition, Room, Session, SessionSignup, Speaker, Track, Venue
        from fairsite.page_cache import forget_pages_when_changed

        # What the public pages show: a change is seen at once, not when the kept page expires.
        forget_pages_when_changed(Edition, Venue, Room, Track, Speaker, Session, SessionSignup)
