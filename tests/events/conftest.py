import pytest

from events.services.badges import attendee_register, gate_token_issue
from tests.factories import GateFactory


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
