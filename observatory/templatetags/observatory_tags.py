from django import template
from wagtail.models import Locale

from fairsite.i18n import active_language
from observatory.models import FiguresPage
from observatory.presenting import public_headlines

register = template.Library()


@register.simple_tag
def published_headlines():
    """The headline figures the council publishes, in the page's language."""
    return public_headlines(language=active_language())


@register.simple_tag
def figures_page_url():
    """The figures page in the page's language, if there is one."""
    page = FiguresPage.objects.live().filter(locale=Locale.get_active()).first()
    return page.url if page else ""
