"""What came of the meetings: each side says whether its meeting took place and what came of
it; the partnerships officers turn an outcome into a commitment under an agreement of the
register, or into the draft of a new agreement.

A side's statement is one row per meeting and side (the database refuses a second), given and
changed by that side only, once the meeting has started and while it is not called off. Who
did not come is not stored: it follows from the two statements (b2b.selectors_outcome).
"""

import datetime
import decimal

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from b2b.choices import MeetingHeld, MeetingOutcome, RequestStatus
from b2b.errors import B2BError
from b2b.models import B2BMeeting, B2BParticipant, MeetingFeedback
from b2b.selectors_outcome import VALUED
from fairsite.audit import audit_log
from fairsite.models import User
from partnerships.choices import AgreementStatus, AgreementType
from partnerships.models import Agreement, Commitment
from partnerships.services.agreements import agreement_save

# The admin log's actions (registered in b2b/viewsets.py).
OUTCOME_GIVEN_ACTION = "b2b.outcome.given"
OUTCOME_CHANGED_ACTION = "b2b.outcome.changed"
COMMITMENT_MADE_ACTION = "b2b.outcome.commitment_made"
AGREEMENT_STARTED_ACTION = "b2b.outcome.agreement_started"

# Agreements that take no new commitment.
CLOSED_AGREEMENTS = (AgreementStatus.TERMINATED, AgreementStatus.EXPIRED)


def meeting_feedback_check(
    *, meeting: B2BMeeting, participant: B2BParticipant, now: datetime.datetime | None = None
) -> None:
    """Refuse (B2BError) anyone but the meeting's two sides, a meeting called off, and one
    that has not started yet."""
    if participant.pk not in (meeting.request.requester_id, meeting.request.recipient_id):
        raise B2BError(_("Only the two sides of a meeting say what came of it."), code="not_a_side")
    if not participant.is_active:
        raise B2BError(
            _("Your participation in the meetings is suspended."), code="participant_suspended"
        )
    if meeting.is_cancelled or meeting.request.status != RequestStatus.ACCEPTED:
        raise B2BError(_("This meeting was called off."), code="meeting_cancelled")
    if meeting.starts_at > (now or timezone.now()):
        raise B2BError(
            _("You can say what came of this meeting once it has started."),
            code="meeting_not_started",
        )


def meeting_feedback_give(
    *,
    meeting: B2BMeeting,
    by: B2BParticipant,
    held: str,
    outcome: str,
    amount: decimal.Decimal | None = None,
    note: str = "",
) -> MeetingFeedback:
    """Record (or change) what `by`, one side of the meeting, says of it.

    A meeting that did not take place has no outcome: `held` other than "held" sets the
    outcome to none and drops the amount. An amount goes only with an order, a distribution
    agreement or a partnership project, and is not negative. Two submissions at the same
    moment make one row: the one that loses the race updates it.
    """
    meeting_feedback_check(meeting=meeting, participant=by)
    if held not in MeetingHeld.values:
        raise B2BError(_("Say whether the meeting took place."), code="held_unknown")
    if outcome not in MeetingOutcome.values:
        raise B2BError(_("Say what came of the meeting."), code="outcome_unknown")
    if held != MeetingHeld.HELD:
        outcome, amount = MeetingOutcome.NONE, None
    if amount is not None:
        if amount < 0:
            raise B2BError(_("An amount cannot be negative."), code="amount_negative")
        if outcome not in VALUED:
            raise B2BError(
                _(
                    "An amount goes with samples or an order, a distribution agreement or a "
                    "partnership project."
                ),
                code="amount_without_deal",
            )
    fields = {"held": held, "outcome": outcome, "amount": amount, "note": note.strip()}
    with transaction.atomic():
        feedback = (
            MeetingFeedback.objects.select_for_update()
            .filter(meeting=meeting, participant=by)
            .first()
        )
        created = feedback is None
        if created:
            try:
                with transaction.atomic():
                    feedback = MeetingFeedback.objects.create(
                        meeting=meeting, participant=by, **fields
                    )
            except IntegrityError:
                # The same side's other submission made the row first: this one updates it.
                feedback = MeetingFeedback.objects.select_for_update().get(
                    meeting=meeting, participant=by
                )
                created = False
        if not created:
            for name, value in fields.items():
                setattr(feedback, name, value)
            feedback.save(update_fields=[*fields, "updated_at"])
        audit_log(
            instance=feedback,
            action=OUTCOME_GIVEN_ACTION if created else OUTCOME_CHANGED_ACTION,
            by=by.user,
        )
    return feedback


