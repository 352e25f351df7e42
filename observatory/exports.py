"""An indicator's table as a download: CSV, or an XLSX workbook (right to left in Arabic).

A table is the indicator's title, a header row (the label column, then each edition's year)
and its rows, with the previous edition's value where there is one."""

import csv
import dataclasses
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Font

from observatory.services.figures import Figures


@dataclasses.dataclass
class Table:
    key: str
    title: str
    header: list[str]
    rows: list[list]


def tables(now: Figures, then: Figures | None, *, year: int, previous_year: int | None):
    """One table per indicator, in the dashboard's order."""
    before = then.rows_by_key() if then else {}
    header = [str(year)] + ([str(previous_year)] if previous_year else [])
    result = []
    for indicator in now.indicators:
        rows = []
        for label, value in indicator.rows:
            row = [label, value]
            if previous_year:
                row.append(before.get(indicator.key, {}).get(label, ""))
            rows.append(row)
        result.append(Table(indicator.key, indicator.title, [indicator.title, *header], rows))
    return result


def as_csv(table: Table) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # spreadsheet programs then read the Arabic right
    writer = csv.writer(out)
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return out.getvalue().encode("utf-8")


def as_xlsx(tables_: list[Table], *, rtl: bool) -> bytes:
    """A workbook with a sheet per table, the header in bold."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables_:
        sheet = workbook.create_sheet(_sheet_name(table.title, taken=workbook.sheetnames))
        sheet.sheet_view.rightToLeft = rtl
        sheet.append(table.header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(row)
        sheet.column_dimensions["A"].width = max([12, *(len(str(r[0])) + 2 for r in table.rows)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _sheet_name(title: str, *, taken) -> str:
    """At most 31 characters, none of those a sheet name may not hold, and not taken."""
    name = re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip() or "Sheet"
    number = 2
    while name in taken:
        suffix = f" ({number})"
        name = name[: 31 - len(suffix)] + suffix
        number += 1
    return name
