"""What came of the meetings, for the partnerships officers: each side's statement with the
other side's beside it, and the two ways to follow an outcome up in the register (a commitment
under an agreement, the draft of a new agreement), each through its service."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.widgets import HeaderButton

from b2b.admin.forms import OutcomeCommitmentForm
from b2b.admin.views import time_span
from b2b.choices import MeetingHeld, MeetingOutcome
from b2b.errors import B2BError
from b2b.models import MeetingFeedback
from b2b.selectors_outcome import HELD, NO_SHOW, NOT_HELD, meeting_state
from b2b.services.outcomes import (
    outcome_agreement_check,
    outcome_agreement_start,
    outcome_commitment_check,
    outcome_commitment_make,
)
from fairsite.admin_inspect import FairInspectView

PERMISSION = "b2b.change_meetingfeedback"


def amount_display(amount) -> str:
    """ "12 500,00 MAD" in the reader's language; a dash when none was given."""
    if amount is None:
        return "-"
    return _("%(amount)s MAD") % {"amount": number_format(amount, 2, force_grouping=True)}


def partner_regions_display(feedback: MeetingFeedback) -> str:
    """The partner regions of the meeting's two sides, this side's first."""
    meeting_request = feedback.meeting.request
    others = (meeting_request.requester, meeting_request.recipient)
    sides = [feedback.participant, *(s for s in others if s.pk != feedback.participant_id)]
    names = []
    for side in sides:
        if side.partner_region is not None and str(side.partner_region) not in names:
            names.append(str(side.partner_region))
    return " · ".join(names) or "-"


def statements():
    """The statements with what their pages and listing show, in few queries."""
    return MeetingFeedback.objects.select_related(
        "participant__partner_region",
        "meeting__block",
        "meeting__request__edition",
        "meeting__request__requester__partner_region",
        "meeting__request__recipient__partner_region",
        "commitment__agreement",
        "agreement",
    )


def _state_display(feedback: MeetingFeedback) -> str:
    meeting = feedback.meeting
    state = meeting_state(meeting)
    if state.kind == NO_SHOW:
        absent = meeting.request.requester
        if absent.pk != state.absent_id:
            absent = meeting.request.recipient
        return _("%(name)s did not come") % {"name": absent}
    return {
        HELD: _("It took place"),
        NOT_HELD: _("It did not take place"),
    }.get(state.kind, _("Not reported"))


class MeetingFeedbackInspectView(FairInspectView):
    """One side's statement, the other side's, what the two make of the meeting, and the
    buttons that follow the outcome up."""

    def get_object(self, queryset=None):
        return get_object_or_404(statements().prefetch_related("meeting__feedback"), pk=self.pk)

    def get_meeting_display_value(self):
        meeting = self.object.meeting
        return format_html(
            '<a href="{}">{}</a> · {} → {}',
            reverse("b2b_meetings:inspect", args=[meeting.pk]),
            time_span(meeting),
            meeting.request.requester,
            meeting.request.recipient,
        )

    def get_amount_display_value(self):
        return amount_display(self.object.amount)

    def get_note_display_value(self):
        return self.object.note or "-"

    def get_commitment_display_value(self):
        commitment = self.object.commitment
        if commitment is None:
            return "-"
        return format_html(
            '<a href="{}">{}</a> · {}',
            reverse("commitments:inspect", args=[commitment.pk]),
            commitment,
            commitment.agreement.reference,
        )

    def get_agreement_display_value(self):
        agreement = self.object.agreement
        if agreement is None:
            return "-"
        return format_html(
            '<a href="{}">{}</a>', reverse("agreements:inspect", args=[agreement.pk]), agreement
        )

    def _other_statement(self) -> str:
        other = next(
            (s for s in self.object.meeting.feedback.all() if s.pk != self.object.pk), None
        )
        if other is None:
            return _("Nothing yet.")
        parts = [str(other.get_held_display())]
        if other.held == MeetingHeld.HELD:
            parts.append(str(other.get_outcome_display()))
        if other.amount is not None:
            parts.append(amount_display(other.amount))
        if other.note:
            parts.append(other.note)
        return " · ".join(parts)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["fields"] += [
            {"label": _("Partner regions"), "value": partner_regions_display(self.object)},
            {"label": _("The other side said"), "value": self._other_statement()},
            {"label": _("The meeting, from both answers"), "value": _state_display(self.object)},
        ]
        for field in context["fields"][-3:]:
            field["component"] = None
        return context

    @cached_property
    def header_buttons(self):
        feedback, user = self.object, self.request.user
        if not user.has_perm(PERMISSION) or feedback.outcome == MeetingOutcome.NONE:
            return []
        buttons = []
        if not feedback.commitment_id and user.has_perm("partnerships.add_commitment"):
            buttons.append(
                HeaderButton(
                    _("Make a commitment"),
                    url=reverse("b2b_feedback:commitment", args=[feedback.pk]),
                    icon_name="tasks",
                    priority=10,
                )
            )
        if not feedback.agreement_id and user.has_perm("partnerships.add_agreement"):
            buttons.append(
                HeaderButton(
                    _("Start an agreement"),
                    url=reverse("b2b_feedback:agreement", args=[feedback.pk]),
                    icon_name="doc-full",
                    priority=20,
                )
            )
        return buttons


def _inspect(feedback: MeetingFeedback) -> str:
    return reverse("b2b_feedback:inspect", args=[feedback.pk])


def _statement(request, pk, permission: str) -> MeetingFeedback:
    if not (request.user.has_perm(PERMISSION) and request.user.has_perm(permission)):
        raise PermissionDenied
    return get_object_or_404(statements(), pk=pk)


def outcome_commitment_view(request, pk):
    """A commitment under an agreement of the register, made of the outcome."""
    feedback = _statement(request, pk, "partnerships.add_commitment")
    try:
        outcome_commitment_check(feedback=feedback)
    except B2BError as error:
        messages.error(request, str(error))
        return redirect(_inspect(feedback))
    form = OutcomeCommitmentForm(
        request.POST if request.method == "POST" else None, feedback=feedback
    )
    if request.method == "POST" and form.is_valid():
        try:
            commitment = outcome_commitment_make(
                feedback=feedback, by=request.user, **form.cleaned_data
            )
        except B2BError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Commitment created under %(reference)s.")
                % {"reference": commitment.agreement.reference},
                buttons=[
                    messages.button(reverse("commitments:edit", args=[commitment.pk]), _("Edit"))
                ],
            )
            return redirect(_inspect(feedback))
    return TemplateResponse(
        request,
        "b2b/admin/outcome_commitment.html",
        {"feedback": feedback, "form": form, "inspect_url": _inspect(feedback)},
    )


def outcome_agreement_view(request, pk):
    """The draft of a new agreement started from the outcome, opened for editing."""
    feedback = _statement(request, pk, "partnerships.add_agreement")
    try:
        outcome_agreement_check(feedback=feedback)
    except B2BError as error:
        messages.error(request, str(error))
        return redirect(_inspect(feedback))
    if request.method == "POST":
        try:
            agreement = outcome_agreement_start(feedback=feedback, by=request.user)
        except B2BError as error:
            messages.error(request, str(error))
            return redirect(_inspect(feedback))
        messages.success(
            request,
            _("Draft %(reference)s is started. Complete it, and give its dates once it is signed.")
            % {"reference": agreement.reference},
        )
        return redirect("agreements:edit", agreement.pk)
    return TemplateResponse(
        request,
        "b2b/admin/outcome_agreement.html",
        {
            "feedback": feedback,
            "regions": partner_regions_display(feedback),
            "inspect_url": _inspect(feedback),
        },
    )
