"""The participant's suggestions of people to meet, with the reasons, each with the form to
ask for a meeting (the same as in the list of people to meet).

Suggestions are computed in bulk (b2b.services.suggestions), never for a page view: an
edition that has never had a run gets one queued by the first visit, and the page says that
the suggestions are being prepared (the quarter-hourly run catches up if the broker is down).
"""

from django.shortcuts import render

from b2b.forms import MeetingRequestForm
from b2b.selectors import participant_is_findable
from b2b.services.suggestions import (
    suggestions_computed,
    suggestions_for,
    suggestions_queued,
    suggestions_refresh_later,
)
from b2b.views import _closed_reason, participant_required


@participant_required
def suggestions(request, participant):
    edition = participant.edition
    computed = suggestions_computed(edition=edition)
    if not computed:
        suggestions_refresh_later(edition_id=edition.pk)
    found = suggestions_for(participant=participant)
    return render(
        request,
        "b2b/suggestions.html",
        {
            "participant": participant,
            "suggestions": found,
            "being_prepared": not found
            and (not computed or suggestions_queued(edition_id=edition.pk)),
            "profile_empty": not (
                participant.offer_topics
                or participant.seek_topics
                or participant.roles
                or participant.roles_sought
            ),
            "request_form": MeetingRequestForm(),
            "closed_reason": _closed_reason(participant),
            "findable": participant_is_findable(participant),
        },
    )
