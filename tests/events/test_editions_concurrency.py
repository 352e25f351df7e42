import threading

import pytest
from django.db import connection

from events.models import Edition
from events.services import edition_make_current
from tests.factories import EditionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks between connections: runs on PostgreSQL (DATABASE_URL)",
    ),
]


def test_organisers_switching_the_current_edition_at_once_leave_exactly_one():
    editions = [EditionFactory(is_current=(n == 0)) for n in range(8)]
    start = threading.Barrier(len(editions))
    errors = []

    def switch(edition):
        try:
            start.wait()
            edition_make_current(edition=edition)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=switch, args=(edition,)) for edition in editions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Edition.objects.filter(is_current=True).count() == 1
