import datetime

import pytest
from django.utils import timezone

from events.services.badges import attendee_register, gate_token_issue
from tests.factories import EditionFactory, GateFactory


@pytest.fixture
def fair_today(db):
    """The current edition, running today and for three more days."""
    today = timezone.localdate()
    return EditionFactory(
        is_current=True, starts_on=today, ends_on=today + datetime.timedelta(days=3)
    )


@pytest.fixture
def gate(db):
    gate = GateFactory(slug="main")
    gate.token = gate_token_issue(gate=gate)
    return gate


@pytest.fixture
def visitor_badge(fair_today):
    _attendee, badge = attendee_register(
        edition=fair_today, category="visitor", full_name="ليلى بنعلي", email="leila@fair.example"
    )
    return badge
