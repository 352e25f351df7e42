"""A participant's B2B meetings as a calendar feed, at the secret address of their agenda.

Open to calendar apps without a log-in: whoever holds the address sees the meetings, and a
participant who fears it has leaked makes a new one from their agenda page.

Each meeting is one VEVENT whose UID comes from its request, which never changes, and whose
SEQUENCE is the meeting's revision: a subscribed calendar updates a moved meeting in place
and marks a cancelled one instead of losing it. Times are written in the edition's time zone
with a VTIMEZONE covering the fair's days, as the programme's feeds do (Morocco's offset
changes during Ramadan; a calendar must not guess it from the zone's name).

A meeting held by video carries its link twice: as URL, which every calendar shows, and as
CONFERENCE (RFC 7986, FEATURE=VIDEO), which the newer ones turn into a "join" button. The
description repeats it for those that show neither.
"""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Conference, Event

from b2b.choices import RequestStatus
from b2b.models import B2BParticipant
from b2b.selectors import other_side, participant_meetings
from fairsite.calendars import published_calendar, uid_domain, vtimezone

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Around the fair's days, so that a meeting moved a little outside them is still covered.
MARGIN = datetime.timedelta(days=7)


def meeting_uid(meeting) -> str:
    return f"b2b-{meeting.request_id}@{uid_domain()}"


def meetings_calendar(
    participant: B2BParticipant,
    meetings,
    *,
    language: str,
    now: datetime.datetime | None = None,
) -> bytes:
    """A VCALENDAR of the participant's meetings, its texts in `language`.

    Pure: the participant with its edition, and the meetings with their request, both of its
    sides and their block, in; the bytes out. A meeting whose request is no longer accepted
    stays, with STATUS:CANCELLED.
    """
    edition = participant.edition
    zone = edition.zone
    stamp = (now or timezone.now()).astimezone(datetime.UTC)
    meetings = list(meetings)
    with translation.override(language):
        calendar = published_calendar(
            _("My B2B meetings – %(edition)s") % {"edition": edition.name}
        )
        days = [edition.starts_on, edition.ends_on] + [
            moment.astimezone(zone).date()
            for meeting in meetings
            for moment in (meeting.starts_at, meeting.ends_at)
        ]
        calendar.add_component(vtimezone(edition.time_zone, min(days) - MARGIN, max(days) + MARGIN))
        for meeting in meetings:
            calendar.add_component(_event(meeting, participant, zone, stamp))
    return calendar.to_ical()


def _event(meeting, participant, zone, stamp) -> Event:
    other = other_side(meeting.request, participant)
    cancelled = meeting.is_cancelled or meeting.request.status != RequestStatus.ACCEPTED
    if cancelled:
        summary = _("Cancelled meeting with %(name)s") % {"name": other.name}
    else:
        summary = _("Meeting with %(name)s") % {"name": other.name}
    table = _("Table %(number)s") % {"number": meeting.table}
    event = Event()
    event.add("UID", meeting_uid(meeting))
    event.add("SEQUENCE", meeting.sequence)
    event.add("DTSTAMP", stamp)
    event.add("CREATED", meeting.created_at.astimezone(datetime.UTC))
    event.add("LAST-MODIFIED", meeting.updated_at.astimezone(datetime.UTC))
    event.add("DTSTART", meeting.starts_at.astimezone(zone))
    event.add("DTEND", meeting.ends_at.astimezone(zone))
    event.add("SUMMARY", summary)
    video = "" if cancelled else meeting.video_url
    join = _("Join by video: %(url)s") % {"url": video} if video else ""
    description = "\n\n".join(t for t in (other.organisation, meeting.request.message, join) if t)
    if description:
        event.add("DESCRIPTION", description)
    event.add("LOCATION", _(", ").join(part for part in (meeting.block.place, table) if part))
    event.add("STATUS", "CANCELLED" if cancelled else "CONFIRMED")
    if video:
        event.url = video
        event.conferences = [Conference(video, feature="VIDEO", label=_("Video call"))]
    return event


@require_safe
def b2b_feed(request, secret):
    """The meetings of whoever holds the secret address, in `?lang=` or their own language."""
    participant = get_object_or_404(B2BParticipant.objects.select_related("edition"), secret=secret)
    language = request.GET.get("lang")
    if language not in LANGUAGES:
        language = (
            participant.language if participant.language in LANGUAGES else settings.LANGUAGE_CODE
        )
    body = meetings_calendar(participant, participant_meetings(participant), language=language)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="b2b-meetings.ics"'
    response["Content-Language"] = language
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    return response
