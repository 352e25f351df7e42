"""Every page of the sample site, read in Arabic, holds no word in Latin script outside an
element that says which language it is in (`lang`), and in French no word in Arabic script:
names, places, offers and descriptions come in the reader's language or marked as another."""

import io
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from events.models import Badge
from events.services.badge_links import badge_link_token
from fairsite.models import User
from tests.language import LanguageReader

pytestmark = pytest.mark.django_db

NOT_PAGES = re.compile(r"\.(ics|pdf|xlsx|csv|json|xml|txt)$|/accounts/|/ical/|/logout|/admin/")
MAX_PAGES = 160


def crawl(client: Client, language: str, starts: list[str]) -> tuple[int, dict[str, list]]:
    """Reads the site's pages in `language` from `starts`, following its own links."""
    seen: set[str] = set()
    queue = list(starts)
    found: dict[str, list] = {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code in (200, 301, 302), (path, response.status_code)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        reader = LanguageReader(language)
        reader.feed(response.content.decode())
        if reader.found:
            found[path] = reader.found
        for href in reader.links:
            parts = urlsplit(urljoin(path, href))
            if parts.netloc not in ("", "testserver"):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if (
                link.startswith(f"/{language}/")
                and not NOT_PAGES.search(parts.path)
                and "?" not in link
                and link not in seen
            ):
                queue.append(link)
    return len(seen), found


def report(found: dict[str, list]) -> str:
    lines = []
    for path, words in sorted(found.items()):
        lines.append(f"{path}: " + "; ".join(f"{word!r} in {where}" for word, where in words[:4]))
    return "\n".join(lines[:40])


def test_every_page_speaks_the_readers_language():
    """Public pages anonymously, then the portal and the B2B pages as the sample exhibitor,
    in Arabic and in French (one sample site for all four: seeding it is the slow part)."""
    call_command("seed_demo", stdout=io.StringIO())
    exhibitor = Client()
    exhibitor.force_login(User.objects.get(email="exhibitor@fair.example"))
    # Badges of people who wrote their names in either script, reached by their links.
    badges = [
        badge_link_token(badge)
        for badge in Badge.objects.filter(attendee__category="visitor").order_by("pk")[:4]
    ] + [
        badge_link_token(badge)
        for badge in Badge.objects.filter(attendee__organisation__regex=r"[A-Za-z]")[:2]
    ]
    failures = []
    for language in ("ar", "fr"):
        visitor_badges = [f"/{language}/visit/badge/{token}/" for token in badges]
        for client, starts, least in (
            (Client(), [f"/{language}/", *visitor_badges], 40),
            (exhibitor, [f"/{language}/portal/", f"/{language}/meetings/"], 5),
        ):
            pages, found = crawl(client, language, starts)
            assert pages > least, f"the crawl from {starts} reached only {pages} pages"
            if found:
                failures.append(f"{language}, {len(found)} of {pages} pages:\n{report(found)}")
    assert not failures, "\n".join(failures)


def test_the_reader_finds_marked_text_and_unmarked_text():
    reader = LanguageReader("ar")
    reader.feed(
        '<html lang="ar"><p>نص <span lang="fr">Oujda</span> و Berkane</p>'
        '<img alt="Logo"><script>var x = "Latin";</script></html>'
    )
    assert [word for word, _where in reader.found] == ["Berkane", "Logo"]
