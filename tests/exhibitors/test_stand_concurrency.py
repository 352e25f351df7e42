import pytest
from django.db import connection

from exhibitors.choices import ApplicationStatus as Status
from exhibitors.errors import StandUnavailable
from exhibitors.models import Application
from exhibitors.services.applications import application_assign_stand
from tests.concurrency import at_once
from tests.factories import (
    ApplicationFactory,
    EditionFactory,
    StandFactory,
    StandTypeFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
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

    def assign(application):
        application_assign_stand(application=application, stand=stand, by=organiser)
        return "won"

    def verdict(outcome) -> str:
        if isinstance(outcome, StandUnavailable):
            return str(outcome)
        if isinstance(outcome, Exception):  # anything else is a failure of the guarantee
            return f"crash: {outcome!r}"
        return outcome

    outcomes = [verdict(outcome) for outcome in at_once(assign, applications)]

    assert outcomes.count("won") == 1
    assert not [o for o in outcomes if o.startswith("crash")], outcomes
    assert all(stand.code in o for o in outcomes if o != "won")
    assert Application.objects.filter(stand=stand).count() == 1
