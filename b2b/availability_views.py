"""The times a participant cannot make, and the video link of a meeting.

Both pages act only on the signed-in participant's own things: the availability page has no
participant in its form, and a meeting is looked up among their own, so another person's
meeting answers 404.
"""

import itertools

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from b2b.choices import RequestStatus
from b2b.errors import B2BError
from b2b.selectors import other_side, participant_meetings
from b2b.services.availability import availability_set, participant_slots
from b2b.services.meetings import meeting_video_set
from b2b.views import participant_required


class AvailabilityForm(forms.Form):
    """The slots ticked "I cannot make it", by key (b2b.services.availability.slot_key)."""

    blocked = forms.MultipleChoiceField(required=False)

    def __init__(self, *args, states, **kwargs):
        super().__init__(*args, **kwargs)
        # Every slot: the service refuses one holding a meeting, and says which meeting.
        self.fields["blocked"].choices = [(state.key, state.key) for state in states]


@participant_required
def availability(request, participant):
    edition = participant.edition
    states = participant_slots(participant)
    # An empty POST (every box unticked) is a form too: it frees every slot.
    form = AvailabilityForm(request.POST if request.method == "POST" else None, states=states)
    if request.method == "POST":
        if not form.is_valid():
            messages.error(
                request, _("One of these times is not a meeting slot any more: reload the page.")
            )
            return redirect("b2b:availability")
        by_key = {state.key: state for state in states}
        chosen = set(form.cleaned_data["blocked"])
        try:
            saved = availability_set(
                participant=participant,
                starts=[by_key[key].slot.starts_at for key in chosen],
                by=request.user,
            )
        except B2BError as error:
            messages.error(request, str(error))
            for state in states:  # shown as ticked, to correct
                state.blocked = state.key in chosen
        else:
            messages.success(request, _saved_message(saved))
            for meeting in saved.placed:
                messages.success(
                    request,
                    _("Your meeting with %(name)s now has a time: see your agenda.")
                    % {"name": other_side(meeting.request, participant).name},
                )
            return redirect("b2b:availability")
    zone = edition.zone
    days = [
        (day, list(group))
        for day, group in itertools.groupby(
            states, key=lambda state: state.slot.starts_at.astimezone(zone).date()
        )
    ]
    return render(
        request,
        "b2b/availability.html",
        {
            "participant": participant,
            "edition": edition,
            "days": days,
            "blocked_count": sum(state.blocked for state in states),
        },
        status=400 if request.method == "POST" else 200,
    )


def _saved_message(saved) -> str:
    if not saved.blocked:
        return _("Saved: you are free at every meeting time.")
    return ngettext(
        "Saved: nobody can place a meeting with you at the %(count)d time you blocked.",
        "Saved: nobody can place a meeting with you at the %(count)d times you blocked.",
        saved.blocked,
    ) % {"count": saved.blocked}


@participant_required
@require_POST
def meeting_video(request, participant, pk):
    """Set or change (or, left empty, remove) the video link of one of one's meetings."""
    meeting = get_object_or_404(
        participant_meetings(participant).filter(
            cancelled_at__isnull=True, request__status=RequestStatus.ACCEPTED
        ),
        pk=pk,
    )
    before = meeting.video_url
    try:
        meeting = meeting_video_set(
            meeting=meeting, by=participant, url=request.POST.get("url", "")
        )
    except B2BError as error:
        messages.error(request, str(error))
    else:
        other = other_side(meeting.request, participant)
        if meeting.video_url == before:
            messages.info(request, _("The video link is unchanged."))
        elif meeting.video_url:
            messages.success(
                request,
                _("The video link is saved, and %(name)s is told.") % {"name": other.name},
            )
        else:
            messages.success(
                request,
                _("The video link is removed, and %(name)s is told.") % {"name": other.name},
            )
    return redirect(reverse("b2b:agenda") + f"#meeting-{meeting.pk}-video")
