"""The participant's suggestions of people to meet."""

from django.http import Http404

from b2b.views import participant_required


@participant_required
def suggestions(request, participant):
    raise Http404
