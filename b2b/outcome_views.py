"""What came of a meeting, as each of its two sides says: one's own statement as a form, the
other side's beside it to read. Nobody else reads them: another person's meeting answers 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from b2b.choices import RequestStatus
from b2b.errors import B2BError
from b2b.forms_outcome import MeetingFeedbackForm
from b2b.selectors import other_side
from b2b.selectors_outcome import meeting_of_participant, statements_by_side
from b2b.services.outcomes import meeting_feedback_give
from b2b.views import participant_required


@participant_required
def meeting_outcome(request, participant, pk):
    meeting = meeting_of_participant(participant, pk)
    if meeting is None:
        raise Http404
    mine, theirs = statements_by_side(meeting, participant)
    form = MeetingFeedbackForm.of(mine, request.POST if request.method == "POST" else None)
    cancelled = meeting.is_cancelled or meeting.request.status != RequestStatus.ACCEPTED
    started = meeting.starts_at <= timezone.now()
    if request.method == "POST" and form.is_valid():
        try:
            meeting_feedback_give(meeting=meeting, by=participant, **form.cleaned_data)
        except B2BError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you: your answer is saved."))
            return redirect("b2b:meeting_outcome", meeting.pk)
    return render(
        request,
        "b2b/outcome.html",
        {
            "participant": participant,
            "edition": meeting.request.edition,
            "meeting": meeting,
            "other": other_side(meeting.request, participant),
            "form": form,
            "mine": mine,
            "theirs": theirs,
            "open": started and not cancelled,
            "cancelled": cancelled,
        },
    )
