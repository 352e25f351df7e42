"""The times a participant cannot make, and the video link of a meeting."""

from django.http import Http404
from django.views.decorators.http import require_POST

from b2b.views import participant_required


@participant_required
def availability(request, participant):
    raise Http404


@participant_required
@require_POST
def meeting_video(request, participant, pk):
    raise Http404
