"""PostgreSQL goes away under load and comes back: the requests meanwhile fail quickly with a
server error, the ones after succeed, and the web processes are the same ones throughout
(their kept connections are checked and opened again, nobody restarts them)."""

import http.client
import subprocess
import threading
import time

import pytest
from django.db import connection

from tests.faults import TcpRelay
from tests.processes import free_port, start_gunicorn, stop

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="runs on PostgreSQL (DATABASE_URL)"
    ),
]
CLIENTS = 8
CUT_AT, BACK_AT, END_AT = 2.0, 3.5, 7.0  # seconds into the load
# The requests started this long after PostgreSQL is back must all succeed: a worker replaces a
# connection the cut broke on its next request (CONN_HEALTH_CHECKS).
RECOVERY = 1.0


def workers_of(master: subprocess.Popen) -> set[str]:
    found = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master.pid)], capture_output=True, text=True
    )
    return set(found.stdout.split())


def test_postgres_restarted_under_load(homes):
    database = connection.settings_dict
    relay = TcpRelay((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
    url = f"postgres://{database['USER']}@127.0.0.1:{relay.port}/{database['NAME']}"
    port = free_port()
    # Every request renders its page (none kept), so that every one needs the database.
    server = start_gunicorn(port, DATABASE_URL=url, PAGE_CACHE_SECONDS="0")
    results: list[tuple[float, int, float]] = []  # (started, status, seconds)
    lock = threading.Lock()
    try:
        for _warm in range(4):
            fetch(port, "/fr/")
        before = workers_of(server)
        began = time.monotonic()

        def client():
            while (now := time.monotonic() - began) < END_AT:
                status, seconds = fetch(port, "/fr/")
                with lock:
                    results.append((now, status, seconds))

        threads = [threading.Thread(target=client) for _n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        time.sleep(CUT_AT)
        relay.cut()  # PostgreSQL is gone: connections reset, new ones refused
        time.sleep(BACK_AT - CUT_AT)
        relay.restore()
        for thread in threads:
            thread.join()
        after = workers_of(server)
    finally:
        stop(server)
        relay.close()

    before_cut = [status for started, status, _s in results if started < CUT_AT - 0.3]
    during = [status for started, status, _s in results if CUT_AT + 0.2 < started < BACK_AT]
    after_back = [status for started, status, _s in results if started > BACK_AT + RECOVERY]
    assert before_cut and set(before_cut) == {200}
    # A clean failure, at once (a page that needs no query may still be served).
    assert during and set(during) <= {200, 500, 503} and 500 in during, set(during)
    assert after_back and set(after_back) == {200}, set(after_back)
    assert max(seconds for _t, _s, seconds in results) < 5  # nobody left hanging
    assert before == after and len(before) == 2  # the same two workers throughout


def fetch(port: int, path: str) -> tuple[int, float]:
    began = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status, time.monotonic() - began
    finally:
        conn.close()
