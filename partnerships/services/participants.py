"""Taking part in the B2B meetings: joining an edition's meetings with a profile, the list of
the others to meet, one's requests and meetings, and the secret address of one's calendar.

A user takes part once per edition, which the database guarantees; joining again updates the
profile. Exhibitors join as exhibitors only for a cooperative of theirs whose application to
the edition is confirmed; delegation members are registered by the organisers.
"""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from events.models import Edition
from exhibitors.choices import ApplicationStatus
from exhibitors.models import Cooperative
from partnerships.choices import ParticipantKind, RequestStatus
from partnerships.models import B2BMeeting, B2BParticipant, MeetingRequest
from partnerships.models.b2b import participant_secret
from partnerships.services.agreements import PartnershipError

# The kinds a user may choose when joining on the site; delegation members are registered
# by the organisers with their partner region.
SELF_KINDS = [ParticipantKind.EXHIBITOR, ParticipantKind.BUYER, ParticipantKind.PARTNER]
PROFILE_FIELDS = ["name", "organisation", "language", "offers", "seeks"]
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


def participant_join(
    *,
    user,
    edition: Edition,
    kind: str,
    name: str,
    language: str,
    organisation: str = "",
    offers: str = "",
    seeks: str = "",
    cooperative: Cooperative | None = None,
) -> B2BParticipant:
    """Take part in the edition's meetings, or update one's profile when already in.

    Raises PartnershipError when the kind is not one to choose, or the cooperative is not one
    of the user's with a confirmed application. A delegation member keeps their kind.
    """
    profile = {
        "name": name,
        "organisation": organisation,
        "language": language,
        "offers": offers,
        "seeks": seeks,
    }
    existing = participant_of(user=user, edition=edition)
    if existing is not None and existing.kind == ParticipantKind.DELEGATION:
        kind, cooperative = existing.kind, existing.cooperative
    else:
        cooperative = _checked_cooperative(user, edition, kind, cooperative)
    try:
        with transaction.atomic():
            participant = (
                B2BParticipant.objects.select_for_update()
                .filter(edition=edition, user=user)
                .first()
            )
            if participant is not None and not participant.is_active:
                raise PartnershipError(_("Your participation in the meetings is suspended."))
            if participant is None:
                return B2BParticipant.objects.create(
                    edition=edition,
                    user=user,
                    email=user.email,
                    kind=kind,
                    cooperative=cooperative,
                    **profile,
                )
            return _profile_update(participant, kind, cooperative, profile)
    except IntegrityError:
        # Joined a moment ago from another tab: the profile just made is updated instead.
        with transaction.atomic():
            participant = B2BParticipant.objects.select_for_update().get(edition=edition, user=user)
            return _profile_update(participant, kind, cooperative, profile)


def _checked_cooperative(user, edition, kind, cooperative) -> Cooperative | None:
    if kind not in SELF_KINDS:
        raise PartnershipError(_("Choose whether you take part as an exhibitor, buyer or partner."))
    if kind != ParticipantKind.EXHIBITOR:
        return None
    if cooperative is None or not (
        exhibitor_cooperatives(user=user, edition=edition).filter(pk=cooperative.pk).exists()
    ):
        raise PartnershipError(
            _("Exhibitors take part for a cooperative of theirs whose application is confirmed.")
        )
    return cooperative


def _profile_update(participant, kind, cooperative, profile) -> B2BParticipant:
    for field, value in profile.items():
        setattr(participant, field, value)
    participant.kind = kind
    participant.cooperative = cooperative
    participant.save(update_fields=[*PROFILE_FIELDS, "kind", "cooperative"])
    return participant


def participant_secret_reset(*, participant: B2BParticipant) -> B2BParticipant:
    """A new address for the participant's calendar feed; the old one answers 404 from now on."""
    participant.secret = participant_secret()
    participant.save(update_fields=["secret"])
    return participant


def participants_to_meet(*, participant: B2BParticipant, search: str = "", kind: str = ""):
    """The edition's other active participants, those matching `search` (in what they
    offer and look for, their organisation or name) and of `kind` when given."""
    others = (
        B2BParticipant.objects.filter(edition_id=participant.edition_id, is_active=True)
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


def other_side(request: MeetingRequest, participant: B2BParticipant) -> B2BParticipant:
    return request.recipient if request.requester_id == participant.pk else request.requester
