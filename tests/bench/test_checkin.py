"""Check-in through gunicorn (2 workers) with 8 concurrent gates, beside a bare view doing the
same minimum database work (one indexed read, one insert).

Run with `make bench` (PostgreSQL when DATABASE_URL is set). Figures are printed.
"""

import http.client
import itertools
import json
import statistics
import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from events.services.badges import attendee_register
from events.services.devices import gate_token_issue
from tests.factories import GateFactory
from tests.processes import free_port, start_gunicorn, stop

pytestmark = pytest.mark.django_db(transaction=True)

GATES = 8
SCANS_PER_GATE = 150
ROUNDS = 5


def load(
    port: int, requests: list[list[tuple[str, dict, dict]]]
) -> tuple[list[float], float, list[int]]:
    """Each inner list is one gate's requests, sent one after the other on a kept-alive
    connection; the gates run at once."""
    timings: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(len(requests) + 1)

    def gate(batch):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, codes = [], []
        start.wait()
        for path, body, headers in batch:
            began = time.perf_counter()
            conn.request(
                "POST", path, json.dumps(body), {"Content-Type": "application/json", **headers}
            )
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - began) * 1000)
            codes.append(response.status)
        with lock:
            timings.extend(mine)
            statuses.extend(codes)

    threads = [threading.Thread(target=gate, args=(batch,)) for batch in requests]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return timings, time.perf_counter() - began, statuses


def summary(name: str, timings: list[float], elapsed: float) -> tuple[float, str]:
    """Requests a second, and a line of them with their p50 and p95 (the benches' table)."""
    quantiles = statistics.quantiles(timings, n=100)
    rate = len(timings) / elapsed
    return rate, f"{name:<28}{rate:>10.0f}/s{quantiles[49]:>10.1f}{quantiles[94]:>10.1f}"


def test_checkin_throughput_beside_a_bare_view(fair_today, capsys):
    gates = [GateFactory() for _n in range(GATES)]
    tokens = [gate_token_issue(gate=gate) for gate in gates]
    badges = [
        attendee_register(edition=fair_today, category="visitor", full_name=f"V{n}")[1]
        for n in range(GATES * 10)
    ]

    client = Client()
    with CaptureQueriesContext(connection) as queries:
        client.post(
            "/api/checkin/scan",
            {"code": badges[0].code, "scan_id": "bench-queries"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {tokens[0]}",
        )
    scan_queries = len(queries)
    scan_ids = itertools.count()

    def scans(index):
        mine = badges[index * 10 : index * 10 + 10]
        auth = {"Authorization": f"Bearer {tokens[index]}"}
        return [
            (
                "/api/checkin/scan",
                {
                    "code": mine[n % 10].code,
                    "direction": "in" if (n // 10) % 2 == 0 else "out",
                    "scan_id": f"bench-{index}-{next(scan_ids)}",  # new each time, as a gate's
                },
                auth,
            )
            for n in range(SCANS_PER_GATE)
        ]

    def bare(index, path="/bench/bare-scan"):
        return [
            (path, {"badge": badges[index * 10 + n % 10].pk, "gate": gates[index].pk}, {})
            for n in range(SCANS_PER_GATE)
        ]

    kinds = {
        "bare view (read + insert)": lambda i: bare(i),
        "the same on the short stack": lambda i: bare(i, "/api/checkin/bench-bare-scan"),
        "POST /api/checkin/scan": scans,
    }
    results = {name: [] for name in kinds}
    port = free_port()
    server = start_gunicorn(port)
    try:
        load(port, [bare(i)[:20] for i in range(GATES)])  # warm up both workers
        for _round in range(ROUNDS):  # alternating, so that the machine's moods fall on all
            for name, requests in kinds.items():
                timings, elapsed, statuses = load(port, [requests(i) for i in range(GATES)])
                assert set(statuses) == {200}, (name, set(statuses))
                results[name].append((len(timings) / elapsed, timings))
    finally:
        stop(server)

    with capsys.disabled():
        print(
            f"\n{connection.vendor}, gunicorn 2 workers, {GATES} gates x {SCANS_PER_GATE} scans, "
            f"{ROUNDS} alternating rounds (medians)"
        )
        print(f"{'':<30}{'throughput':>12}{'p50 ms':>10}{'p95 ms':>10}")
        for name, rounds in results.items():
            p50 = statistics.median(statistics.quantiles(t, n=100)[49] for _r, t in rounds)
            p95 = statistics.median(statistics.quantiles(t, n=100)[94] for _r, t in rounds)
            rate = statistics.median(r for r, _t in rounds)
            print(f"{name:<30}{rate:>10.0f}/s{p50:>10.1f}{p95:>10.1f}")
        scan_rates = [r for r, _t in results["POST /api/checkin/scan"]]
        for floor in ("bare view (read + insert)", "the same on the short stack"):
            ratios = [s / b for s, (b, _t) in zip(scan_rates, results[floor], strict=True)]
            print(
                f"check-in / {floor}: {statistics.median(ratios):.2f}x "
                f"(rounds {min(ratios):.2f}-{max(ratios):.2f})"
            )
        print(f"{scan_queries} queries a scan")
