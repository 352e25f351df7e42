import functools
from importlib import import_module

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from fairsite.blocks import BodyBlock, KeyFigureBlock
from fairsite.kept import kept_copy


def live_page_in_language(model: type[Page], language: str) -> Page | None:
    """The live page of `model` (one per language's tree) in `language`, kept per process
    until pages change (fairsite.kept)."""
    return kept_copy(
        ("page in language", model._meta.label, language),
        lambda: model.objects.live().filter(locale__language_code=language).first(),
    )


class HomePage(Page):
    """The front page of one language's tree: this edition, key figures, what to do next."""

    intro = models.TextField(_("introduction"), blank=True)
    key_figures = StreamField(
        [("figure", KeyFigureBlock())], blank=True, verbose_name=_("key figures")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        # The current edition comes from its own app's template tag (`current_edition`).
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsArticlePage.objects.live().descendant_of(self).order_by("-date")[:3]
        )
        return context


class SectionPage(Page):
    """A section of the site (the directory, the programme, the partnerships, the figures):
    one page under each language's home page, with an introduction above what it lists."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["fairsite.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class RoutedSectionPage(RoutablePageMixin, SectionPage):
    """A section page with pages of its own below its address (a session, an exhibitor's
    profile, a partner region), answered by views of its app.

    The views are listed in the URLconf named by `subpage_urlconf`, as the site's are in
    ROOT_URLCONF, and each is called with the page as `page`: `view(request, page=..., **kw)`.
    The page's model never imports its views, which import the models.
    """

    subpage_urlconf = ""

    class Meta:
        abstract = True

    @classmethod
    def get_subpage_urls(cls):
        return tuple(import_module(cls.subpage_urlconf).urlpatterns)

    def resolve_subpage(self, path):
        match = self.get_resolver().resolve(path)
        match.func = functools.partial(match.func, page=self)
        return match


class StandardPage(Page):
    """A page of text and images: about the fair, practical information, the region."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["fairsite.HomePage", "fairsite.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class PrivacyPage(Page):
    """The privacy notice (law 09-08): who collects personal data, why, who receives it, how
    long it is kept and how people exercise their rights. Every form that collects personal
    data links to it, in the reader's language."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["fairsite.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy page")

    @classmethod
    def in_language(cls, language: str) -> "PrivacyPage | None":
        return live_page_in_language(cls, language)


class NewsIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["fairsite.HomePage"]
    subpage_types = ["fairsite.NewsArticlePage"]
    articles_per_page = 10

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = NewsArticlePage.objects.live().child_of(self).order_by("-date", "-pk")
        context["articles"] = Paginator(articles, self.articles_per_page).get_page(
            request.GET.get("page")
        )
        return context


class NewsArticlePage(Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("summary"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["fairsite.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
