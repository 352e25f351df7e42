import datetime

import pytest
from django.utils import timezone

from events.services.badges import attendee_register
from events.services.devices import gate_token_issue
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


@pytest.fixture
def scan_now(fair_today):
    """A moment on the fair's first day late enough that scans dated up to half an hour
    before it still fall on that day: just after midnight on the fair's clock, ``now``
    minus a few minutes would be the day before the edition begins."""
    now = timezone.now()
    opening = timezone.make_aware(
        datetime.datetime.combine(fair_today.starts_on, datetime.time(0, 30))
    )
    return max(now, opening)
