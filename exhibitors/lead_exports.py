"""A stand's leads as a download, CSV or XLSX (right to left in Arabic): pure renderers.

The rows are `exhibitors.selectors.Lead`s, so a visitor who does not share their contact is
an anonymous row here as on the page. Text that a spreadsheet would run as a formula (a name
typed as "=..." at registration) is written as text.
"""

import csv
import io
import re
import zoneinfo

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font

from exhibitors.selectors import Lead

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PHONE = re.compile(r"\+\d{6,15}")  # a mobile number as stored (E.164): no formula


def header() -> list[str]:
    return [
        _("First scanned"),
        _("Last scanned"),
        _("Scans"),
        _("Name"),
        _("Organisation"),
        _("E-mail"),
        _("Mobile number"),
        _("Rating"),
        _("Note"),
    ]


def lead_row(lead: Lead, zone: zoneinfo.ZoneInfo) -> list:
    visit, contact = lead.visit, lead.contact
    return [
        visit.first_scanned_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        visit.last_scanned_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        visit.scans,
        contact.name if contact else _("Anonymous visitor"),
        contact.organisation if contact else "",
        contact.email if contact else "",
        contact.phone if contact else "",
        visit.rating or "",
        visit.note,
    ]


def leads_csv(leads: list[Lead], *, zone: zoneinfo.ZoneInfo) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # spreadsheet programs then read the Arabic right
    writer = csv.writer(out)
    writer.writerow(header())
    for lead in leads:
        writer.writerow([_inert(value) for value in lead_row(lead, zone)])
    return out.getvalue().encode("utf-8")


def leads_xlsx(leads: list[Lead], *, zone: zoneinfo.ZoneInfo, title: str, rtl: bool) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Leads"
    sheet.sheet_view.rightToLeft = rtl
    sheet.append(header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for lead in leads:
        sheet.append(lead_row(lead, zone))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                # openpyxl takes any text starting with "=" for a formula.
                cell.data_type = TYPE_STRING
    for letter, width in zip("ABCDEFGHI", [17, 17, 7, 28, 28, 28, 18, 7, 60], strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _inert(value):
    """A CSV cell a spreadsheet shows as it is rather than running it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PHONE.fullmatch(value):
        return "'" + value
    return value
