"""Printable badges: HTML and CSS rendered by WeasyPrint.

Pure: badges in, PDF bytes out. A6 portrait for one badge, or A4 sheets of four with cut
marks for batches.
"""

import base64
import io
import unicodedata

import qrcode
from django.template.loader import render_to_string
from django.utils import translation

from events.choices import AttendeeCategory
from fairsite.pdf import html_document

CATEGORY_COLOURS = {
    AttendeeCategory.VISITOR: "#0c5d3f",
    AttendeeCategory.EXHIBITOR_STAFF: "#b8860b",
    AttendeeCategory.SPEAKER: "#6d28d9",
    AttendeeCategory.PRESS: "#1d4ed8",
    AttendeeCategory.ORGANISER: "#b42318",
    AttendeeCategory.DELEGATION: "#0f766e",
    AttendeeCategory.VOLUNTEER: "#c2410c",
}
LAYOUTS = {"single", "sheet"}


def qr_data_uri(code: str) -> str:
    """The code as a QR symbol (alphanumeric mode, error correction M): a PNG of one pixel
    per module, which the stylesheet scales up without smoothing.

    WeasyPrint draws such an image about twice as fast as the same symbol in SVG, and the
    printed squares are just as sharp.
    """
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=1)
    qr.add_data(qrcode.util.QRData(code, mode=qrcode.util.MODE_ALPHA_NUM))
    qr.make(fit=True)
    buffer = io.BytesIO()
    qr.make_image().save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def text_direction(text: str) -> str:
    """ "rtl" if the first letter with a direction is right-to-left (Arabic), else "ltr"."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def name_size(name: str) -> str:
    """A smaller type for longer names, so that none overflows the badge."""
    length = len(name)
    if length <= 18:
        return "name--large"
    if length <= 32:
        return "name--medium"
    return "name--small"


def badges_pdf(badges, *, layout: str = "single", language: str = "ar") -> bytes:
    return badges_document(badges, layout=layout, language=language).write_pdf()


def badges_document(badges, *, layout: str = "single", language: str = "ar"):
    """The laid-out pages (a WeasyPrint Document), before they are written as PDF."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout is one of {sorted(LAYOUTS)}")
    items = [
        {
            "badge": badge,
            "name": badge.attendee.full_name,
            "name_dir": text_direction(badge.attendee.full_name),
            "name_size": name_size(badge.attendee.full_name),
            "organisation": badge.attendee.organisation,
            "organisation_dir": text_direction(badge.attendee.organisation),
            "colour": CATEGORY_COLOURS[badge.category],
            "qr": qr_data_uri(badge.code),
        }
        for badge in badges
    ]
    sheets = [items[start : start + 4] for start in range(0, len(items), 4)]
    with translation.override(language):
        html = render_to_string(
            "events/badges_pdf.html",
            {"items": items, "sheets": sheets, "layout": layout, "language": language},
        )
    return html_document(html)
