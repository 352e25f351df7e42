"""The import graph between the project's apps, and its cycles.

    python scripts/import_graph.py               # graph, cycles, function-level counts
    python scripts/import_graph.py --functions   # also list every function-level import
    python scripts/import_graph.py --json        # the same, machine-readable
    python scripts/import_graph.py --check       # exit 1 on a cycle or an unexplained late import

An app is a top-level package with an `apps.py`; a module is counted under its app
(`events.services.checkin` is `events`). Each import statement is one of: module-level,
function-level (inside a def, where it runs only when called and so can hide a cycle) or
type-only (under `if TYPE_CHECKING:`, never run); a class body runs on import, like the
module. `--check` looks at module- and function-level imports together. Migrations and tests
are left out unless `--with-tests` is given.

A function-level import is allowed in an AppConfig's `ready()` (where Django means apps to
import their models and connect signals) and where a comment on the line above starts with
"# Imported here" and says why (an optional dependency, a module the settings import before
Django is set up); `--check` also fails on any other.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections import defaultdict
from pathlib import Path

KINDS = ("module", "function", "type_only")
SKIPPED_DIRS = {"migrations", "tests"}


def apps_find(root: Path) -> list[str]:
    found = root.glob("*/apps.py")
    return sorted(p.parent.name for p in found if (p.parent / "__init__.py").exists())


def modules_find(root: Path, app: str, *, with_tests: bool) -> list[Path]:
    found = []
    for path in sorted((root / app).rglob("*.py")):
        parts = path.relative_to(root).parts
        name = parts[-1]
        is_test = bool(SKIPPED_DIRS & set(parts[:-1])) or name.startswith("test_")
        if with_tests or not (is_test or name in ("tests.py", "conftest.py")):
            found.append(path)
    return found


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


class _Imports(ast.NodeVisitor):
    """Collects (line, kind, imported top-level names, source) for each import statement."""

    def __init__(self, package: list[str]):
        self.package = package
        self.depth = 0
        self.type_only = False
        self.functions: list[str] = []
        self.found: list[tuple[int, str, set[str], str]] = []
        self.late: list[tuple[int, str, bool]] = []  # (line, source, in ready())

    def _nested(self, node: ast.AST) -> None:
        self.depth += 1
        self.functions.append(getattr(node, "name", ""))
        self.generic_visit(node)
        self.functions.pop()
        self.depth -= 1

    # A class body runs when its module is imported, so only a def defers an import.
    visit_FunctionDef = visit_AsyncFunctionDef = _nested

    def visit_If(self, node: ast.If) -> None:
        if not _is_type_checking(node.test):
            return self.generic_visit(node)
        outer, self.type_only = self.type_only, True
        for child in node.body:
            self.visit(child)
        self.type_only = outer
        for child in node.orelse:
            self.visit(child)

    def _add(self, node: ast.stmt, targets: set[str]) -> None:
        kind = "type_only" if self.type_only else "function" if self.depth else "module"
        self.found.append((node.lineno, kind, targets, ast.unparse(node)))
        if kind == "function":
            self.late.append((node.lineno, ast.unparse(node), self.functions[:1] == ["ready"]))

    def visit_Import(self, node: ast.Import) -> None:
        self._add(node, {alias.name.split(".")[0] for alias in node.names})

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level == 0:
            target = (node.module or "").split(".")
        else:
            # `from .x import y` is relative to the module's package; each further dot goes up.
            up = node.level - 1
            if up > len(self.package) - 1:
                return
            target = self.package[: len(self.package) - up] + (node.module or "").split(".")
        self._add(node, {target[0]} if target[0] else set())


def graph_build(root: Path, *, with_tests: bool = False) -> dict:
    apps = apps_find(root)
    edges: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(KINDS, 0))
    function_imports, unexplained, errors, files = [], [], [], 0
    own_function_imports = dict.fromkeys(apps, 0)
    for app in apps:
        for path in modules_find(root, app, with_tests=with_tests):
            rel = path.relative_to(root)
            package = list(rel.parent.parts)
            try:
                text = path.read_text(encoding="utf-8")
                tree = ast.parse(text, filename=str(rel))
            except (SyntaxError, UnicodeDecodeError) as exc:
                errors.append(f"{rel}: {exc}")
                continue
            files += 1
            collector = _Imports(package)
            collector.visit(tree)
            source_lines = text.splitlines()
            for line, source, in_ready in collector.late:
                if not in_ready and not _explained(source_lines, line):
                    unexplained.append({"file": rel.as_posix(), "line": line, "import": source})
            for line, kind, targets, source in collector.found:
                if kind == "function" and app in targets:
                    own_function_imports[app] += 1
                for other in sorted(targets & set(apps) - {app}):
                    edges[app, other][kind] += 1
                    if kind == "function":
                        function_imports.append(
                            {
                                "file": rel.as_posix(),
                                "line": line,
                                "from": app,
                                "to": other,
                                "import": source,
                            }
                        )
    module_graph = {pair for pair, counts in edges.items() if counts["module"]}
    full_graph = {pair for pair, counts in edges.items() if counts["module"] or counts["function"]}
    per_app = {
        app: {
            "other_apps": sum(1 for f in function_imports if f["from"] == app),
            "own_app": own_function_imports[app],
        }
        for app in apps
    }
    return {
        "apps": apps,
        "files": files,
        "errors": errors,
        "edges": [{"from": a, "to": b, **edges[a, b]} for a, b in sorted(edges)],
        "cycles": {
            "module": cycles_find(apps, module_graph),
            "full": cycles_find(apps, full_graph),
        },
        "function_imports_per_app": per_app,
        "function_imports": function_imports,
        "unexplained_function_imports": unexplained,
    }


def _explained(source_lines: list[str], line: int) -> bool:
    """A comment starting "# Imported here" just above the import, or above the imports
    grouped with it."""
    index = line - 2
    while index >= 0 and source_lines[index].strip().startswith(("import ", "from ")):
        index -= 1
    while index >= 0 and source_lines[index].strip().startswith("#"):
        if source_lines[index].strip().startswith("# Imported here"):
            return True
        index -= 1
    return False


def cycles_find(apps: list[str], graph: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected components of more than one app: apps that reach each other."""
    reach = {app: _reachable(app, graph) for app in apps}
    components = {tuple(sorted(b for b in reach[a] if a in reach[b])) for a in apps}
    return sorted(list(c) for c in components if len(c) > 1)


