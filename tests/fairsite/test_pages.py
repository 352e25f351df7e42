import re

import pytest
from django.test import Client
from wagtail.models import Locale

from fairsite.models import NewsArticlePage, NewsIndexPage, StandardPage

pytestmark = pytest.mark.django_db

HTML_TAG = re.compile(r"<html lang=\"(?P<lang>[a-z]+)\" dir=\"(?P<dir>rtl|ltr)\">")


def html_lang_dir(response) -> tuple[str, str]:
    match = HTML_TAG.search(response.content.decode())
    assert match, "no <html lang dir> in the page"
    return match["lang"], match["dir"]


def about_pages(homes) -> dict[str, StandardPage]:
    pages = {}
    key = None
    for code, slug, title in [
        ("ar", "about", "عن المعرض"),
        ("fr", "a-propos", "À propos"),
        ("en", "about", "About"),
    ]:
        page = StandardPage(title=title, slug=slug, locale=homes[code].locale, show_in_menus=True)
        if key:
            page.translation_key = key
        homes[code].add_child(instance=page)
        key = page.translation_key
        pages[code] = page
    return pages


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_home_renders_with_lang_and_dir(client, homes, edition, language, direction):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert html_lang_dir(response) == (language, direction)
    assert response.context["page"].pk == homes[language].pk


def test_home_shows_the_current_edition_in_the_page_language(client, homes, edition):
    arabic = client.get("/ar/").content.decode()
    french = client.get("/fr/").content.decode()

    assert edition.name_ar in arabic and edition.name_fr not in arabic
    assert edition.name_fr in french and edition.name_ar not in french
    assert f'datetime="{edition.starts_on.isoformat()}"' in french
    assert f"{edition.starts_on.day} mai {edition.starts_on.year}" in french
    # Moroccan month names, not the Middle-Eastern ones of Django's catalogue (مايو).
    assert f"{edition.starts_on.day} ماي {edition.starts_on.year}" in arabic


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("fr-FR,fr;q=0.9", "/fr/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("ar-MA", "/ar/"),
        ("de-DE", "/ar/"),
        ("", "/ar/"),
    ],
)
def test_root_redirects_by_accept_language(homes, accept_language, target):
    response = Client(HTTP_ACCEPT_LANGUAGE=accept_language).get("/")

    assert response.status_code == 302
    assert response["Location"] == target


def test_switcher_links_to_the_translation_of_the_same_page(client, homes):
    pages = about_pages(homes)

    response = client.get("/ar/about/")

    links = dict(
        re.findall(r'<a href="([^"]+)" lang="([a-z]+)" hreflang', response.content.decode())
    )
    assert {lang: url for url, lang in links.items()} == {
        "ar": "/ar/about/",
        "fr": "/fr/a-propos/",
        "en": "/en/about/",
    }
    assert client.get("/fr/a-propos/").context["page"].pk == pages["fr"].pk


def test_switcher_on_an_untranslated_page_goes_to_that_language_home(client, homes):
    homes["fr"].add_child(
        instance=StandardPage(title="Seulement en français", slug="seul", locale=homes["fr"].locale)
    )

    content = client.get("/fr/seul/").content.decode()

    assert 'href="/ar/" lang="ar"' in content
    assert 'href="/fr/seul/" lang="fr"' in content


def test_switcher_on_an_account_page_keeps_the_path_and_query(client, homes):
    content = client.get("/ar/accounts/login/?next=/ar/about/").content.decode()

    assert 'href="/fr/accounts/login/?next=/ar/about/" lang="fr"' in content


def test_menu_lists_the_pages_of_the_active_language(client, homes):
    about_pages(homes)

    arabic = client.get("/ar/").content.decode()
    french = client.get("/fr/").content.decode()

    assert 'href="/ar/about/"' in arabic and "عن المعرض" in arabic
    assert 'href="/fr/a-propos/"' in french and "عن المعرض" not in french


def test_news_index_lists_live_articles_newest_first(client, homes):
    index = homes["fr"].add_child(
        instance=NewsIndexPage(title="Actualités", slug="actualites", locale=homes["fr"].locale)
    )
    for day, title in [(1, "Ancienne"), (20, "Récente")]:
        index.add_child(
            instance=NewsArticlePage(
                title=title, slug=f"a{day}", date=f"2027-01-{day:02d}", locale=index.locale
            )
        )
    index.add_child(
        instance=NewsArticlePage(title="Brouillon", slug="draft", live=False, locale=index.locale)
    )

    content = client.get("/fr/actualites/").content.decode()

    assert content.index("Récente") < content.index("Ancienne")
    assert "Brouillon" not in content


@pytest.mark.parametrize(
    ("language", "text"),
    [("ar", "الصفحة غير موجودة"), ("fr", "Page introuvable"), ("en", "Page not found")],
)
def test_404_is_translated(client, homes, language, text):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    assert text in response.content.decode()
    assert html_lang_dir(response)[0] == language


@pytest.mark.urls("tests.fairsite.urls_failing")
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "حدث خطأ من جهتنا"),
        ("fr", "Une erreur est survenue de notre côté"),
        ("en", "Something went wrong on our side"),
    ],
)
def test_500_is_translated(homes, language, text):
    client = Client(raise_request_exception=False)

    response = client.get(f"/{language}/fail/")

    assert response.status_code == 500
    assert text in response.content.decode()
    assert html_lang_dir(response) == (language, "rtl" if language == "ar" else "ltr")


def test_locales_exist_for_every_language(homes):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"ar", "fr", "en"}


def test_a_returning_visitor_goes_back_to_the_language_last_read(homes):
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    client.get("/fr/")

    response = client.get("/")

    assert response["Location"] == "/fr/"


def test_the_site_takes_its_address_from_the_configuration(settings, db):
    from wagtail.models import Site

    from fairsite.services.site import home_pages_ensure

    settings.WAGTAILADMIN_BASE_URL = "https://salon.example.ma"
    home_pages_ensure()  # Wagtail's placeholder site, localhost:80, takes the address
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("salon.example.ma", 443)

    site.hostname, site.port = "salon-ess.ma", 443
    site.save()
    settings.WAGTAILADMIN_BASE_URL = "https://elsewhere.example"
    home_pages_ensure()  # an address an editor chose is kept
    assert Site.objects.get(is_default_site=True).hostname == "salon-ess.ma"
