"""What the business meetings hold about a person: their participant profile, the messages of
their requests, the times they cannot make and what they said of their meetings. Meetings,
requests and outcomes stay, counted, with a profile that no longer names anyone and can no
longer be reached."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from b2b.models import (
    B2BParticipant,
    B2BSuggestion,
    B2BUnavailability,
    MeetingFeedback,
    MeetingRequest,
    participant_secret,
)
from fairsite.personal_data import ERASED, PersonalRecords, register, row


def subject_participants(subject):
    return B2BParticipant.objects.filter(
        Q(user__in=subject.user_ids)
        | Q(attendee__in=subject.attendee_ids)
        | Q(email__in=subject.emails)
    )


@register
class ParticipantRecords(PersonalRecords):
    key = "b2b"
    title = _("Business meetings")
    order = 30

    def collect(self, subject):
        rows = []
        for participant in subject_participants(subject).select_related("edition"):
            rows.append(
                row(
                    participant,
                    ["edition", "kind", "name", "organisation", "email", "language", "offers"]
                    + ["seeks", "offer_topics", "seek_topics", "roles", "roles_sought"]
                    + ["markets", "languages", "remote", "created_at"],
                )
            )
            rows += [
                row(unavailable, ["starts_at", "ends_at"])
                for unavailable in participant.unavailabilities.all()
            ]
            rows += [
                row(said, ["meeting", "held", "outcome", "amount", "note", "created_at"])
                for said in participant.meeting_feedback.select_related("meeting")
            ]
            requests = MeetingRequest.objects.filter(
                Q(requester=participant) | Q(recipient=participant)
            ).select_related("requester", "recipient")
            rows += [
                row(request, ["requester", "recipient", "message", "status", "created_at"])
                for request in requests
            ]
        return rows

    def erase(self, subject):
        return participants_erase(subject_participants(subject))

    def instances(self, subject):
        return participants_named(subject_participants(subject))


@transaction.atomic
def participants_erase(participants) -> int:
    """Take the person out of these profiles and of the messages they wrote; the profiles
    stay (the meetings and requests the observatory counts point to them), unreachable."""
    touched = 0
    for participant in participants.exclude(name=ERASED).select_for_update():
        touched += (
            MeetingRequest.objects.filter(requester=participant)
            .exclude(message="")
            .update(message="")
        )
        MeetingFeedback.objects.filter(participant=participant).exclude(note="").update(note="")
        B2BUnavailability.objects.filter(participant=participant).delete()
        B2BSuggestion.objects.filter(participant=participant).delete()
        B2BSuggestion.objects.filter(other=participant).delete()
        participant.name = ERASED
        participant.organisation = participant.offers = participant.seeks = ""
        participant.offer_topics, participant.seek_topics = [], []
        participant.roles, participant.roles_sought = [], []
        participant.markets, participant.languages = [], []
        participant.email = ""
        participant.user = participant.attendee = None
        participant.is_active = False
        participant.secret = participant_secret()  # old calendar links stop working
        participant.save()
        touched += 1
    return touched


def participants_named(participants) -> dict:
    """The rows whose admin history names these participants: their profiles and the
    requests they made or received (a request is named after its two people)."""
    ids = set(participants.values_list("pk", flat=True))
    requests = MeetingRequest.objects.filter(Q(requester__in=ids) | Q(recipient__in=ids))
    return {B2BParticipant: ids, MeetingRequest: set(requests.values_list("pk", flat=True))}
