"""The skeleton every installation needs: a locale per language and a home page in each."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from fairsite.models import HomePage

# The address Wagtail's first migration gives the default site: no address chosen yet.
WAGTAIL_PLACEHOLDER_ADDRESS = ("localhost", 80)


def locales_ensure() -> dict[str, Locale]:
    """One Wagtail locale per language of the site, keyed by language code."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def site_title(language: str) -> str:
    with translation.override(language):
        return _("Regional Fair of the Social and Solidarity Economy")


@transaction.atomic
def home_pages_ensure() -> dict[str, HomePage]:
    """Make the default site's root a HomePage with a translation in every language.

    Idempotent: pages that exist are kept as they are, whatever editors did to them.
    """
    locales = locales_ensure()
    default = settings.LANGUAGE_CODE
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=locales[default]).first()
    if home is None:
        _placeholder_pages_delete()
        home = root.add_child(
            instance=HomePage(title=site_title(default), slug="home", locale=locales[default])
        )
    homes = {default: home}
    for code, locale in locales.items():
        if code == default:
            continue
        translated = HomePage.objects.filter(
            translation_key=home.translation_key, locale=locale
        ).first()
        if translated is None:
            translated = root.add_child(
                instance=HomePage(
                    title=site_title(code),
                    slug=f"home-{code}",
                    locale=locale,
                    translation_key=home.translation_key,
                )
            )
        homes[code] = translated
    _default_site_point_at(home)
    return homes


def _placeholder_pages_delete() -> None:
    # Wagtail's first migration leaves an empty "Welcome to your new Wagtail site!" page.
    page_type = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=page_type):
        if page.get_children_count() == 0:
            page.delete()


def site_address(base_url: str | None = None) -> tuple[str, int]:
    """The host name and port of `base_url` (WAGTAILADMIN_BASE_URL by default): the address
    the site's links (calendar feeds, e-mails) must carry."""
    address = urlsplit(base_url or settings.WAGTAILADMIN_BASE_URL)
    return address.hostname or "localhost", address.port or (
        443 if address.scheme == "https" else 80
    )


def public_base_url() -> str:
    """The address the site is served at, without a trailing slash: every absolute link the
    site hands out (e-mails, printed log-ins, feeds, PDFs) starts with it.

    The default Wagtail site's address is the one source, as pages' own full URLs use it;
    WAGTAILADMIN_BASE_URL stands in while the site still has Wagtail's placeholder
    (localhost:80) or there is none, and gives the scheme when it names the same address.
    """
    configured = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    if site is None or (site.hostname, site.port) == WAGTAIL_PLACEHOLDER_ADDRESS:
        return configured
    if (site.hostname, site.port) == site_address(configured):
        return configured
    return site.root_url


def public_url(path: str) -> str:
    """`path` (from reverse(), with its language prefix) at the site's public address."""
    return public_base_url() + path


def site_address_set(*, base_url: str) -> Site:
    """The default site answers at `base_url` (a demo served at another port, a site moved
    to a new domain): pages' full URLs and every link the site sends follow."""
    hostname, port = site_address(base_url)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site


def _default_site_point_at(home: HomePage) -> None:
    """The default site serves the home page, at the configured address; Wagtail's own
    placeholder address (localhost:80) is replaced, one an editor chose is kept."""
    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=site_title(settings.LANGUAGE_CODE),
        )
        return
    site.root_page = home
    if (site.hostname, site.port) == WAGTAIL_PLACEHOLDER_ADDRESS:
        site.hostname, site.port = hostname, port
    # Wagtail's placeholder site has no name; the admin and the site's e-mails show one.
    site.site_name = site.site_name or site_title(settings.LANGUAGE_CODE)
    site.save(update_fields=["root_page", "hostname", "port", "site_name"])


def section_pages_ensure(*, homes: dict, page_class, slug: str, title) -> dict:
    """A section of the site (the directory, the programme...) under each language's home
    page, at /<lang>/<slug>/, in the main menu; `title` is translated in each language.

    Idempotent: a page that exists is kept as editors left it. The pages of the different
    languages are translations of one another, and a language added later joins them.
    """
    pages = {}
    key = (
        page_class.objects.filter(locale_id__in=[home.locale_id for home in homes.values()])
        .values_list("translation_key", flat=True)
        .first()
    )
    for code, home in homes.items():
        page = page_class.objects.child_of(home).first()
        if page is None:
            with translation.override(code):
                page = page_class(
                    title=str(title), slug=slug, locale=home.locale, show_in_menus=True
                )
            if key is not None:
                page.translation_key = key
            home.add_child(instance=page)
        key = key or page.translation_key
        pages[code] = page
    return pages
