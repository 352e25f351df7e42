import threading

import pytest
from django.db import connection

from exhibitors.choices import ApplicationStatus as Status
from exhibitors.models import Application
from exhibitors.services import StandUnavailable, application_assign_stand
from tests.factories import (
    ApplicationFactory,
    EditionFactory,
    StandFactory,
    StandTypeFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks between connections: runs on PostgreSQL (DATABASE_URL)",
    ),
]


def test_two_organisers_give_the_same_stand_at_once_one_wins(db):
    edition = EditionFactory()
    stand_type = StandTypeFactory(edition=edition)
    stand = StandFactory(stand_type=stand_type)
    applications = ApplicationFactory.create_batch(
        10, edition=edition, stand_type=stand_type, status=Status.ACCEPTED
    )
    organiser = UserFactory()
    start = threading.Barrier(len(applications))
    outcomes = []

    def assign(application):
        try:
            start.wait()
            application_assign_stand(application=application, stand=stand, by=organiser)
            outcomes.append("won")
        except StandUnavailable as error:
            outcomes.append(str(error))
        except Exception as error:  # anything else is a failure of the guarantee
            outcomes.append(f"crash: {error!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=assign, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("won") == 1
    assert not [o for o in outcomes if o.startswith("crash")], outcomes
    assert all(stand.code in o for o in outcomes if o != "won")
    assert Application.objects.filter(stand=stand).count() == 1
