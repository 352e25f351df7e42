import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_sqlite_concurrent_writers_wait_instead_of_failing(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'fair.sqlite3'}"}

    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("sqlite_writers.py"))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    journal_mode, total, expected, errors, first_error = result.stdout.split(" ", 4)
    assert journal_mode == "wal"
    assert errors == "0", first_error
    assert total == expected
