from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from fairsite.models.pages import SectionPage


class ProgrammePage(RoutablePageMixin, SectionPage):
    """The current edition's published programme by day, a page per session, the list of
    changes and the visitor's own agenda."""

    class Meta:
        verbose_name = _("programme")

    @classmethod
    def in_language(cls, language: str) -> "ProgrammePage | None":
        return cls.objects.live().filter(locale__language_code=language).first()

    def session_url(self, session, *, full: bool = False) -> str:
        """The session's own page; `full` for an address to use outside the site."""
        route = self.reverse_subpage("session", args=[str(session.uid)])
        return (self.full_url if full else self.url) + route

    # The views live in events/programme_views.py, which imports the models: imported
    # where used, to avoid the cycle.
    @path("", name="index")
    def index_route(self, request):
        from events.programme_views import programme_index

        return programme_index(request, self)

    @path("agenda/", name="agenda")
    def agenda_route(self, request):
        from events.programme_views import agenda_view

        return agenda_view(request, self)

    @path("agenda/reset/", name="agenda_reset")
    def agenda_reset_route(self, request):
        from events.programme_views import agenda_reset_view

        return agenda_reset_view(request, self)

    @path("changes/", name="changes")
    def changes_route(self, request):
        from events.programme_views import changes_view

        return changes_view(request, self)

    @path("signups/<int:signup_id>/cancel/", name="signup_cancel")
    def signup_cancel_route(self, request, signup_id):
        from events.programme_views import signup_cancel_view

        return signup_cancel_view(request, self, signup_id)

    @path("<uuid:uid>/", name="session")
    def session_route(self, request, uid):
        from events.programme_views import session_detail

        return session_detail(request, self, uid)

    @path("<uuid:uid>/signup/", name="signup")
    def signup_route(self, request, uid):
        from events.programme_views import session_signup_view

        return session_signup_view(request, self, uid)

    @path("<uuid:uid>/star/", name="star")
    def star_route(self, request, uid):
        from events.programme_views import session_star_view

        return session_star_view(request, self, uid)

    @path("<uuid:uid>/unstar/", name="unstar")
    def unstar_route(self, request, uid):
        from events.programme_views import session_unstar_view

        return session_unstar_view(request, self, uid)
