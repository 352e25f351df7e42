"""Printable badges: HTML and CSS rendered by WeasyPrint.

Pure: badges in, PDF bytes out. A6 portrait for one badge, or A4 sheets of four with cut
marks for batches.
"""

import base64
import datetime
import io
import logging
import mimetypes
import unicodedata

import qrcode
from django.template.loader import render_to_string
from django.utils import formats, translation
from PIL import Image

from events.choices import AttendeeCategory
from fairsite.i18n import join_list
from fairsite.models import SiteSettings
from fairsite.pdf import html_document

logger = logging.getLogger(__name__)

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


# The mask a batch's symbols are drawn with. Choosing the best of the eight for each symbol
# is half the time of a printed badge; a code is mostly an Ed25519 signature, as random as
# data gets, so the masks score much alike on it: over 200 random codes this one scored a
# median 12 % above the best mask's penalty (the spread between masks, not a failing symbol).
BATCH_QR_MASK = 5


def qr_data_uri(code: str, *, mask_pattern: int | None = None) -> str:
    """The code as a QR symbol (alphanumeric mode, error correction M): a PNG of one pixel
    per module, which the stylesheet scales up without smoothing. The mask is the best of the
    eight unless `mask_pattern` names one (batches: BATCH_QR_MASK).

    WeasyPrint draws such an image about twice as fast as the same symbol in SVG, and the
    printed squares are just as sharp. The PNG is written from the symbol's modules as one
    row of bytes each, five times faster than drawing them square by square.
    """
    qr = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=4,
        box_size=1,
        mask_pattern=mask_pattern,
    )
    qr.add_data(qrcode.util.QRData(code, mode=qrcode.util.MODE_ALPHA_NUM))
    qr.make(fit=True)
    modules = qr.get_matrix()  # rows of booleans, the quiet zone included
    size = len(modules)
    pixels = bytes(0 if dark else 255 for row in modules for dark in row)
    buffer = io.BytesIO()
    Image.frombytes("L", (size, size), pixels).save(buffer, format="PNG", compress_level=1)
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


def date_range(starts_on: datetime.date, ends_on: datetime.date) -> str:
    """The days of an edition as the active language writes them, the month and the year said
    once where the days share them: "3–6 دجنبر 2026", "30 novembre – 3 décembre 2026"."""
    if starts_on == ends_on:
        return formats.date_format(starts_on, "DATE_FORMAT")
    end = formats.date_format(ends_on, "DATE_FORMAT")
    if (starts_on.year, starts_on.month) == (ends_on.year, ends_on.month):
        return f"{starts_on.day}–{end}"
    if starts_on.year == ends_on.year:
        return f"{formats.date_format(starts_on, 'MONTH_DAY_FORMAT')} – {end}"
    return f"{formats.date_format(starts_on, 'DATE_FORMAT')} – {end}"


def edition_lines(edition) -> dict:
    """What a badge says of its edition, in the active language: its days, and its venue
    with the city."""
    venue = edition.venue
    where = join_list(part for part in (venue.name, venue.city) if part) if venue else ""
    return {"dates": date_range(edition.starts_on, edition.ends_on), "where": where}


def fair_logo_data_uri() -> str:
    """The fair's logo from the default site's settings, as a data URI of a small rendition
    (read from storage, never over the network); "" when there is none or it cannot be read."""
    settings = (
        SiteSettings.objects.filter(site__is_default_site=True).select_related("fair_logo").first()
    )  # read, not made: printing badges writes no settings row
    logo = settings and settings.fair_logo
    if not logo:
        return ""
    try:
        rendition = logo.get_rendition("max-400x160|format-png")
        with rendition.file.open("rb") as image:
            content = image.read()
    except Exception:  # a broken image leaves the badge without a logo, not unprinted
        logger.warning("The fair's logo could not be read for the badges", exc_info=True)
        return ""
    kind = mimetypes.guess_type(rendition.file.name)[0] or "image/png"
    return f"data:{kind};base64," + base64.b64encode(content).decode()


SITE_LOGO = object()


def badges_pdf(
    badges, *, layout: str = "single", language: str = "ar", logo=SITE_LOGO, batch: bool = False
) -> bytes:
    return badges_document(
        badges, layout=layout, language=language, logo=logo, batch=batch
    ).write_pdf()


def badges_document(
    badges, *, layout: str = "single", language: str = "ar", logo=SITE_LOGO, batch: bool = False
):
    """The laid-out pages (a WeasyPrint Document), before they are written as PDF.

    `logo` is a data URI, "" for none; by default the fair's logo from the site settings.
    `batch`: part of a print run, its QR symbols drawn with one mask (BATCH_QR_MASK).
    """
    mask_pattern = BATCH_QR_MASK if batch else None
    if layout not in LAYOUTS:
        raise ValueError(f"layout is one of {sorted(LAYOUTS)}")
    if logo is SITE_LOGO:
        logo = fair_logo_data_uri()
    items = [
        {
            "badge": badge,
            "name": badge.attendee.full_name,
            "name_dir": text_direction(badge.attendee.full_name),
            "name_size": name_size(badge.attendee.full_name),
            "organisation": badge.attendee.organisation,
            "organisation_dir": text_direction(badge.attendee.organisation),
            "colour": CATEGORY_COLOURS[badge.category],
            "qr": qr_data_uri(badge.code, mask_pattern=mask_pattern),
        }
        for badge in badges
    ]
    sheets = [items[start : start + 4] for start in range(0, len(items), 4)]
    with translation.override(language):
        editions = {}
        for item in items:
            edition = item["badge"].edition
            if edition.pk not in editions:
                editions[edition.pk] = edition_lines(edition)
            item["edition"] = editions[edition.pk]
        html = render_to_string(
            "events/badges_pdf.html",
            {
                "items": items,
                "sheets": sheets,
                "layout": layout,
                "language": language,
                "logo": logo,
            },
        )
    return html_document(html)
