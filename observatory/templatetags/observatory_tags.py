from django import template

from fairsite.i18n import active_language
from fairsite.kept import kept
from fairsite.models.pages import live_page_in_language
from observatory.models import FiguresPage
from observatory.presenting import public_headlines

register = template.Library()


@register.simple_tag
def published_headlines():
    """The headline figures the council publishes, in the page's language."""
    language = active_language()
    return kept(("published headlines", language), lambda: public_headlines(language=language))


@register.simple_tag
def figures_page_url():
    """The figures page in the page's language, if there is one."""
    page = live_page_in_language(FiguresPage, active_language())
    return page.url if page else ""
