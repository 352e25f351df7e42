"""The reviewers' and organisers' screens: a proposal as the rules let each see it, the
review form and the decision buttons, each calling a service."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView

from events.fair_clock import fair_time
from fairsite.admin_inspect import FairInspectView
from proposals import services
from proposals.errors import ProposalError
from proposals.forms import DecisionForm, ReviewForm
from proposals.selectors import (
    is_decider,
    is_own_proposal,
    is_reviewer,
    names_visible,
    proposals_for_staff,
    reviews_visible,
)

MOVE_LABELS = {
    "review_start": _("Start the review"),
    "accept": _("Accept"),
    "reject": _("Decline"),
    "reopen": _("Review again"),
}


def _inspect_url(proposal) -> str:
    return reverse("proposals_proposals:inspect", args=[proposal.pk])


class ProposalIndexView(IndexView):
    def get_base_queryset(self):
        return proposals_for_staff()


class ProposalInspectView(FairInspectView):
    template_name = "proposals/admin/proposal_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(proposals_for_staff(), pk=self.pk)

    def get_fields(self):
        return []  # the template shows what the rules let this person see

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal, user = self.object, self.request.user
        own = is_own_proposal(proposal, user)
        reviews = proposal.reviews.select_related("reviewer")
        if not reviews_visible(user):
            reviews = reviews.filter(reviewer=user)
        mine = proposal.reviews.filter(reviewer=user).first()
        can_review = (
            (is_reviewer(user) or is_decider(user))
            and not own
            and proposal.status in ("submitted", "under_review")
        )
        context.update(
            proposal=proposal,
            show_names=names_visible(proposal, user),
            answers=proposal.answers.select_related("question"),
            speakers=proposal.speakers.select_related("speaker"),
            reviews=reviews,
            all_reviews=reviews_visible(user),
            own=own,
            can_review=can_review,
            review_form=ReviewForm(
                score_max=proposal.call.score_max,
                initial={"score": mine.score, "comment": mine.comment} if mine else None,
            ),
            moves=[(m, MOVE_LABELS[m]) for m in services.proposal_moves(proposal, user=user)],
            decision_form=DecisionForm(),
            submitted_at=fair_time(proposal.submitted_at),
            decided_at=fair_time(proposal.decided_at) if proposal.decided_at else "",
            session_url=(
                reverse("sessions:edit", args=[proposal.session_id]) if proposal.session_id else ""
            ),
        )
        return context


@require_POST
def proposal_review(request, pk):
    proposal = get_object_or_404(proposals_for_staff(), pk=pk)
    if not (is_reviewer(request.user) or is_decider(request.user)):
        raise PermissionDenied
    form = ReviewForm(request.POST, score_max=proposal.call.score_max)
    if not form.is_valid():
        messages.error(request, _("Choose a score."))
        return redirect(_inspect_url(proposal))
    try:
        services.review_save(proposal=proposal, by=request.user, **form.cleaned_data)
    except ProposalError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your review is saved."))
    return redirect(_inspect_url(proposal))


@require_POST
def proposal_decide(request, pk):
    if not is_decider(request.user):
        raise PermissionDenied
    proposal = get_object_or_404(proposals_for_staff(), pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect(_inspect_url(proposal))
    move, note = form.cleaned_data["move"], form.cleaned_data["note"]
    try:
        if move in ("accept", "reject"):
            proposal = getattr(services, f"proposal_{move}")(
                proposal=proposal, by=request.user, note=note
            )
        else:
            proposal = getattr(services, f"proposal_{move}")(proposal=proposal, by=request.user)
    except ProposalError as error:
        messages.error(request, str(error))
    else:
        if move == "accept":
            messages.success(
                request,
                _("“%(title)s” is accepted: its draft session is in the programme, to be placed.")
                % {"title": proposal.title},
            )
        else:
            messages.success(
                request,
                _("“%(title)s”: %(status)s.")
                % {"title": proposal.title, "status": proposal.get_status_display()},
            )
    return redirect(_inspect_url(proposal))
