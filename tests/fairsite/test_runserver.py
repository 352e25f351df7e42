"""runserver refuses the development SECRET_KEY on any address other machines can reach."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
DEVELOPMENT_KEY = "django-insecure-development-key-never-used-in-production"


@pytest.mark.parametrize("address", ["0.0.0.0:8000", "0:8000", "[::]:8000", "192.168.1.20:8000"])
def test_the_development_key_is_refused_beyond_loopback(settings, address):
    settings.SECRET_KEY = DEVELOPMENT_KEY

    with pytest.raises(CommandError, match="development SECRET_KEY"):
        call_command("runserver", address, use_reloader=False, skip_checks=True)


def _manage_runserver(tmp_path, address: str, **environment) -> subprocess.Popen:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'dev.sqlite3'}",
        **environment,
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "runserver", address, "--noreload", "--skip-checks"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _listening(port: int, process: subprocess.Popen, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.2)
    return False


def test_manage_py_runserver_on_every_interface_stops_with_the_development_key(tmp_path):
    process = _manage_runserver(tmp_path, f"0.0.0.0:{_free_port()}")

    _out, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Refusing to serve on 0.0.0.0 with the development SECRET_KEY" in err


@pytest.mark.parametrize(
    ("address", "environment"),
    [("127.0.0.1", {}), ("0.0.0.0", {"SECRET_KEY": "a-key-of-this-machine-" + "x" * 40})],
)
def test_runserver_serves_on_loopback_or_with_a_key_of_its_own(tmp_path, address, environment):
    port = _free_port()
    process = _manage_runserver(tmp_path, f"{address}:{port}", **environment)
    try:
        assert _listening(port, process), process.stderr.read() if process.poll() else ""
    finally:
        process.terminate()
        process.communicate(timeout=30)
