"""Public pages kept a few seconds for visitors without a session: served without a query,
never to or from someone signed in, forgotten when a page is published."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 30


def visit(client, path):
    """A visitor without a session (the language cookie an answer sets changes nothing)."""
    client.cookies.clear()
    return client.get(path)


@pytest.fixture
def site_settings(homes):
    """The settings pages read exist, as on any site that has served a page (made on first
    use, they would count as a change)."""
    from wagtail.models import Site

    from fairsite.models import SiteSettings
    from observatory.models import PublishedFigures

    PublishedFigures.load()
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def test_a_visitor_gets_the_kept_page_without_a_query(client, site_settings):
    first = visit(client, "/fr/")

    client.cookies.clear()
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/fr/")

    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in first and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert len(queries) == 0
    assert client.get("/ar/").content != first.content  # each language its own page


def test_someone_signed_in_never_gets_or_leaves_a_kept_page(client, homes):
    client.force_login(UserFactory())
    mine = client.get("/fr/")
    again = client.get("/fr/")
    client.logout()
    client.cookies.clear()
    anonymous = client.get("/fr/")

    assert "X-Page-Cache" not in mine and "X-Page-Cache" not in again
    assert "X-Page-Cache" not in anonymous  # nothing was kept from the signed-in page
    assert b"/accounts/logout/" in mine.content  # the sign-out form: this page is hers
    assert b"/accounts/logout/" not in anonymous.content


def test_a_page_with_a_form_or_a_private_answer_is_not_kept(client, homes):
    client.get("/fr/accounts/login/")
    client.cookies.clear()

    assert "X-Page-Cache" not in client.get("/fr/accounts/login/")


def test_publishing_a_page_forgets_the_kept_pages(client, homes):
    client.get("/fr/")
    client.cookies.clear()
    home = homes["fr"]
    home.title = "Salon de l'ESS, édition de printemps"
    home.save_revision().publish()

    fresh = client.get("/fr/")

    assert "X-Page-Cache" not in fresh
    assert "édition de printemps" in fresh.content.decode()


def test_a_page_holding_a_visitors_csrf_token_is_not_kept(rf, settings):
    from django.core.cache import cache
    from django.http import HttpResponse
    from django.middleware.csrf import get_token
    from django.urls import resolve

    from fairsite.page_cache import PageCacheMiddleware

    def page_with_a_form(request):
        request.resolver_match = resolve("/ar/")  # a Wagtail page
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    request = rf.get("/ar/", HTTP_COOKIE="csrftoken=" + "a" * 32)
    PageCacheMiddleware(page_with_a_form)(request)

    assert not [key for key in cache._cache if "pagecache:" in key]  # nothing kept


def test_a_session_moved_in_the_programme_is_seen_at_once(client, homes, site_settings, edition):
    from programme.services.pages import programme_pages_ensure
    from tests.factories import SessionFactory

    programme_pages_ensure(homes=homes)
    session = SessionFactory(edition=edition, title_fr="Atelier emballage")
    visit(client, "/fr/programme/")
    assert visit(client, "/fr/programme/")["X-Page-Cache"] == "hit"

    session.title_fr = "Atelier étiquetage"
    session.save()
    fresh = visit(client, "/fr/programme/")

    assert "X-Page-Cache" not in fresh and "Atelier étiquetage" in fresh.content.decode()
