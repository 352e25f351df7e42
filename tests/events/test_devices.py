"""Pairing a scanning device in one scan: the one-time code, its expiry, two devices racing
for one code, unpairing, the gates' tokens kept across the move to devices, and the admin."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from events.errors import DeviceError
from events.models import GateDevice
from events.services.devices import (
    PAIRING_MINUTES,
    device_pair,
    device_pairing_start,
    device_unpair,
    devices_of,
    gate_token_issue,
    pairing_code_clean,
    pairing_code_display,
)
from tests.concurrency import at_once
from tests.factories import GateFactory, UserFactory


def _scan(client, token, code):
    return client.post(
        "/api/checkin/scan",
        {"code": code, "direction": "out"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


@pytest.mark.django_db
def test_a_pairing_code_pairs_one_device_once_and_only_its_hash_is_kept(visitor_badge):
    gate = GateFactory()
    waiting, code = device_pairing_start(model=GateDevice, post=gate, by=UserFactory())

    device, token = device_pair(
        model=GateDevice, code=f"pair:{pairing_code_display(code).lower()}", user_agent="Phone"
    )

    assert device.pk == waiting.pk and device.is_paired and device.user_agent == "Phone"
    stored = GateDevice.objects.filter(pk=device.pk).values().get()
    assert code not in str(stored) and token not in str(stored)
    assert _scan(Client(), token, visitor_badge.code).json()["result"] == "ok"
    with pytest.raises(DeviceError):
        device_pair(model=GateDevice, code=code)
    assert devices_of(GateDevice, gate) == [device]


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["", "PAIR:", "AAAAAAAAAA", "PAIR:" + "Z" * 40, "٣٤٥"])
def test_a_code_that_was_never_given_pairs_nothing(code):
    device_pairing_start(model=GateDevice, post=GateFactory(), by=None)

    with pytest.raises(DeviceError):
        device_pair(model=GateDevice, code=code)
    assert not GateDevice.objects.paired().exists()


@pytest.mark.django_db
def test_a_pairing_code_expires_and_a_cancelled_pairing_cannot_be_used():
    gate = GateFactory()
    late, late_code = device_pairing_start(model=GateDevice, post=gate, by=None)
    GateDevice.objects.filter(pk=late.pk).update(
        pairing_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    cancelled, cancelled_code = device_pairing_start(model=GateDevice, post=gate, by=None)
    device_unpair(device=cancelled, by=None)

    for code in (late_code, cancelled_code):
        with pytest.raises(DeviceError):
            device_pair(model=GateDevice, code=code)
    fresh, _code = device_pairing_start(model=GateDevice, post=gate, by=None)
    expires_in = fresh.pairing_expires_at - timezone.now()
    assert datetime.timedelta(minutes=PAIRING_MINUTES - 1) < expires_in
    assert expires_in <= datetime.timedelta(minutes=PAIRING_MINUTES)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ten_devices_presenting_one_code_at_once_pair_exactly_one():
    _device, code = device_pairing_start(model=GateDevice, post=GateFactory(), by=None)

    def pair(_index):
        response = Client().post(
            "/api/checkin/pair", {"code": code}, content_type="application/json"
        )
        return response.status_code

    statuses = at_once(pair, list(range(10)))

    assert sorted(statuses) == [200] + [400] * 9
    assert GateDevice.objects.paired().count() == 1


@pytest.mark.django_db
def test_unpairing_stops_the_token_at_once_and_other_devices_go_on(client, visitor_badge):
    gate = GateFactory()
    first, second = gate_token_issue(gate=gate, name="A"), gate_token_issue(gate=gate, name="B")
    device = GateDevice.objects.get(name="A")

    device_unpair(device=device, by=UserFactory())

    refused = _scan(client, first, visitor_badge.code)
    assert refused.status_code == 401 and refused["WWW-Authenticate"] == "Bearer"
    assert _scan(client, second, visitor_badge.code).status_code == 200
    status = client.get("/api/checkin/revocations", HTTP_AUTHORIZATION=f"Bearer {first}")
    assert status.status_code == 401


@pytest.mark.django_db
def test_a_new_token_under_the_same_name_replaces_the_old_one(client, visitor_badge):
    gate = GateFactory()
    old = gate_token_issue(gate=gate)
    new = gate_token_issue(gate=gate)

    assert _scan(client, old, visitor_badge.code).status_code == 401
    assert _scan(client, new, visitor_badge.code).status_code == 200


@pytest.mark.django_db
def test_a_device_of_an_inactive_gate_is_refused(client, visitor_badge):
    gate = GateFactory()
    token = gate_token_issue(gate=gate)
    gate.is_active = False
    gate.save()

    assert _scan(client, token, visitor_badge.code).status_code == 401


@pytest.mark.django_db
def test_a_device_is_seen_when_it_scans_at_most_once_a_minute(client, visitor_badge):
    token = gate_token_issue(gate=GateFactory())
    device = GateDevice.objects.get()
    long_ago = timezone.now() - datetime.timedelta(hours=2)
    GateDevice.objects.update(last_seen_at=long_ago)

    _scan(client, token, visitor_badge.code)
    seen = GateDevice.objects.get(pk=device.pk).last_seen_at
    _scan(client, token, visitor_badge.code)

    assert seen > long_ago
    assert GateDevice.objects.get(pk=device.pk).last_seen_at == seen


@pytest.mark.django_db
def test_pairing_attempts_are_limited_per_address(client):
    for _attempt in range(30):
        client.post("/api/checkin/pair", {"code": "AAAAAAAAAA"}, content_type="application/json")

    refused = client.post(
        "/api/checkin/pair", {"code": "AAAAAAAAAA"}, content_type="application/json"
    )

    assert refused.status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize("body", [b"[]", b"not json", b'{"code": 12}', b'{"code": "\\u0000"}'])
def test_a_malformed_pairing_request_is_refused_clearly(client, body):
    response = client.post("/api/checkin/pair", body, content_type="application/json")

    assert response.status_code == 400 and response.json()["error"]


def test_the_code_is_read_however_it_is_typed():
    assert pairing_code_clean(" pair:abcde-fghij ") == "ABCDEFGHIJ"
    assert pairing_code_display("ABCDEFGHIJ") == "ABCDE-FGHIJ"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_gate_token_from_before_devices_keeps_working_as_a_paired_device():
    before = [("events", "0015_attendee_phone_account_consents")]
    after = [("events", "0016_scanner_devices_rehearsal_walk_ins")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    executor.loader.build_graph()
    old_gate = executor.loader.project_state(before).apps.get_model("events", "Gate")
    old_gate.objects.create(
        slug="north", name_ar="الشمال", name_fr="Nord", token_hash="a" * 64, is_active=True
    )
    old_gate.objects.create(slug="south", name_ar="الجنوب", name_fr="Sud", is_active=True)

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor.loader.build_graph()
    device = executor.loader.project_state(after).apps.get_model("events", "GateDevice")
    assert list(device.objects.values_list("gate__slug", "token_hash")) == [("north", "a" * 64)]
    assert device.objects.get().paired_at is not None

    executor = MigrationExecutor(connection)
    executor.migrate(before)
    executor.loader.build_graph()
    old_gate = executor.loader.project_state(before).apps.get_model("events", "Gate")
    assert dict(old_gate.objects.values_list("slug", "token_hash")) == {
        "north": "a" * 64,
        "south": "",
    }
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
