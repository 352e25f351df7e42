"""The participants' side of the B2B meetings: joining, the list of people to meet, requests
asked and received, and one's agenda as a page, a PDF and a calendar address.

Thin views: the rules live in partnerships.services. Every page works on the signed-in
user's own participation in the current edition; a request is looked up among those
addressed to them, so another person's ids answer 404.
"""

import functools
import itertools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from b2b.choices import ParticipantKind, RequestStatus
from b2b.errors import B2BError
from b2b.forms import (
    AnswerForm,
    DirectoryFilterForm,
    JoinForm,
    MeetingRequestForm,
)
from b2b.models import B2BParticipant, MeetingRequest
from b2b.pdf import agenda_pdf
from b2b.selectors import (
    accepted_unplaced,
    exhibitor_cooperatives,
    live_requests_with,
    other_side,
    participant_is_findable,
    participant_meetings,
    participant_of,
    participants_to_ask,
    participants_to_meet,
    requests_received,
    requests_sent,
)
from b2b.services.meetings import (
    meeting_request_answer,
    meeting_request_cancel,
    meeting_request_make,
    meeting_requests_open,
)
from b2b.services.participants import (
    participant_join,
    participant_leave,
    participant_secret_reset,
)
from events.models import Edition
from fairsite.services.site import public_url

PER_PAGE = 24


def _current_edition() -> Edition:
    edition = Edition.objects.current()
    if edition is None:
        raise Http404
    return edition


def participant_required(view):
    """Signed in and taking part in the current edition's meetings; the participant is
    passed to the view. Others are sent to the join page."""

    @login_required
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        participant = participant_of(user=request.user, edition=_current_edition())
        if participant is None:
            messages.info(request, _("Join the meetings first: a short profile is all it takes."))
            return redirect("b2b:join")
        participant.waiting_answers = participant.requests_received.filter(
            status=RequestStatus.PENDING
        ).count()
        return view(request, participant, *args, **kwargs)

    return wrapper


def _closed_reason(participant: B2BParticipant) -> str:
    if meeting_requests_open(participant.edition):
        return ""
    return _("Meeting requests are closed: the fair is about to start.")


@login_required
def join(request):
    edition = _current_edition()
    participant = participant_of(user=request.user, edition=edition)
    cooperatives = exhibitor_cooperatives(user=request.user, edition=edition)
    delegation = participant is not None and participant.kind == ParticipantKind.DELEGATION
    form = JoinForm(
        request.POST or None,
        instance=participant,
        initial=None if participant else _join_initial(request.user, cooperatives),
        cooperatives=cooperatives,
        delegation=delegation,
        findable=participant_is_findable(participant) if participant else False,
    )
    if request.method == "POST" and form.is_valid():
        try:
            participant_join(
                user=request.user,
                edition=edition,
                findable=form.cleaned_data["findable"],
                consent_language=get_language(),
                **form.profile(),
            )
        except B2BError as error:
            messages.error(request, str(error))
        else:
            if participant is None:
                messages.success(
                    request, _("Welcome to the B2B meetings: here are people you could meet.")
                )
                return redirect("b2b:suggestions")
            messages.success(request, _("Your profile is saved."))
            return redirect("b2b:join")
    return render(
        request,
        "b2b/join.html",
        {"form": form, "edition": edition, "participant": participant},
    )


@require_POST
@login_required
def leave(request):
    """Leave the meetings of the current edition: open requests are called off and the
    profile is erased at once."""
    participant = participant_of(user=request.user, edition=_current_edition())
    if participant is None:
        raise Http404
    participant_leave(participant=participant, by=request.user)
    messages.success(
        request,
        _("You have left the B2B meetings; your profile is erased. You may join again."),
    )
    return redirect("b2b:join")


def _join_initial(user, cooperatives) -> dict:
    cooperative = cooperatives.first()
    initial = {"name": user.get_full_name(), "language": user.language or get_language()}
    if cooperative is not None:
        initial.update(
            kind=ParticipantKind.EXHIBITOR,
            cooperative=cooperative.pk,
            organisation=cooperative.display_name,
        )
    else:
        initial["kind"] = ParticipantKind.BUYER
    return initial


