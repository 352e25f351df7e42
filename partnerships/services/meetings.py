"""Partnership meetings: badges for the delegations, and commitments arising from decisions."""

from django.db import transaction

from events.choices import AttendeeCategory
from events.models import Edition
from events.services.badges import attendee_register
from fairsite.audit import audit_log
from fairsite.i18n import localized_value
from fairsite.models import User
from partnerships.models import Agreement, Commitment, Decision, PartnershipMeeting
from partnerships.services.agreements import BADGES_ACTION


@transaction.atomic
def delegation_badges_issue(
    *, meeting: PartnershipMeeting, edition: Edition, by: User | None = None
) -> int:
    """A delegation badge for each member of a partner delegation who has none yet;
    returns how many were issued (logged when there were any)."""
    issued = 0
    members = meeting.participants.filter(partner_region__isnull=False, attendee__isnull=True)
    for member in members.select_related("partner_region"):
        attendee, _badge = attendee_register(
            edition=edition,
            category=AttendeeCategory.DELEGATION,
            full_name=member.full_name,
            organisation=member.organisation
            or localized_value(member.partner_region, "name", member.language),
            email=member.email,
            language=member.language,
        )
        member.attendee = attendee
        member.save(update_fields=["attendee"])
        issued += 1
    if issued:
        audit_log(instance=meeting, action=BADGES_ACTION, by=by, data={"issued": issued})
    return issued


@transaction.atomic
def decision_commitment_create(
    *, decision: Decision, agreement: Agreement, by: User | None = None, **fields
) -> Commitment:
    """A commitment under `agreement` that the decision gave rise to."""
    fields.setdefault("description", decision.text)
    commitment = Commitment.objects.create(agreement=agreement, decision=decision, **fields)
    audit_log(instance=commitment, action="wagtail.create", by=by)
    return commitment
