"""A participant's B2B meetings on paper: HTML and CSS rendered by WeasyPrint.

Pure: the participant and their meetings in, PDF bytes out. A4, one line per meeting in
time order, times in the fair's time zone, with the link of a meeting held by video. Each
name is laid out in its own direction, so an Arabic name reads right to left on a French
agenda and a Latin one left to right on an Arabic agenda.
"""

import itertools

from django.template.loader import render_to_string
from django.utils import timezone, translation

from b2b.choices import RequestStatus
from b2b.selectors import other_side
from events.pdf import text_direction
from fairsite.pdf import html_document


def agenda_pdf(participant, meetings, *, language: str) -> bytes:
    return agenda_document(participant, meetings, language=language).write_pdf()


def agenda_document(participant, meetings, *, language: str):
    """The laid-out pages (a WeasyPrint Document), before they are written as PDF.

    The meetings are read with their request, both its sides and their block.
    """
    edition = participant.edition
    zone = edition.zone
    rows = []
    for meeting in sorted(meetings, key=lambda m: (m.starts_at, m.table)):
        other = other_side(meeting.request, participant)
        rows.append(
            {
                "meeting": meeting,
                "day": meeting.starts_at.astimezone(zone).date(),
                "name": other.name,
                "name_dir": text_direction(other.name),
                "organisation": other.organisation,
                "organisation_dir": text_direction(other.organisation),
                "place_dir": text_direction(meeting.block.place),
                "cancelled": meeting.is_cancelled
                or meeting.request.status != RequestStatus.ACCEPTED,
            }
        )
    days = [(day, list(group)) for day, group in itertools.groupby(rows, lambda r: r["day"])]
    with translation.override(language), timezone.override(zone):
        html = render_to_string(
            "b2b/agenda_pdf.html",
            {
                "participant": participant,
                "participant_dir": text_direction(participant.name),
                "participant_organisation_dir": text_direction(participant.organisation),
                "edition": edition,
                "days": days,
                "language": language,
                "printed_at": timezone.now(),
            },
        )
    return html_document(html)