@participant_required
def directory(request, participant):
    form = DirectoryFilterForm(request.GET)
    others = participants_to_meet(participant=participant, **form.filters())
    if topic := form.topic_chosen():
        # A JSON list's text holds the code in quotes, on SQLite and PostgreSQL alike.
        others = others.filter(
            Q(offer_topics__icontains=f'"{topic}"') | Q(seek_topics__icontains=f'"{topic}"')
        )
    page = Paginator(others, PER_PAGE).get_page(request.GET.get("page"))
    live = live_requests_with(participant)
    for other in page:
        other.live_request = live.get(other.pk)
    return render(
        request,
        "b2b/directory.html",
        {
            "participant": participant,
            "form": form,
            "page_obj": page,
            "request_form": MeetingRequestForm(),
            "closed_reason": _closed_reason(participant),
            "query": _query_without_page(request),
            "findable": participant_is_findable(participant),
        },
    )


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@participant_required
@require_POST
def meeting_request(request, participant, pk):
    # Only those who agreed to be found, or who already asked: the others answer 404, as
    # if they did not exist.
    other = get_object_or_404(participants_to_ask(participant), pk=pk)
    form = MeetingRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("message", [])))
        return _back(request)
    try:
        made = meeting_request_make(
            requester=participant, recipient=other, message=form.cleaned_data["message"]
        )
    except B2BError as error:
        messages.error(request, str(error))
    else:
        if made.requester_id != participant.pk:
            messages.info(
                request,
                _("%(name)s has already asked you for a meeting: answer on your requests page.")
                % {"name": other.name},
            )
        else:
            messages.success(
                request, _("Your request is on its way to %(name)s.") % {"name": other.name}
            )
    return _back(request)


def _back(request):
    """Post, redirect, get: back to the list as it was filtered, else the list."""
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(url)
    return redirect("b2b:directory")


@participant_required
def requests_page(request, participant):
    return render(
        request,
        "b2b/requests.html",
        {
            "participant": participant,
            "received": requests_received(participant),
            "sent": requests_sent(participant),
            "closed_reason": _closed_reason(participant),
            "pending": RequestStatus.PENDING,
            "accepted": RequestStatus.ACCEPTED,
        },
    )


@participant_required
@require_POST
def request_answer_view(request, participant, pk):
    meeting_request = get_object_or_404(participant.requests_received, pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return redirect("b2b:requests")
    accept = form.cleaned_data["answer"] == "accept"
    try:
        answered = meeting_request_answer(
            meeting_request=meeting_request, by=participant, accept=accept
        )
    except B2BError as error:
        messages.error(request, str(error))
        return redirect("b2b:requests")
    name = answered.requester.name
    if not accept:
        messages.success(request, _("You declined the meeting with %(name)s.") % {"name": name})
        return redirect("b2b:requests")
    if hasattr(answered, "meeting"):
        messages.success(
            request,
            _("You will meet %(name)s: the time and table are in your agenda.") % {"name": name},
        )
        return redirect("b2b:agenda")
    messages.success(
        request,
        _(
            "You accepted the meeting with %(name)s. No slot is free for both of you yet: the "
            "organisers will place it and write to you."
        )
        % {"name": name},
    )
    return redirect("b2b:requests")


@participant_required
@require_POST
def request_cancel_view(request, participant, pk):
    """Withdraw one's request, or call off an accepted meeting; the other side is told."""
    mine = MeetingRequest.objects.filter(Q(requester=participant) | Q(recipient=participant))
    meeting_request = get_object_or_404(mine.select_related("requester", "recipient"), pk=pk)
    other = (
        meeting_request.recipient
        if meeting_request.requester_id == participant.pk
        else meeting_request.requester
    )
    try:
        meeting_request_cancel(meeting_request=meeting_request, by=participant)
    except B2BError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The meeting with %(name)s is called off, and %(name)s is told.")
            % {"name": other.name},
        )
    return redirect("b2b:requests")


@participant_required
def agenda(request, participant):
    feed = public_url(
        reverse("b2b_feed", kwargs={"secret": participant.secret}) + f"?lang={get_language()}"
    )
    zone = participant.edition.zone
    meetings = list(participant_meetings(participant))
    for meeting in meetings:
        meeting.other = other_side(meeting.request, participant)
        meeting.cancelled = meeting.is_cancelled or meeting.request.status != RequestStatus.ACCEPTED
    days = [
        (day, list(group))
        for day, group in itertools.groupby(
            meetings, key=lambda meeting: meeting.starts_at.astimezone(zone).date()
        )
    ]
    waiting = list(accepted_unplaced(participant))
    for meeting_request in waiting:
        meeting_request.other = other_side(meeting_request, participant)
    return render(
        request,
        "b2b/agenda.html",
        {
            "participant": participant,
            "edition": participant.edition,
            "days": days,
            "waiting": waiting,
            "feed_https": feed,
            "feed_webcal": "webcal://" + feed.split("://", 1)[1],
        },
    )


@participant_required
def agenda_pdf_view(request, participant):
    response = HttpResponse(
        agenda_pdf(participant, participant_meetings(participant), language=get_language()),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = 'attachment; filename="b2b-agenda.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@participant_required
@require_POST
def feed_reset(request, participant):
    participant_secret_reset(participant=participant)
    messages.success(
        request,
        _(
            "Your meetings have a new calendar address: subscribe to it again in your calendar "
            "app. The old address no longer works."
        ),
    )
    return redirect("b2b:agenda")