def _reachable(start: str, graph: set[tuple[str, str]]) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        for a, b in graph:
            if a == node and b not in seen:
                seen.add(b)
                todo.append(b)
    return seen


def report_text(report: dict, *, functions: bool) -> str:
    lines = [
        f"Apps ({len(report['apps'])}): {', '.join(report['apps'])}; {report['files']} files read."
    ]
    lines += [f"Cannot read {error}" for error in report["errors"]]
    lines += ["", "Imports between apps, statements (module-level / function-level / type-only):"]
    for e in report["edges"]:
        pair = f"{e['from']} -> {e['to']}"
        lines.append(f"  {pair:34} {e['module']:3} / {e['function']:3} / {e['type_only']:3}")
    titles = {
        "module": "module-level imports only",
        "full": "module- and function-level imports (type-only left out)",
    }
    for key, title in titles.items():
        cycles = report["cycles"][key]
        lines += ["", f"Cycles, {title}:"]
        lines += [f"  {', '.join(c)} ({len(c)} apps reach each other)" for c in cycles]
        lines += [] if cycles else ["  none"]
    lines += ["", "Function-level imports, per importing app (of other apps / of its own modules):"]
    lines += [
        f"  {app:16} {n['other_apps']:3} / {n['own_app']:3}"
        for app, n in report["function_imports_per_app"].items()
    ]
    lines += ["", "Function-level imports outside AppConfig.ready() with no reason given:"]
    lines += [
        f"  {f['file']}:{f['line']}: {f['import']}" for f in report["unexplained_function_imports"]
    ]
    lines += [] if report["unexplained_function_imports"] else ["  none"]
    if functions:
        lines += ["", "Function-level imports of another app:"]
        lines += [f"  {f['file']}:{f['line']}: {f['import']}" for f in report["function_imports"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--functions", action="store_true", help="list function-level imports")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 on a cycle or an unexplained late import"
    )
    parser.add_argument("--with-tests", action="store_true", help="read migrations and tests too")
    args = parser.parse_args(argv)
    report = graph_build(args.root, with_tests=args.with_tests)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(report_text(report, functions=args.functions))
    if report["errors"]:
        return 2
    failed = report["cycles"]["full"] or report["unexplained_function_imports"]
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
