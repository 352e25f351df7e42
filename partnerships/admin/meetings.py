"""The partnership meetings' screens beyond Wagtail's generic ones: the meeting with its
decisions, delegation badges for its members, and commitments arising from its decisions."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.generic import CreateView
from wagtail.admin.widgets import HeaderButton

from events.models import Edition
from fairsite.admin_inspect import FairInspectView
from partnerships.admin.forms import DecisionCommitmentForm
from partnerships.admin.views import require_permission
from partnerships.models import Decision, PartnershipMeeting
from partnerships.services.meetings import decision_commitment_create, delegation_badges_issue


class PartnershipMeetingCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def get_success_url(self):
        return reverse("partnership_meetings:inspect", args=[self.object.pk])


class PartnershipMeetingInspectView(FairInspectView):
    """The meeting, its participants with their badges, and its decisions, each with the
    commitments it gave rise to and a form to add one."""

    template_name = "partnerships/admin/meeting_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            PartnershipMeeting.objects.select_related("session").prefetch_related(
                "agreements", "delegations"
            ),
            pk=self.pk,
        )

    @cached_property
    def header_buttons(self):
        if not self.request.user.has_perm("partnerships.change_partnershipmeeting"):
            return []
        return [
            HeaderButton(
                _("Issue delegation badges"),
                url=reverse("partnership_meetings:badges", args=[self.object.pk]),
                icon_name="tag",
                priority=10,
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        can_add = self.request.user.has_perm("partnerships.add_commitment")
        decisions = meeting.decisions.prefetch_related("commitments__agreement")
        context.update(
            meeting=meeting,
            participants=meeting.participants.select_related("partner_region", "attendee"),
            decisions=[
                (
                    decision,
                    DecisionCommitmentForm(meeting=meeting, prefix=f"decision-{decision.pk}")
                    if can_add
                    else None,
                )
                for decision in decisions
            ],
            can_issue_badges=self.request.user.has_perm("partnerships.change_partnershipmeeting"),
        )
        return context


def _meeting_inspect(meeting_id: int) -> str:
    return reverse("partnership_meetings:inspect", args=[meeting_id])


def meeting_badges_view(request, pk):
    """Badges for the members of the meeting's delegations who have none, for the current
    edition; the page first says how many."""
    require_permission(request, "change_partnershipmeeting")
    meeting = get_object_or_404(PartnershipMeeting, pk=pk)
    edition = Edition.objects.current()
    if edition is None:
        messages.error(request, _("There is no current edition to issue badges for."))
        return redirect(_meeting_inspect(meeting.pk))
    if request.method == "POST":
        issued = delegation_badges_issue(meeting=meeting, edition=edition, by=request.user)
        if issued:
            messages.success(
                request,
                ngettext(
                    "%(count)d delegation badge issued for %(edition)s.",
                    "%(count)d delegation badges issued for %(edition)s.",
                    issued,
                )
                % {"count": issued, "edition": edition},
            )
        else:
            messages.info(
                request, _("Every member of a delegation at this meeting already has a badge.")
            )
        return redirect(_meeting_inspect(meeting.pk))
    waiting = meeting.participants.filter(partner_region__isnull=False, attendee__isnull=True)
    return TemplateResponse(
        request,
        "partnerships/admin/meeting_badges.html",
        {
            "meeting": meeting,
            "edition": edition,
            "waiting": waiting.select_related("partner_region"),
            "inspect_url": _meeting_inspect(meeting.pk),
        },
    )


@require_POST
def decision_commitment_view(request, pk):
    """A commitment arising from one of the meeting's decisions."""
    require_permission(request, "add_commitment")
    decision = get_object_or_404(Decision.objects.select_related("meeting"), pk=pk)
    form = DecisionCommitmentForm(
        request.POST, meeting=decision.meeting, prefix=f"decision-{decision.pk}"
    )
    back = f"{_meeting_inspect(decision.meeting_id)}#decision-{decision.pk}"
    if not form.is_valid():
        errors = " ".join(str(e) for field_errors in form.errors.values() for e in field_errors)
        messages.error(
            request, _("The commitment was not created: %(errors)s") % {"errors": errors}
        )
        return redirect(back)
    commitment = decision_commitment_create(
        decision=decision,
        agreement=form.cleaned_data["agreement"],
        due_on=form.cleaned_data["due_on"],
        responsible_region=form.cleaned_data["responsible_region"],
        responsible_partner=form.cleaned_data["responsible_partner"],
        by=request.user,
    )
    messages.success(
        request,
        _("Commitment created under %(reference)s.")
        % {"reference": form.cleaned_data["agreement"].reference},
        buttons=[messages.button(reverse("commitments:edit", args=[commitment.pk]), _("Edit"))],
    )
    return redirect(back)
