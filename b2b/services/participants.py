"""Taking part in the B2B meetings: joining an edition's meetings with a profile, and a new
secret address for one's calendar (the reads are in b2b.selectors).

A user takes part once per edition, which the database guarantees; joining again updates the
profile. Exhibitors join as exhibitors only for a cooperative of theirs whose application to
the edition is confirmed; delegation members are registered by the organisers. Whether the
other participants may find them is the account's "findable" consent (events.Consent), asked
apart when joining and changed on the profile or the privacy choices page.
"""

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from b2b.choices import ParticipantKind, RequestStatus
from b2b.errors import B2BError
from b2b.models import B2BParticipant, MeetingRequest, participant_secret
from b2b.personal_data import participants_erase, participants_named
from b2b.selectors import exhibitor_cooperatives, participant_of
from b2b.services.meetings import meeting_request_cancel
from b2b.services.suggestions import suggestions_refresh_later
from events.choices import ConsentKind
from events.models import Edition
from events.services.consents import consent_give, consent_withdraw
from exhibitors.models import Cooperative
from fairsite.audit import audit_log
from fairsite.models import User
from fairsite.personal_data import history_forget

# The kinds a user may choose when joining on the site; delegation members are registered
# by the organisers with their partner region.
SELF_KINDS = [ParticipantKind.EXHIBITOR, ParticipantKind.BUYER, ParticipantKind.PARTNER]
PROFILE_FIELDS = [
    "name",
    "organisation",
    "language",
    "offers",
    "seeks",
    "offer_topics",
    "seek_topics",
    "roles",
    "roles_sought",
    "markets",
    "languages",
    "remote",
]
LEFT_ACTION = "b2b.participant.left"


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
    offer_topics: Sequence[str] = (),
    seek_topics: Sequence[str] = (),
    roles: Sequence[str] = (),
    roles_sought: Sequence[str] = (),
    markets: Sequence[str] = (),
    languages: Sequence[str] = (),
    remote: bool = False,
    cooperative: Cooperative | None = None,
    findable: bool | None = None,
    consent_language: str = "",
) -> B2BParticipant:
    """Take part in the edition's meetings, or update one's profile when already in; the
    edition's suggestions are computed again after commit.

    The lists are codes of b2b.vocabulary.TOPICS, b2b.choices.PartnerRole and SpokenLanguage,
    and country codes for the markets.

    `findable` gives (True) or withdraws (False) the account's consent to be found by the
    other participants, with the words read in `consent_language` (the page's); None
    leaves it as it is. Raises B2BError when the kind is not one to choose, the
    cooperative is not one of the user's with a confirmed application, or nobody comes for
    a cooperative and no organisation is named (see participant_organisation). A delegation
    member keeps their kind.
    """
    with transaction.atomic():
        participant = _participant_save(
            user=user,
            edition=edition,
            kind=kind,
            cooperative=cooperative,
            profile={
                "name": name,
                "organisation": organisation,
                "language": language,
                "offers": offers,
                "seeks": seeks,
                "offer_topics": list(offer_topics),
                "seek_topics": list(seek_topics),
                "roles": list(roles),
                "roles_sought": list(roles_sought),
                "markets": [str(code) for code in markets],
                "languages": list(languages),
                "remote": remote,
            },
        )
        if findable is not None:
            # The account itself, not a request's lazy stand-in: the consent service locks
            # the holder's row through its model.
            account = User.objects.get(pk=user.pk)
            if findable:
                consent_give(
                    kind=ConsentKind.FINDABLE, language=consent_language or language, user=account
                )
            else:
                consent_withdraw(kind=ConsentKind.FINDABLE, user=account)
        suggestions_refresh_later(edition_id=edition.pk)
    return participant


def participant_organisation(
    *, organisation: str, cooperative: Cooperative | None, language: str, offered=()
) -> str:
    """The organisation a participant comes for, as the others read it.

    One who comes for a cooperative needs to name none: left empty, or still the name of
    another of their cooperatives (`offered`, the ones the page offered them: they chose
    another), it is the cooperative's name in the script of their `language`. Anyone else
    must name one: raises B2BError (code "organisation_missing") in the active language.
    """
    organisation = organisation.strip()
    if cooperative is not None:
        others = {
            name
            for other in offered
            if other.pk != cooperative.pk
            for name in (other.name, other.name_ar)
        }
        if not organisation or organisation in others:
            with translation.override(language):
                return cooperative.display_name
        return organisation
    if not organisation:
        raise B2BError(
            _("Give the name of the organisation you come for."), code="organisation_missing"
        )
    return organisation


def _participant_save(*, user, edition, kind, cooperative, profile) -> B2BParticipant:
    existing = participant_of(user=user, edition=edition)
    if existing is not None and existing.kind == ParticipantKind.DELEGATION:
        kind, cooperative = existing.kind, existing.cooperative
    else:
        cooperative = _checked_cooperative(user, edition, kind, cooperative)
    profile["organisation"] = participant_organisation(
        organisation=profile["organisation"],
        cooperative=cooperative,
        language=profile["language"],
        offered=exhibitor_cooperatives(user=user, edition=edition) if cooperative else (),
    )
    try:
        with transaction.atomic():
            participant = (
                B2BParticipant.objects.select_for_update()
                .filter(edition=edition, user=user)
                .first()
            )
            if participant is not None and not participant.is_active:
                raise B2BError(
                    _("Your participation in the meetings is suspended."),
                    code="participant_suspended",
                )
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
        raise B2BError(
            _("Choose whether you take part as an exhibitor, buyer or partner."),
            code="kind_not_chosen",
        )
    if kind != ParticipantKind.EXHIBITOR:
        return None
    if cooperative is None or not (
        exhibitor_cooperatives(user=user, edition=edition).filter(pk=cooperative.pk).exists()
    ):
        raise B2BError(
            _("Exhibitors take part for a cooperative of theirs whose application is confirmed."),
            code="cooperative_not_confirmed",
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


@transaction.atomic
def participant_leave(*, participant: B2BParticipant, by: User | None = None) -> int:
    """The participant leaves the meetings: their open requests and meetings are called off
    (the other side is told), and their profile keeps nothing of them (law 09-08: no longer
    than the purpose needs). The meetings that took place stay counted. How many requests
    were called off."""
    participant = B2BParticipant.objects.select_for_update().get(pk=participant.pk)
    open_requests = MeetingRequest.objects.filter(
        Q(requester=participant) | Q(recipient=participant),
        status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED],
    )
    called_off = 0
    for meeting_request in open_requests:
        meeting_request_cancel(meeting_request=meeting_request, by=participant)
        called_off += 1
    leaving = B2BParticipant.objects.filter(pk=participant.pk)
    named = participants_named(leaving)
    participants_erase(leaving)
    history_forget(named)
    participant.refresh_from_db()
    audit_log(instance=participant, action=LEFT_ACTION, by=by, data={"called_off": called_off})
    suggestions_refresh_later(edition_id=participant.edition_id)
    return called_off
