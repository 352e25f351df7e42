"""A transactional test outside the benchmarks puts the database back as it found it
(`serialized_rollback=True`): one that only flushes the tables leaves the content types
renumbered, and every browser test after it fails to set up."""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
MARK = re.compile(r"django_db\(([^)]*)\)")


def test_every_transactional_test_rolls_back_by_serialising():
    offenders = []
    for path in sorted(TESTS.rglob("test_*.py")):
        if "bench" in path.relative_to(TESTS).parts:
            continue
        for match in MARK.finditer(path.read_text(encoding="utf-8")):
            arguments = match.group(1)
            if "transaction=True" in arguments and "serialized_rollback=True" not in arguments:
                offenders.append(f"{path.relative_to(TESTS)}: django_db({arguments})")
    assert not offenders, offenders
