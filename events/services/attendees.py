"""Attendees added in bulk from a spreadsheet (CSV, UTF-8): every good row is registered with
its badge, every bad one reported by its line; the good rows are kept together or not at all."""

import csv
import dataclasses
import io

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from events.errors import ImportRefused
from events.models import Edition
from events.services.badges import IMPORTED_ACTION, attendee_register
from fairsite.audit import audit_log
from fairsite.models import User

MAX_IMPORT_ROWS = 5000
LANGUAGES = ("ar", "fr", "en")


@dataclasses.dataclass
class ImportReport:
    added: int = 0
    errors: list[tuple[int, str]] = dataclasses.field(default_factory=list)


@transaction.atomic
def attendees_import(
    *, edition: Edition, category: str, content: bytes, by: User | None
) -> ImportReport:
    """Register each row of the CSV `content` as an attendee of `category` with a badge.

    A file that is not UTF-8 or lacks the full_name column is refused whole (ImportRefused)."""
    report = ImportReport()
    for line, row in _rows(content):
        if line > MAX_IMPORT_ROWS + 1:
            report.errors.append(
                (line, _("Only %(max)s lines are read at a time.") % {"max": MAX_IMPORT_ROWS})
            )
            break
        problem = _row_problem(row)
        if problem:
            report.errors.append((line, problem))
            continue
        attendee_register(
            edition=edition,
            category=category,
            full_name=row["full_name"].strip(),
            organisation=(row.get("organisation") or "").strip(),
            email=(row.get("email") or "").strip(),
            language=(row.get("language") or "ar").strip() or "ar",
        )
        report.added += 1
    audit_log(
        instance=edition,
        action=IMPORTED_ACTION,
        by=by,
        data={"category": category, "added": report.added, "refused": len(report.errors)},
    )
    return report


def _rows(content: bytes):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(_("The file is not UTF-8 text.")) from error
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "full_name" not in reader.fieldnames:
        raise ImportRefused(_("The first line must name the columns, with full_name among them."))
    return enumerate(reader, start=2)


def _row_problem(row: dict) -> str:
    email = (row.get("email") or "").strip()
    language = (row.get("language") or "ar").strip() or "ar"
    if not (row.get("full_name") or "").strip():
        return _("The name is missing.")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            return _("“%(email)s” is not an e-mail address.") % {"email": email}
    if language not in LANGUAGES:
        return _("The language must be ar, fr or en.")
    return ""
