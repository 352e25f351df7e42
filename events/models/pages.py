from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


class ProgrammePage(RoutablePageMixin, Page):
    """The current edition's published programme by day, a page per session, the list of
    changes and the visitor's own agenda."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["fairsite.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme")

    @classmethod
    def in_language(cls, language: str) -> "ProgrammePage | None":
        return cls.objects.live().filter(locale__language_code=language).first()

    def session_url(self, session, *, full: bool = False) -> str:
        """The session's own page; `full` for an address to use outside the site."""
        route = self.reverse_subpage("session", args=[str(session.uid)])
        return (self.full_url if full else self.url) + route
