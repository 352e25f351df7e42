from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = _("Programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from fairsite.page_cache import forget_pages_when_changed
        from fairsite.queueing import stalled_work_sweep_register
        from programme.models import Room, Session, SessionSignup, Speaker, Track
        from programme.tasks import session_changes_resume

        # What the public pages show: a change is seen at once, not when the kept page expires.
        forget_pages_when_changed(Room, Track, Speaker, Session, SessionSignup)

        # Session changes nobody was told of are handed out again by the periodic sweep.
        stalled_work_sweep_register(session_changes_resume)
