"""Timing a page through the Django test client: its queries, then p50 and p95 over rounds."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def measure(client: Client, url: str, *, rounds: int, warm_up: int = 3) -> tuple[int, float, float]:
    """(queries of one request, p50 ms, p95 ms)."""
    for _warm_up in range(warm_up):
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    # Counted now: the next request clears the connection's query log.
    query_count = len(queries)
    timings = []
    for _round in range(rounds):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    quantiles = statistics.quantiles(timings, n=100)
    return query_count, quantiles[49], quantiles[94]
