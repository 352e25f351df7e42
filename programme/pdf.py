"""Attendance certificates on paper: HTML and CSS rendered by WeasyPrint.

Pure: an attendance, its code and the address to check it at in, PDF bytes out. One A4 page
in landscape, in Arabic and in French side by side, the holder's name laid out in its own
direction; the code at the foot, with a QR of the address that verifies it.
"""

import base64
import io

import qrcode
from django.template.loader import render_to_string
from django.utils import formats, translation

from events.pdf import fair_logo_data_uri, text_direction
from fairsite.pdf import html_document

LANGUAGES = ("ar", "fr")


def qr_png_data_uri(text: str) -> str:
    """`text` (an address: any characters) as a QR symbol, a PNG of one pixel per module."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=1)
    qr.add_data(text)
    qr.make(fit=True)
    buffer = io.BytesIO()
    qr.make_image().save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def certificate_pdf(attendance, *, code: str, verify_url: str, logo: str | None = None) -> bytes:
    return certificate_document(attendance, code=code, verify_url=verify_url, logo=logo).write_pdf()


def certificate_document(attendance, *, code: str, verify_url: str, logo: str | None = None):
    """The laid-out page (a WeasyPrint Document). `logo` is a data URI, "" for none; by
    default the fair's logo from the site settings."""
    session = attendance.session
    edition = session.edition
    starts = session.starts_at.astimezone(edition.zone)
    name = attendance.attendee.full_name
    sides = []
    for language in LANGUAGES:
        with translation.override(language):
            sides.append(
                {
                    "language": language,
                    "dir": "rtl" if translation.get_language_bidi() else "ltr",
                    "edition": getattr(edition, f"name_{language}") or edition.name_fr,
                    "title": getattr(session, f"title_{language}") or session.title_fr,
                    "room": (
                        getattr(session.room, f"name_{language}") or session.room.name_fr
                        if session.room_id
                        else ""
                    ),
                    "day": formats.date_format(starts, "DATE_FORMAT"),
                }
            )
    html = render_to_string(
        "programme/certificate_pdf.html",
        {
            "sides": sides,
            "name": name,
            "name_dir": text_direction(name),
            "code": code,
            "verify_url": verify_url,
            "qr": qr_png_data_uri(verify_url),
            "logo": fair_logo_data_uri() if logo is None else logo,
        },
    )
    return html_document(html)
