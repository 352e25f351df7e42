"""Rehearsing the gates: a test badge passes on any day while the edition's rehearsal is on,
marked as such, and is refused the moment it is turned off; other badges keep their days."""

import pytest

from events.models import CheckIn, Edition
from events.services.badges import attendee_register
from events.services.devices import gate_token_issue
from tests.factories import EditionFactory, GateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def future_fair():
    """The current edition, a fair that lies years ahead, its gates being rehearsed."""
    return EditionFactory(is_current=True, rehearsal=True)


def _scan(client, token, code, direction="in"):
    return client.post(
        "/api/checkin/scan",
        {"code": code, "direction": direction},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_ACCEPT_LANGUAGE="fr",
    ).json()


def test_a_test_badge_passes_today_as_a_rehearsal_long_before_the_fair(client, future_fair):
    token = gate_token_issue(gate=GateFactory())
    test_badge = attendee_register(edition=future_fair, category="test", full_name="Essai")[1]
    visitor = attendee_register(edition=future_fair, category="visitor", full_name="Salma")[1]

    admitted = _scan(client, token, test_badge.code)
    again = _scan(client, token, test_badge.code)

    assert admitted["result"] == "ok" and admitted["rehearsal"] is True
    assert admitted["message"] == "Admis (répétition)"
    assert admitted["badge"]["category_label"] == "Badge de test"
    assert again["result"] == "already_in" and again["rehearsal"] is True
    # A real badge keeps its days, rehearsal or not.
    assert _scan(client, token, visitor.code)["result"] == "not_valid_today"


def test_turning_the_rehearsal_off_refuses_test_badges_at_once(client, future_fair):
    token = gate_token_issue(gate=GateFactory())
    test_badge = attendee_register(edition=future_fair, category="test", full_name="Essai")[1]
    assert _scan(client, token, test_badge.code)["result"] == "ok"

    Edition.objects.filter(pk=future_fair.pk).update(rehearsal=False)
    refused = _scan(client, token, test_badge.code, direction="out")

    assert refused["result"] == "rehearsal_over"
    assert "répétition" in refused["message"]
    assert CheckIn.objects.filter(result="rehearsal_over").count() == 1


def test_during_the_fair_a_test_badge_passes_only_while_rehearsing(client, fair_today):
    token = gate_token_issue(gate=GateFactory())
    test_badge = attendee_register(edition=fair_today, category="test", full_name="Essai")[1]

    assert _scan(client, token, test_badge.code)["result"] == "rehearsal_over"


def test_the_keys_tell_offline_gates_whether_test_badges_pass(client, future_fair):
    edition = client.get("/api/checkin/keys").json()["edition"]
    assert edition["rehearsal"] is True
    assert edition["test_category"] == 7  # its number in badge codes, appended last

    Edition.objects.filter(pk=future_fair.pk).update(rehearsal=False)
    assert client.get("/api/checkin/keys").json()["edition"]["rehearsal"] is False
