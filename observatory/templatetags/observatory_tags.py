from django import template
from django.utils.translation import get_language
from wagtail.models import Locale

from observatory.models import FiguresPage
from observatory.presenting import public_headlines

register = template.Library()


@register.simple_tag
def published_headlines():
    """The headline figures the council publishes, in the page's language."""
    return public_headlines(language=(get_language() or "ar").split("-")[0])


@register.simple_tag
def figures_page_url():
    """The figures page in the page's language, if there is one."""
    page = FiguresPage.objects.live().filter(locale=Locale.get_active()).first()
    return page.url if page else ""
