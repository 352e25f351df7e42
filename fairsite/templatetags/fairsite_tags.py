from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from fairsite.i18n import (
    active_language,
    as_written,
    in_language,
    join_list,
    language_attributes,
    localized_html,
    localized_with_language,
    script_language,
)
from fairsite.kept import kept
from fairsite.models import PrivacyPage
from fairsite.privacy import NOTICES

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to what is being read, in each of the site's languages.

    A Wagtail page links to its translations (keeping a routable page's sub-path), or to
    that language's home page where it has none; any other view to the same URL in the
    other language.
    """
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        urls = _translation_urls(request, page)
        home = _site_home(request)
        home_urls = _translation_urls(request, home) if home else {}
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            url = urls.get(code) or home_urls.get(code) or f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


def _site_home(request) -> Page | None:
    site = Site.find_for_request(request)
    return site.root_page if site else None


def _translation_urls(request, page: Page) -> dict[str, str]:
    """The URL of each live translation of `page`, keeping a routable page's sub-path."""
    own_url, urls = kept(
        ("translation urls", getattr(Site.find_for_request(request), "pk", None), page.pk),
        lambda: _page_translation_urls(request, page),
    )
    suffix = request.path[len(own_url) :] if own_url and request.path.startswith(own_url) else ""
    return {code: url + suffix for code, url in urls.items()}


def _page_translation_urls(request, page: Page) -> tuple[str, dict[str, str]]:
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return page.get_url(request) or "", {
        translated.locale.language_code: translated.get_url(request) or ""
        for translated in translations
    }


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The children of the active language's home page that are marked "show in menus"."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"items": []}
    current = context.get("page")
    items = kept(("main menu", site.pk, get_language()), lambda: _menu_items(request, site))
    return {
        "items": [
            {
                "url": url,
                "title": title,
                "active": isinstance(current, Page) and current.path.startswith(path),
            }
            for path, url, title in items
        ]
    }


def _menu_items(request, site: Site) -> list[tuple[str, str, str]]:
    children = site.root_page.localized.get_children().live().in_menu()
    return [(item.path, item.get_url(request), item.title) for item in children]


register.filter("join_list", join_list)
register.filter("in_language", in_language)
register.filter("as_written", as_written)


@register.filter
def written_lang(text):
    """` lang="…" dir="…"` for an element holding a free text whose language is not
    recorded, judged by its script: `<dd{{ participant.offers|written_lang }}>`."""
    return language_attributes(script_language(str(text))) if text else ""


@register.simple_tag
def localized(obj, field):
    """`{% localized cooperative "description" %}`: the field in the page's language, or
    another language's text marked with its `lang` and `dir` when the page's is empty."""
    return localized_html(obj, field)


@register.simple_tag
def localized_lang(obj, field):
    """` lang="…" dir="…"` for an element that holds `obj.<field>` when the text shown is a
    fallback in another language: `<div{% localized_lang session "description" %}>`."""
    value, language = localized_with_language(obj, field)
    return language_attributes(language) if value else ""


@register.inclusion_tag("includes/privacy_notice.html")
def privacy_notice(purpose: str):
    """The notice beside a form that collects personal data: what it is used for (see
    fairsite.privacy.NOTICES), with a link to the privacy page in the reader's language."""
    page = PrivacyPage.in_language(active_language())
    return {"purpose": purpose, "text": NOTICES[purpose], "privacy_url": page.url if page else ""}


class KeptNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist, self.parts = nodelist, parts

    def render(self, context):
        key = ("fragment", *(part.resolve(context) for part in self.parts))
        return kept(key, lambda: self.nodelist.render(context))


@register.tag
def kept_fragment(parser, token):
    """`{% kept_fragment "name" what it shows... %}...{% endkept_fragment %}`: the part of a
    page that is the same for every reader, rendered once per process and kept until the
    content changes (fairsite.kept), under its name and the values it varies with (the
    language, the address with its filters). Never around a form or anything about the
    reader."""
    parts = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endkept_fragment",))
    parser.delete_first_token()
    return KeptNode(nodelist, parts)
