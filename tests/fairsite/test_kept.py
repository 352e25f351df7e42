"""What pages keep per process (fairsite.kept, fairsite.page_routes): read once, seen to
change at the next request after a change, never served across languages or sites, and no
longer than KEPT_SECONDS when nothing says it changed."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from fairsite import kept
from fairsite.models import SiteSettings, StandardPage
from observatory.models import PublishedFigures
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(homes):
    """A site that has served pages: its settings exist (made on first use, they would count
    as a change)."""
    PublishedFigures.load()
    site = Site.objects.get(is_default_site=True)
    SiteSettings.for_site(site)
    return site


def menu(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".main-menu a")]


def add_page(home, title, slug, *, in_menu=True):
    return home.add_child(
        instance=StandardPage(title=title, slug=slug, locale=home.locale, show_in_menus=in_menu)
    )


def test_a_page_read_again_looks_up_nothing_around_its_content(client, site):
    client.get("/fr/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/").status_code == 200

    # No site, locale, route, menu, language links or settings: what the home page shows.
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    for table in ("wagtailcore_site", "wagtailcore_locale", "fairsite_sitesettings"):
        assert table not in tables
    assert len(queries) <= 3, [query["sql"][:80] for query in queries.captured_queries]


def test_a_page_added_moved_or_taken_down_shows_in_the_menu_at_once(client, site, homes):
    client.get("/fr/")
    about = add_page(homes["fr"], "À propos", "a-propos")
    assert "À propos" in menu(client.get("/fr/"))
    assert client.get("/fr/a-propos/").status_code == 200

    about.unpublish()

    assert "À propos" not in menu(client.get("/fr/"))
    assert client.get("/fr/a-propos/").status_code == 404


def test_each_language_and_each_page_gets_its_own(client, site, homes):
    add_page(homes["fr"], "Infos pratiques", "infos")
    add_page(homes["ar"], "معلومات عملية", "infos")

    french, arabic = client.get("/fr/infos/"), client.get("/ar/infos/")
    home = client.get("/fr/")

    assert "Infos pratiques" in french.content.decode()
    assert "معلومات عملية" in arabic.content.decode()
    assert menu(french) == menu(home) and "معلومات عملية" in menu(arabic)
    assert client.get("/fr/infos/nowhere/").status_code == 404
    current = BeautifulSoup(french.content, "html.parser").select_one("[aria-current=page]")
    assert current.get_text(strip=True) == "Infos pratiques"


def test_a_change_in_another_process_is_seen_at_the_next_request(client, site, homes):
    add_page(homes["fr"], "Avant", "avant")
    client.get("/fr/")
    # Another web process saved the page and replaced the content version; here, the row
    # changes without a signal.
    homes["fr"].get_children().filter(slug="avant").update(title="Après")
    assert "Avant" in menu(client.get("/fr/"))

    cache.set(kept.VERSION_KEY, "from-another-process", None)

    assert "Après" in menu(client.get("/fr/"))


def test_what_changes_without_a_signal_is_seen_after_the_kept_time(
    client, site, homes, monkeypatch
):
    add_page(homes["fr"], "Avant", "avant")
    client.get("/fr/")
    homes["fr"].get_children().filter(slug="avant").update(title="Après")
    now = kept.time.monotonic()

    monkeypatch.setattr(kept.time, "monotonic", lambda: now + kept.KEPT_SECONDS + 1)

    assert "Après" in menu(client.get("/fr/"))


def test_a_page_unchanged_since_the_visitor_read_it_is_not_sent_again(client, site):
    first = client.get("/fr/")
    again = client.get("/fr/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304 and again.content == b""
    assert client.get("/ar/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_change_is_announced_again_when_it_is_committed(
    site, homes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add_page(homes["fr"], "Avant", "avant")
        at_save = kept.content_version()
        # Another process reads the rows now, before the commit, and keeps what it saw.
        kept.keep(("stale",), "what was there before the commit")

    assert kept.content_version() != at_save
    assert kept.find_kept(("stale",)) is kept.MISSING


def test_a_restriction_added_or_lifted_holds_at_the_next_request(client, site, homes):
    members = add_page(homes["fr"], "Espace membres", "membres")
    client.get("/fr/membres/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/membres/").status_code == 200
    assert "wagtailcore_pageviewrestriction" not in " ".join(
        query["sql"] for query in queries.captured_queries
    )

    restriction = PageViewRestriction.objects.create(
        page=members, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/fr/membres/").status_code == 302  # to the sign-in page

    restriction.delete()
    assert client.get("/fr/membres/").status_code == 200


def test_rights_taken_away_hold_at_the_next_request(client, site):
    group = Group.objects.create(name="Éditeurs du programme de test")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory()
    user.groups.add(group)
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    client.get("/fr/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/fr/")  # its header links to the admin for those who may go
    assert 'href="/admin/"' in page.content.decode()
    assert "auth_permission" not in " ".join(q["sql"] for q in queries.captured_queries)

    user.groups.remove(group)
    assert client.get("/admin/").status_code == 302  # no longer let in

    user.groups.add(group)
    assert client.get("/admin/").status_code == 200
    group.permissions.clear()
    assert client.get("/admin/").status_code == 302
