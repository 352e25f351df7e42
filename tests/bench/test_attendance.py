"""Room scans beside gate scans, through gunicorn (2 workers) under the same load: 8 devices
at once, 150 scans each. The rooms are measured twice: 8 doors of 8 rooms (each device its
own session), then the 8 devices at one door (one session: every scan waits for its row
lock), where the first 100 are admitted and the others find it full.

Run with `make bench` (PostgreSQL when DATABASE_URL is set). Figures are printed.
"""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.services.badges import attendee_register
from events.services.devices import device_pair, device_pairing_start, gate_token_issue
from programme.models import RoomDevice
from tests.bench.test_checkin import load, summary
from tests.factories import GateFactory, RoomFactory, SessionFactory
from tests.processes import free_port, start_gunicorn, stop

pytestmark = pytest.mark.django_db(transaction=True)

DEVICES = 8
SCANS_PER_DEVICE = 150
SEATS_AT_ONE_DOOR = 100


def room_token(room) -> str:
    _device, code = device_pairing_start(model=RoomDevice, post=room, by=None)
    return device_pair(model=RoomDevice, code=code)[1]


def running_session(edition, *, capacity):
    starts = timezone.now() - datetime.timedelta(minutes=5)
    return SessionFactory(
        edition=edition,
        room=RoomFactory(venue=edition.venue, capacity=capacity),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        signup_required=False,
    )


def test_room_scans_beside_gate_scans(fair_today, capsys):
    badges = [
        attendee_register(edition=fair_today, category="visitor", full_name=f"V{n}")[1]
        for n in range(SCANS_PER_DEVICE)
    ]
    gate_tokens = [gate_token_issue(gate=GateFactory()) for _n in range(DEVICES)]
    rooms = [running_session(fair_today, capacity=SCANS_PER_DEVICE) for _n in range(DEVICES)]
    room_tokens = [room_token(session.room) for session in rooms]
    one_door = running_session(fair_today, capacity=SEATS_AT_ONE_DOOR)
    door_tokens = [room_token(one_door.room) for _n in range(DEVICES)]

    with CaptureQueriesContext(connection) as queries:
        Client().post(
            "/api/rooms/scan",
            {"code": badges[0].code, "scan_id": "bench-queries"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {room_tokens[0]}",
        )
    room_queries = len(queries)

    def gate_scans(index):
        auth = {"Authorization": f"Bearer {gate_tokens[index]}"}
        return [
            (
                "/api/checkin/scan",
                {
                    "code": badges[(index * 10 + n % 10) % len(badges)].code,
                    "direction": "in" if (n // 10) % 2 == 0 else "out",
                    "scan_id": f"gate-{index}-{n}",
                },
                auth,
            )
            for n in range(SCANS_PER_DEVICE)
        ]

    def room_scans(tokens, label):
        def scans(index):
            auth = {"Authorization": f"Bearer {tokens[index]}"}
            # Each device scans the people in another order: at one door they mix.
            order = badges[index:] + badges[:index]
            return [
                ("/api/rooms/scan", {"code": badge.code, "scan_id": f"{label}-{index}-{n}"}, auth)
                for n, badge in enumerate(order)
            ]

        return scans

    port = free_port()
    server = start_gunicorn(port)
    try:
        load(port, [gate_scans(i)[:20] for i in range(DEVICES)])  # warm up both workers
        gate = load(port, [gate_scans(i) for i in range(DEVICES)])
        many = load(port, [room_scans(room_tokens, "rooms")(i) for i in range(DEVICES)])
        one = load(port, [room_scans(door_tokens, "door")(i) for i in range(DEVICES)])
    finally:
        stop(server)

    lines = [
        summary("POST /api/checkin/scan", gate[0], gate[1]),
        summary("room scan, 8 rooms", many[0], many[1]),
        summary("room scan, 8 devices 1 door", one[0], one[1]),
    ]
    with capsys.disabled():
        print(
            f"\n{connection.vendor}, gunicorn 2 workers, {DEVICES} devices x "
            f"{SCANS_PER_DEVICE} scans"
        )
        print(f"{'':<28}{'throughput':>12}{'p50 ms':>10}{'p95 ms':>10}")
        for _rate, line in lines:
            print(line)
        print(
            f"room scan / gate scan: {lines[0][0] / lines[1][0]:.2f}x slower; "
            f"{room_queries} queries a room scan"
        )
    for _timings, _elapsed, statuses in (gate, many, one):
        assert set(statuses) == {200}
    assert one_door.attendances.count() == SEATS_AT_ONE_DOOR
    assert all(session.attendances.count() == SCANS_PER_DEVICE for session in rooms)
