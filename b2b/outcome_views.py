"""What came of a meeting, as each of its two sides says."""

from django.http import Http404

from b2b.views import participant_required


@participant_required
def meeting_outcome(request, participant, pk):
    raise Http404