def _locked(feedback: MeetingFeedback) -> MeetingFeedback:
    return (
        MeetingFeedback.objects.select_for_update(of=("self",))
        .select_related("meeting__request__edition")
        .select_related("meeting__request__requester", "meeting__request__recipient")
        .get(pk=feedback.pk)
    )


def _followable(feedback: MeetingFeedback) -> None:
    if feedback.held != MeetingHeld.HELD or feedback.outcome == MeetingOutcome.NONE:
        raise B2BError(
            _("Nothing came of this meeting, by this side's account: there is nothing to follow."),
            code="nothing_to_follow",
        )


def outcome_commitment_check(*, feedback: MeetingFeedback) -> None:
    """Refuse (B2BError) an outcome with nothing to follow, or already made a commitment."""
    _followable(feedback)
    if feedback.commitment_id:
        raise B2BError(
            _("A commitment was already made of this outcome."), code="commitment_already_made"
        )


def outcome_agreement_check(*, feedback: MeetingFeedback) -> None:
    """Refuse (B2BError) an outcome with nothing to follow, one an agreement was already
    started from, and one of a meeting without a partner region on either side."""
    _followable(feedback)
    if feedback.agreement_id:
        raise B2BError(
            _("An agreement was already started from this outcome."),
            code="agreement_already_started",
        )
    if not _partner_regions(feedback.meeting):
        raise B2BError(
            _(
                "Neither side came with a partner region's delegation: the register's "
                "agreements are made with partner regions."
            ),
            code="no_partner_region",
        )


@transaction.atomic
def outcome_commitment_make(
    *,
    feedback: MeetingFeedback,
    agreement: Agreement,
    description: str,
    due_on: datetime.date | None = None,
    by: User | None,
) -> Commitment:
    """A commitment under `agreement` that the meeting's outcome gave rise to, linked to the
    statement it came from. One per statement."""
    feedback = _locked(feedback)
    outcome_commitment_check(feedback=feedback)
    if agreement.status in CLOSED_AGREEMENTS:
        raise B2BError(
            _("This agreement has ended: it takes no new commitment."), code="agreement_closed"
        )
    description = description.strip()
    if not description:
        raise B2BError(_("Say what is committed to."), code="description_missing")
    commitment = Commitment.objects.create(
        agreement=agreement, description=description, due_on=due_on
    )
    feedback.commitment = commitment
    feedback.save(update_fields=["commitment", "updated_at"])
    audit_log(instance=commitment, action="wagtail.create", by=by)
    audit_log(
        instance=feedback, action=COMMITMENT_MADE_ACTION, by=by, data={"commitment": commitment.pk}
    )
    return commitment


@transaction.atomic
def outcome_agreement_start(*, feedback: MeetingFeedback, by: User | None) -> Agreement:
    """The draft of an agreement (a memorandum of understanding) with the partner regions of
    the meeting's sides, titled in Arabic and French after the two organisations, linked to the
    statement it came from; the officers complete it. Not public."""
    feedback = _locked(feedback)
    outcome_agreement_check(feedback=feedback)
    meeting = feedback.meeting
    regions = _partner_regions(meeting)
    sides = " – ".join(
        person.organisation or person.name
        for person in (meeting.request.requester, meeting.request.recipient)
    )
    titles = {}
    for language in ("ar", "fr", "en"):
        with translation.override(language):
            titles[language] = _("Partnership project: %(sides)s") % {"sides": sides}
    with translation.override("fr"):
        notes = _("Started from what came of B2B meeting no. %(meeting)d (%(outcome)s).") % {
            "meeting": meeting.pk,
            "outcome": feedback.get_outcome_display(),
        }
    agreement = Agreement(
        reference=_reference(meeting),
        title_ar=titles["ar"][:300],
        title_fr=titles["fr"][:300],
        title_en=titles["en"][:300],
        type=AgreementType.MOU,
        is_public=False,
        internal_notes=notes,
    )
    agreement_save(agreement=agreement, by=by)
    agreement.partner_regions.set(regions)
    feedback.agreement = agreement
    feedback.save(update_fields=["agreement", "updated_at"])
    audit_log(
        instance=feedback, action=AGREEMENT_STARTED_ACTION, by=by, data={"agreement": agreement.pk}
    )
    return agreement


def _partner_regions(meeting: B2BMeeting) -> list[int]:
    sides = (meeting.request.requester, meeting.request.recipient)
    return sorted({side.partner_region_id for side in sides if side.partner_region_id})


def _reference(meeting: B2BMeeting) -> str:
    """ "B2B-2027-0042" after the edition's year and the meeting, marked -2, -3… if taken."""
    base = f"B2B-{meeting.request.edition.year}-{meeting.pk:04d}"
    candidate, number = base, 1
    while Agreement.objects.filter(reference=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate
