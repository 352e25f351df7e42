from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the page being read, in each of the site's languages."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    urls = _page_translation_urls(request, page) if isinstance(page, Page) else {}
    links = [
        {
            "code": code,
            "name": name,
            "url": urls.get(code) or translate_url(request.get_full_path(), code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {"links": links}


def _page_translation_urls(request, page: Page) -> dict[str, str]:
    """The URL of each live translation of `page`, keeping a routable page's sub-path."""
    own_url = page.get_url(request) or ""
    suffix = request.path[len(own_url):] if own_url and request.path.startswith(own_url) else ""
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {
        translated.locale.language_code: (translated.get_url(request) or "") + suffix
        for translated in translations
    }


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page of the active language and its children marked "show in menus"."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "items": []}
    home = site.root_page.localized
    items = home.get_children().live().in_menu()
    current = context.get("page")
    return {
        "home": home,
        "items": [
            {"page": item, "active": current is not None and current.path.startswith(item.path)}
            for item in items
        ],
        "request": request,
    }
