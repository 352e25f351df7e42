"""What the partnerships register holds about a person: the partnership meetings they took
part in. The meeting stays in the register; the participant entry no longer names them."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fairsite.personal_data import ERASED, PersonalRecords, register, row
from partnerships.models import MeetingParticipant


def _participations(subject):
    return MeetingParticipant.objects.filter(
        Q(attendee__in=subject.attendee_ids) | Q(email__in=subject.emails)
    )


@register
class PartnershipRecords(PersonalRecords):
    key = "partnerships"
    title = _("Partnership meetings")
    order = 60

    def collect(self, subject):
        return [
            row(participation, ["meeting", "full_name", "organisation", "role", "email"])
            for participation in _participations(subject).select_related("meeting")
        ]

    def erase(self, subject):
        return _participations(subject).update(
            full_name=ERASED, organisation="", role="", email="", attendee=None
        )

    def instances(self, subject):
        return {MeetingParticipant: set(_participations(subject).values_list("pk", flat=True))}
