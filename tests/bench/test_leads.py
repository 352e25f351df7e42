"""Lead scans at the stands beside gate scans, through gunicorn (2 workers), under the same
load: 8 devices at once, each sending 150 scans on a kept-alive connection; first the gates
alone, then the stands alone, then 4 gates and 4 stands together. A stand's first scan of a
visitor inserts the visit, the next ones count it again; half the visitors share their
contact (one more query: the consent).

Run with `make bench` (PostgreSQL when DATABASE_URL is set). Figures are printed.
"""

import http.client
import json
import statistics
import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from events.services.devices import gate_token_issue
from exhibitors.models import StandVisit
from tests.bench.test_checkin import summary
from tests.exhibitors.leads import paired_token, stand_at, visitor
from tests.factories import GateFactory
from tests.processes import free_port, start_gunicorn, stop

pytestmark = pytest.mark.django_db(transaction=True)

DEVICES = 8
SCANS_PER_DEVICE = 150
VISITORS = 80
STAND_SCAN = "/en/portal/stand-scanner/scan"


def test_lead_scans_beside_gate_scans(fair_today, capsys):
    gate_tokens = [gate_token_issue(gate=GateFactory()) for _n in range(DEVICES)]
    stand_tokens = [paired_token(stand_at(fair_today)) for _n in range(DEVICES)]
    badges = [visitor(fair_today, findable=n % 2 == 0, number=n) for n in range(VISITORS)]

    def gate_scans(index, count=SCANS_PER_DEVICE):
        auth = {"Authorization": f"Bearer {gate_tokens[index]}"}
        mine = badges[index * 10 : index * 10 + 10]
        return [
            (
                "/api/checkin/scan",
                {
                    "code": mine[n % 10].code,
                    "direction": "in" if (n // 10) % 2 == 0 else "out",
                    "scan_id": f"gate-{index}-{n}",
                },
                auth,
            )
            for n in range(count)
        ]

    def stand_scans(index, count=SCANS_PER_DEVICE, round_="a"):
        auth = {"Authorization": f"Bearer {stand_tokens[index]}"}
        # Each stand meets every visitor once (an insert), then some of them again.
        return [
            (
                STAND_SCAN,
                {"code": badges[(n + index * 7) % VISITORS].code, "scan_id": f"{round_}-{n}"},
                auth,
            )
            for n in range(count)
        ]

    client = Client()
    counts = {}
    for name, (path, body, headers) in [
        ("gate", gate_scans(0, 1)[0]),
        ("stand, first scan", stand_scans(0, 1, "q")[0]),
        ("stand, again", stand_scans(0, 1, "r")[0]),
    ]:
        with CaptureQueriesContext(connection) as queries:
            client.post(
                path,
                body,
                content_type="application/json",
                HTTP_AUTHORIZATION=headers["Authorization"],
            )
        counts[name] = len(queries)
    StandVisit.objects.all().delete()

    port = free_port()
    server = start_gunicorn(port)
    try:
        load_by_device(port, [gate_scans(i, 20) for i in range(DEVICES)])  # warm up
        gates, gates_elapsed = load_by_device(port, [gate_scans(i) for i in range(DEVICES)])
        stands, stands_elapsed = load_by_device(port, [stand_scans(i) for i in range(DEVICES)])
        half = DEVICES // 2
        mixed, _elapsed = load_by_device(
            port,
            [gate_scans(i) for i in range(half)]
            + [stand_scans(i, round_="b") for i in range(half, DEVICES)],
        )
    finally:
        stop(server)

    gate_rate, gate_line = summary("POST /api/checkin/scan", _all(gates), gates_elapsed)
    stand_rate, stand_line = summary("POST stand-scanner/scan", _all(stands), stands_elapsed)
    mixed_gates, mixed_stands = _all(mixed[:half]), _all(mixed[half:])
    with capsys.disabled():
        print(
            f"\n{connection.vendor}, gunicorn 2 workers, {DEVICES} devices x "
            f"{SCANS_PER_DEVICE} scans"
        )
        print(f"{'':<28}{'throughput':>12}{'p50 ms':>10}{'p95 ms':>10}")
        print(gate_line)
        print(stand_line)
        print(f"gate scans / lead scans throughput: {gate_rate / stand_rate:.2f}x")
        print("queries a scan: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
        print(f"{half} gates and {half} stands at once:{'p50 ms':>17}{'p95 ms':>10}")
        for name, timings in [("  gate scans", mixed_gates), ("  lead scans", mixed_stands)]:
            quantiles = statistics.quantiles(timings, n=100)
            print(f"{name:<38}{quantiles[49]:>10.1f}{quantiles[94]:>10.1f}")
    assert StandVisit.objects.count() == DEVICES * VISITORS


def load_by_device(
    port: int, requests: list[list[tuple[str, dict, dict]]]
) -> tuple[list[list[float]], float]:
    """As `tests.bench.test_checkin.load`, all devices at once, each device's requests one
    after the other: each device's timings (ms) kept apart, and the seconds all took. A
    device whose request fails or answers other than 200 stops, and the benchmark fails."""
    timings: list[list[float]] = [[] for _batch in requests]
    start = threading.Barrier(len(requests) + 1)

    def device(index, batch):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        start.wait()
        for path, body, headers in batch:
            began = time.perf_counter()
            conn.request(
                "POST", path, json.dumps(body), {"Content-Type": "application/json", **headers}
            )
            response = conn.getresponse()
            response.read()
            timings[index].append((time.perf_counter() - began) * 1000)
            assert response.status == 200, (path, response.status)

    threads = [threading.Thread(target=device, args=item) for item in enumerate(requests)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    assert all(len(mine) == len(batch) for mine, batch in zip(timings, requests, strict=True))
    return timings, elapsed


def _all(timings: list[list[float]]) -> list[float]:
    return [ms for device in timings for ms in device]
