"""What the logistics unit's records hold about a person: the requests they filed and the
messages they wrote, for their cooperative. The requests are the cooperative's and stay; the
person's name goes with their account."""

from django.utils.translation import gettext_lazy as _

from exportsupport.models import SupportMessage, SupportRequest
from fairsite.personal_data import PersonalRecords, register, row


@register
class SupportRecords(PersonalRecords):
    key = "exportsupport"
    title = _("Export support requests")
    order = 50

    def collect(self, subject):
        rows = [
            row(request, ["cooperative", "service", "target_markets", "status", "created_at"])
            for request in SupportRequest.objects.filter(created_by__in=subject.user_ids)
        ]
        rows += [
            row(message, ["request", "text", "created_at"])
            for message in SupportMessage.objects.filter(author__in=subject.user_ids)
        ]
        return rows

    def erase(self, subject):
        return 0  # the cooperative's records; the author's account is erased with it
