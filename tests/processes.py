"""Processes a test starts beside itself, working on the test's own database: gunicorn and
Celery workers, as in production (settings: tests.bench.settings)."""

import contextlib
import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(**extra) -> dict:
    """The environment of a process that works on this test's database, and on a namespace
    of the shared cache of its own."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.bench.settings",
        "BENCH_CACHE_PREFIX": cache_namespace(),
        **extra,
    }
    database = connection.settings_dict
    if "DATABASE_URL" in extra:
        pass  # the caller's way to the database (through a relay, say)
    elif database["ENGINE"].endswith("postgresql"):
        env["DATABASE_URL"] = (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        )
    else:
        env["DATABASE_URL"] = f"sqlite:///{database['NAME']}"
    return env


def cache_namespace() -> str:
    """The shared cache's namespace for this test's processes (its server and its workers).
    Another test's processes kept what they read from another database there (Wagtail's
    site root paths, the content version): read here, it would answer for pages that are not
    in this one."""
    test = os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0]
    return f"bench-{os.getpid()}-{hashlib.sha256(test.encode()).hexdigest()[:8]}"


def start_gunicorn(port: int, *, workers: int = 2, **env) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
        + ["--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=server_env(**env),
    )
    for _attempt in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def start_worker(queue: str, *, concurrency: int = 1, **env) -> subprocess.Popen:
    """A Celery worker on `queue` only, in a process group of its own (so that a test can
    kill it whole, pool processes included)."""
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "--quiet", "-A", "config", "worker", "-Q", queue]
        + ["--concurrency", str(concurrency), "--loglevel", "warning"]
        + ["--hostname", f"{queue}-{time.monotonic_ns()}@%h"],
        cwd=ROOT,
        env=server_env(BENCH_QUEUE=queue, **env),
        start_new_session=True,
    )


def stop(process: subprocess.Popen, sig=signal.SIGTERM, timeout: float = 30) -> None:
    """Stop the process and its group; killed if it does not stop in `timeout` seconds."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig) if _leads_group(process) else process.send_signal(sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL) if _leads_group(process) else process.kill()
        process.wait(timeout=10)


def _leads_group(process: subprocess.Popen) -> bool:
    try:
        return os.getpgid(process.pid) == process.pid
    except ProcessLookupError:
        return False
