"""What the call for proposals holds about a person: the proposals they made (with their
answers) and the invitations to speak they received. A proposal that became a session stays,
as the programme's record; its author's account goes with the account. An invitation is
erased: its name, address and number, and the link's hash. The speaker profile it made is the
programme's (programme/personal_data.py erases it)."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fairsite.personal_data import ERASED, PersonalRecords, register, row
from proposals.choices import ProposalStatus
from proposals.models import InvitedSpeaker, Proposal, ProposalAnswer


def subject_invitations(subject):
    return InvitedSpeaker.objects.filter(
        Q(user__in=subject.user_ids)
        | Q(email__in=subject.emails) & ~Q(email="")
        | Q(phone__in=subject.phones) & ~Q(phone="")
    )


@register
class ProposalRecords(PersonalRecords):
    key = "proposals"
    title = _("Proposals for the programme")
    order = 45

    def collect(self, subject):
        rows = []
        proposals = Proposal.objects.filter(submitter__in=subject.user_ids).select_related("call")
        for proposal in proposals:
            rows.append(
                row(
                    proposal,
                    ["call", "title", "abstract", "kind", "language", "duration", "status"]
                    + ["submitted_at", "created_at"],
                )
            )
            rows += [
                row(answer, ["text"])
                for answer in ProposalAnswer.objects.filter(proposal=proposal).exclude(text="")
            ]
        rows += [
            row(invited, ["proposal", "name", "email", "phone", "language", "invited_at"])
            + row(invited, ["confirmed_at"])
            for invited in subject_invitations(subject).select_related("proposal")
        ]
        return rows

    @transaction.atomic
    def erase(self, subject):
        """Drafts and proposals never accepted go with their answers; accepted ones stay,
        they are the programme's. Invitations are emptied of the person."""
        touched, _by_model = (
            Proposal.objects.filter(submitter__in=subject.user_ids)
            .exclude(status=ProposalStatus.ACCEPTED)
            .delete()
        )
        for invited in subject_invitations(subject).select_for_update():
            invited.name, invited.email, invited.phone = ERASED, "", ""
            invited.user = None
            # Keeps the row's check (reachable by e-mail or phone) without reaching anyone.
            invited.email = f"erased-{invited.pk}@invalid"
            invited.token_hash = f"erased-{invited.pk}"
            invited.save(update_fields=["name", "email", "phone", "user", "token_hash"])
            touched += 1
        return touched

    def instances(self, subject):
        return {
            Proposal: set(
                Proposal.objects.filter(submitter__in=subject.user_ids).values_list("pk", flat=True)
            )
        }
