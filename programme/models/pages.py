from django.utils.translation import gettext_lazy as _

from fairsite.models.pages import RoutedSectionPage, live_page_in_language


class ProgrammePage(RoutedSectionPage):
    """The current edition's published programme by day, a page per session, the list of
    changes and the visitor's own agenda."""

    subpage_urlconf = "programme.page_urls"

    class Meta:
        db_table = "events_programmepage"  # made in the events app; the rows stay where they are
        verbose_name = _("programme")

    @classmethod
    def in_language(cls, language: str) -> "ProgrammePage | None":
        return live_page_in_language(cls, language)

    def session_url(self, session, *, full: bool = False) -> str:
        """The session's own page; `full` for an address to use outside the site."""
        route = self.reverse_subpage("session", args=[str(session.uid)])
        return (self.full_url if full else self.url) + route
