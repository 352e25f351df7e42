"""Reads of the B2B meetings: who takes part, the others to meet, one's requests and
meetings."""

from django.db.models import Q

from b2b.choices import RequestStatus
from b2b.models import B2BMeeting, B2BParticipant, MeetingRequest
from events.models import Edition
from exhibitors.choices import ApplicationStatus
from exhibitors.models import Cooperative

# Requests that hold: the other side sees them, and a new one to the same person is the same.
LIVE = [RequestStatus.PENDING, RequestStatus.ACCEPTED]


def participant_of(*, user, edition: Edition | None) -> B2BParticipant | None:
    if edition is None or not user.is_authenticated:
        return None
    return (
        B2BParticipant.objects.select_related("edition", "cooperative")
        .filter(edition=edition, user=user, is_active=True)
        .first()
    )


def exhibitor_cooperatives(*, user, edition: Edition):
    """The user's cooperatives whose application to the edition is confirmed."""
    return (
        Cooperative.objects.managed_by(user)
        .filter(applications__edition=edition, applications__status=ApplicationStatus.CONFIRMED)
        .distinct()
        .order_by("name")
    )


def participants_to_meet(*, participant: B2BParticipant, search: str = "", kind: str = ""):
    """The edition's other active participants who agreed to be found, those matching
    `search` (in what they offer and look for, their organisation or name) and of `kind`
    when given."""
    others = (
        B2BParticipant.objects.findable()
        .filter(edition_id=participant.edition_id, is_active=True)
        .exclude(pk=participant.pk)
        .select_related("cooperative", "partner_region")
        .order_by("organisation", "name", "pk")
    )
    for word in search.split():
        others = others.filter(
            Q(offers__icontains=word)
            | Q(seeks__icontains=word)
            | Q(organisation__icontains=word)
            | Q(name__icontains=word)
        )
    if kind:
        others = others.filter(kind=kind)
    return others


def participants_to_ask(participant: B2BParticipant):
    """Those the participant may ask for a meeting: the others who agreed to be found, and
    anyone already in a live request with them (who chose to meet them)."""
    return (
        B2BParticipant.objects.filter(edition_id=participant.edition_id)
        .exclude(pk=participant.pk)
        .filter(
            Q(pk__in=B2BParticipant.objects.findable().values("pk"))
            | Q(pk__in=list(live_requests_with(participant)))
        )
    )


def participant_is_findable(participant: B2BParticipant) -> bool:
    return B2BParticipant.objects.findable().filter(pk=participant.pk).exists()


def live_requests_with(participant: B2BParticipant) -> dict[int, MeetingRequest]:
    """The participant's pending and accepted requests, by the other person's id."""
    requests = MeetingRequest.objects.filter(
        Q(requester=participant) | Q(recipient=participant), status__in=LIVE
    )
    return {
        (r.recipient_id if r.requester_id == participant.pk else r.requester_id): r
        for r in requests
    }


def requests_received(participant: B2BParticipant):
    return participant.requests_received.select_related("requester", "meeting__block").order_by(
        "-created_at"
    )


def requests_sent(participant: B2BParticipant):
    return participant.requests_made.select_related("recipient", "meeting__block").order_by(
        "-created_at"
    )


def participant_meetings(participant: B2BParticipant):
    """The participant's meetings in time order, those of requests cancelled since included
    (a calendar marks them cancelled rather than losing them)."""
    return (
        B2BMeeting.objects.filter(
            Q(request__requester=participant) | Q(request__recipient=participant)
        )
        .select_related("request__requester", "request__recipient", "block", "request__edition")
        .order_by("starts_at", "table")
    )


def accepted_unplaced(participant: B2BParticipant):
    """Accepted requests still waiting for a slot and a table."""
    return (
        MeetingRequest.objects.filter(
            Q(requester=participant) | Q(recipient=participant),
            status=RequestStatus.ACCEPTED,
            meeting__isnull=True,
        )
        .select_related("requester", "recipient")
        .order_by("answered_at")
    )


def other_side(meeting_request: MeetingRequest, participant: B2BParticipant) -> B2BParticipant:
    return (
        meeting_request.recipient
        if meeting_request.requester_id == participant.pk
        else meeting_request.requester
    )
