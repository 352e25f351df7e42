"""Every interface string the code and the templates mark is in the Arabic and French
catalogues: a string added without `make makemessages` and its translation would show in
English to Arabic and French readers (the translation test only reads the catalogues)."""

import ast
import gettext
import io
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
APPS = ["b2b", "config", "events", "exhibitors", "exportsupport", "fairsite", "observatory"]
APPS += ["partnerships", "programme"]
SINGULAR = {"_", "gettext", "gettext_lazy", "gettext_noop"}
CONTEXT = {"pgettext", "pgettext_lazy"}
PLURAL = {"ngettext", "ngettext_lazy"}
TEMPLATE_TAG = re.compile(
    r"""\{%\s*(?:translate|trans)\s+(?P<q>["'])(?P<msgid>.*?)(?P=q)"""
    r"""(?:\s+context\s+(?P<cq>["'])(?P<context>.*?)(?P=cq))?"""
)


def _name(node) -> str:
    return node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")


def _text(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def python_messages():
    for path in sorted(p for app in APPS for p in (ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name, args = _name(node.func), [_text(arg) for arg in node.args]
            if name in SINGULAR | PLURAL and args[0]:
                yield path, None, args[0]
            elif name in CONTEXT and len(args) > 1 and args[0] and args[1]:
                yield path, args[0], args[1]


def template_messages():
    for path in sorted((ROOT / "templates").rglob("*")):
        if path.suffix not in {".html", ".txt"}:
            continue
        for match in TEMPLATE_TAG.finditer(path.read_text(encoding="utf-8")):
            yield path, match["context"], match["msgid"]


def catalogue(language: str) -> set[str]:
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    mo = subprocess.run(["msgfmt", "-o", "-", str(po)], capture_output=True, check=True).stdout
    keys = gettext.GNUTranslations(io.BytesIO(mo))._catalog
    return {key[0] if isinstance(key, tuple) else key for key in keys}


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_every_marked_string_is_in_the_catalogue(language):
    known = catalogue(language)
    missing = sorted(
        {
            (str(path.relative_to(ROOT)), f"{context}\x04{msgid}" if context else msgid)
            for path, context, msgid in [*python_messages(), *template_messages()]
            if (f"{context}\x04{msgid}" if context else msgid) not in known
        }
    )
    assert missing == [], "run `make makemessages` and translate:\n" + "\n".join(
        f"{path}: {msgid!r}" for path, msgid in missing
    )
