"""scripts/import_graph.py: the import graph between apps, its cycles and the --check status."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "import_graph.py"

# alpha -> beta -> gamma at module level; gamma -> alpha only inside a function, which hides
# the cycle from the module-level graph. beta's import of alpha is for type checkers only.
FAKE_PROJECT = {
    "alpha/models.py": "from beta.models import Thing\n",
    "alpha/migrations/0001_initial.py": "import gamma\n",
    "alpha/tests/test_models.py": "from gamma import helpers\n",
    "beta/models.py": (
        "from typing import TYPE_CHECKING\n"
        "import gamma.helpers\n"
        "if TYPE_CHECKING:\n"
        "    from alpha.models import Thing\n"
        "class Thing:\n"
        "    import json\n"
    ),
    "beta/services/__init__.py": "",
    "beta/services/checkin.py": "from ..models import Thing\nfrom . import helpers\n",
    "beta/services/helpers.py": "import lib\n",
    "gamma/alpha.py": "VALUE = 1\n",
    "gamma/helpers.py": (
        "from .alpha import VALUE\ndef notify():\n    from alpha import models\n    return models\n"
    ),
    "gamma/views/__init__.py": "from ..alpha import VALUE\n",
    "lib/__init__.py": "import alpha\n",
}


def _project(root: Path, files: dict[str, str]) -> Path:
    for app in ("alpha", "beta", "gamma"):
        files = {f"{app}/__init__.py": "", f"{app}/apps.py": "", **files}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def _run(root: Path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root), *flags],
        capture_output=True,
        text=True,
        check=False,
    )


def _report(root: Path) -> dict:
    result = _run(root, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_graph_counts_each_kind_of_import_between_apps(tmp_path):
    report = _report(_project(tmp_path, FAKE_PROJECT))

    assert report["apps"] == ["alpha", "beta", "gamma"]
    assert report["errors"] == []
    assert report["edges"] == [
        {"from": "alpha", "to": "beta", "module": 1, "function": 0, "type_only": 0},
        {"from": "beta", "to": "alpha", "module": 0, "function": 0, "type_only": 1},
        {"from": "beta", "to": "gamma", "module": 1, "function": 0, "type_only": 0},
        {"from": "gamma", "to": "alpha", "module": 0, "function": 1, "type_only": 0},
    ]
    assert report["function_imports"] == [
        {
            "file": "gamma/helpers.py",
            "line": 3,
            "from": "gamma",
            "to": "alpha",
            "import": "from alpha import models",
        }
    ]
    assert report["function_imports_per_app"]["gamma"] == {"other_apps": 1, "own_app": 0}


def test_cycle_hidden_by_a_function_level_import_is_found(tmp_path):
    root = _project(tmp_path, FAKE_PROJECT)
    report = _report(root)

    assert report["cycles"] == {"module": [], "full": [["alpha", "beta", "gamma"]]}
    result = _run(root, "--functions")
    assert "alpha, beta, gamma (3 apps reach each other)" in result.stdout
    assert "gamma/helpers.py:3: from alpha import models" in result.stdout


def test_check_fails_on_a_cycle_and_passes_without_one(tmp_path):
    cyclic = _project(tmp_path / "cyclic", FAKE_PROJECT)
    # Without gamma's function-level import, only the type-only import points back at alpha.
    acyclic = _project(tmp_path / "acyclic", {**FAKE_PROJECT, "gamma/helpers.py": "X = 1\n"})

    assert _run(cyclic, "--check").returncode == 1
    assert _run(cyclic).returncode == 0
    assert _run(acyclic, "--check").returncode == 0
    assert _report(acyclic)["cycles"]["full"] == []


def test_with_tests_reads_migrations_and_tests(tmp_path):
    root = _project(tmp_path, FAKE_PROJECT)

    report = json.loads(_run(root, "--json", "--with-tests").stdout)

    edge = next(e for e in report["edges"] if (e["from"], e["to"]) == ("alpha", "gamma"))
    assert edge["module"] == 2


def test_unreadable_module_is_reported_and_fails(tmp_path):
    root = _project(tmp_path, {**FAKE_PROJECT, "beta/broken.py": "def (:\n"})

    result = _run(root)

    assert result.returncode == 2
    assert "Cannot read beta/broken.py" in result.stdout


def test_real_tree_is_read_whole():
    result = _run(SCRIPT.parent.parent, "--json")

    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert report["files"] > 100
    six = {"fairsite", "events", "exhibitors", "partnerships", "observatory", "exportsupport"}
    assert six <= set(report["apps"])


def test_a_late_import_is_allowed_in_ready_and_with_its_reason_only(tmp_path):
    files = {
        "alpha/apps.py": (
            "class AlphaConfig:\n    def ready(self):\n        from alpha import signals\n"
        ),
        "alpha/signals.py": "",
        "alpha/storage.py": (
            "def url():\n"
            "    # Imported here: an optional dependency.\n"
            "    import boto\n"
            "    return boto\n"
        ),
        "beta/views.py": "def view():\n    from beta import models\n    return models\n",
        "beta/models.py": "",
    }
    root = _project(tmp_path, files)

    report = _report(root)
    result = _run(root, "--check")

    assert report["unexplained_function_imports"] == [
        {"file": "beta/views.py", "line": 2, "import": "from beta import models"}
    ]
    assert result.returncode == 1
    assert "beta/views.py:2: from beta import models" in result.stdout


def test_the_project_s_apps_import_each_other_in_no_cycle_and_explain_every_late_import():
    result = _run(SCRIPT.parent.parent, "--check")

    assert result.returncode == 0, result.stdout
