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


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: rate limits and cached lookups do not leak."""
    from django.core.cache import cache

    cache.clear()
    yield
