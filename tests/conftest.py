import datetime

import pytest
from django.utils import timezone

from fairsite.services.site import home_pages_ensure
from tests.factories import EditionFactory, UserFactory


@pytest.fixture
def homes(db):
    """The home page of each language, as a new installation has them."""
    return home_pages_ensure()


@pytest.fixture
def edition(db):
    return EditionFactory(is_current=True)


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def fair_today(db):
    """The current edition, running today and for three more days."""
    today = timezone.localdate()
    return EditionFactory(
        is_current=True, starts_on=today, ends_on=today + datetime.timedelta(days=3)
    )


@pytest.fixture
def registration_open(fair_today):
    """The current edition, running today, with visitor registration open."""
    now = timezone.now()
    fair_today.visitor_registration_opens_at = now - datetime.timedelta(days=1)
    fair_today.visitor_registration_closes_at = now + datetime.timedelta(days=5)
    fair_today.save()
    return fair_today


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's default language: a page a test client fetched in
    another language (LocaleMiddleware activates it in this thread) does not leak."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: rate limits and cached lookups do not leak."""
    from django.core.cache import cache

    cache.clear()
    yield
