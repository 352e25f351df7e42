from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from fairsite.blocks import RICH_TEXT_FEATURES
from fairsite.models.pages import live_page_in_language

from .editions import Edition


class PracticalInfoPage(Page):
    """Practical information for visitors: the current edition's venue, its address and
    access map, the opening hours of each day and how to get there, then the editors' text.

    The venue and the hours are the edition's records, kept once for every language's page.
    """

    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["fairsite.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practical information page")

    @classmethod
    def in_language(cls, language: str) -> "PracticalInfoPage | None":
        return live_page_in_language(cls, language)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        edition = Edition.objects.current()
        context["edition"] = edition
        context["venue"] = edition.venue if edition else None
        context["opening_hours"] = list(edition.opening_hours.all()) if edition else []
        return context
