import pytest
from django.db import connection

from events.models import Edition
from events.services import edition_make_current
from tests.concurrency import at_once
from tests.factories import EditionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks between connections: runs on PostgreSQL (DATABASE_URL)",
    ),
]


def test_organisers_switching_the_current_edition_at_once_leave_exactly_one():
    editions = [EditionFactory(is_current=(n == 0)) for n in range(8)]
    outcomes = at_once(lambda edition: edition_make_current(edition=edition), editions)

    errors = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert errors == []
    assert Edition.objects.filter(is_current=True).count() == 1
