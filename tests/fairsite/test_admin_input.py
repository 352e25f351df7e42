"""Junk in the admin's addresses (a typed, altered or truncated query string) gets a page or a
400 saying what is wrong, never a server error: every listing with its filters, and the
observatory's edition."""

import re

import pytest
from django.urls import URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import EditionFactory, UserFactory

pytestmark = pytest.mark.django_db

JUNK = ["x", "-1", "99999999999999999999999", "2026-13-45", "\x00"]
# Every listing accepts these; the others are read from its filter form.
COMMON = {"p", "ordering", "edition", "locale"}
NOT_FILTERS = {"csrfmiddlewaretoken", "q", "color-scheme", "description", "robots", "viewport"}

bounded = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.name or ""


def admin_listings() -> list[str]:
    """The admin's listings that take no argument; a listing's results fragment (the same
    view, filtered the same way) only where the listing itself is not among them."""
    urls = {
        "/" + route
        for route, name in _routes(get_resolver().url_patterns)
        if route.startswith("admin/")
        and "<" not in route
        and "^" not in route
        and (name.endswith(("index", "list", "results")) or name.startswith("observatory"))
    }
    return sorted(
        url
        for url in urls
        if url.removesuffix("results/") == url or url.removesuffix("results/") not in urls
    )


@pytest.fixture
def organiser(client, homes, edition):
    client.force_login(UserFactory(is_superuser=True))
    return client


def filters_of(client, url: str) -> set[str]:
    names = re.findall(r'name="([^"]+)"', client.get(url).content.decode(errors="replace"))
    return (set(names) | COMMON) - NOT_FILTERS


def test_every_listing_takes_junk_in_every_filter(organiser):
    listings = admin_listings()
    assert len(listings) > 50  # the walk found the admin's listings
    failures = []
    for url in listings:
        filters = filters_of(organiser, url)
        queries = [{name: junk for name in filters} for junk in JUNK]
        # Searching is not combined with the filters here: Wagtail 8 fails a search of the
        # images or documents filtered by usage count, whatever the values.
        queries += [{"q": "\x00"}, {"q": "é" * 300}]
        for query in queries:
            status = organiser.get(url, query).status_code
            if status >= 500:
                failures.append((url, query, status))

    assert not failures


@bounded
@given(
    url=st.sampled_from(
        [
            "/admin/users/",
            "/admin/partnerships/agreements/",
            "/admin/partnerships/meetings/",
            "/admin/exhibitors/applications/",
            "/admin/programme/sessions/",
            "/admin/checkins/",
            "/admin/badges/",
            "/admin/observatory/",
        ]
    ),
    query=st.dictionaries(
        st.sampled_from(
            ["edition", "group", "status", "partner_regions", "agreements", "day", "p"]
            + ["ordering", "last_login_from", "is_active", "room", "track", "gate", "result"]
        ),
        st.text(max_size=30) | st.integers(min_value=-(10**30), max_value=10**30).map(str),
        max_size=4,
    ),
)
def test_generated_filters_never_bring_a_server_error(organiser, url, query):
    assert organiser.get(url, query).status_code < 500


@pytest.mark.parametrize("edition_id", ["x", "1.5", "99999999999999999999999", "\x00", "-1"])
def test_the_observatory_says_when_there_is_no_such_edition(client, homes, edition_id):
    EditionFactory(is_current=True)
    client.force_login(UserFactory(groups=["Organisers"], language="fr"))

    for url in ("/admin/observatory/", "/admin/observatory/indicators.xlsx"):
        response = client.get(url, {"edition": edition_id}, HTTP_ACCEPT_LANGUAGE="fr")

        assert response.status_code == 400
        if edition_id != "\x00":
            assert "Cette édition n&#x27;existe pas." in response.content.decode()


def test_the_observatory_still_shows_a_chosen_edition(client, homes):
    EditionFactory(is_current=True, year=2100)
    older = EditionFactory(year=2099)
    client.force_login(UserFactory(groups=["Organisers"]))

    response = client.get("/admin/observatory/", {"edition": older.pk})

    assert response.status_code == 200
    assert response.context["edition"] == older
