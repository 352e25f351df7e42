"""The proposers' pages: the open call, their proposals, and the invited speakers' link.

Every proposal is looked up among the signed-in person's own, so another's id answers 404;
an invitation is found by its link's token alone. The rules live in proposals.services.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from events.models import Edition
from fairsite.i18n import active_language
from fairsite.ratelimit import allow, client_ip
from proposals import services
from proposals.errors import ProposalError
from proposals.forms import DraftForm, InviteForm, ProposalForm, SpeakerProfileForm
from proposals.models import CallForProposals, Proposal


def _current_call() -> CallForProposals | None:
    edition = Edition.objects.current()
    if edition is None:
        return None
    return (
        CallForProposals.objects.filter(edition=edition)
        .select_related("edition")
        .prefetch_related("questions")
        .first()
    )


def _my_proposal(request, pk) -> Proposal:
    return get_object_or_404(
        Proposal.objects.of_user(request.user).select_related("call__edition", "track"), pk=pk
    )


def _refusal(error) -> str:
    return " ".join(getattr(error, "messages", None) or [str(error)])


def _form_errors(form) -> str:
    return " ".join(
        f"{form.fields[name].label}: {' '.join(errors)}"
        if name in form.fields
        else " ".join(errors)
        for name, errors in form.errors.items()
    )


def call_detail(request):
    """The current edition's call: what it asks for, until when, and one's own proposals."""
    call = _current_call()
    mine = []
    if call and request.user.is_authenticated:
        mine = Proposal.objects.of_user(request.user).filter(call=call).select_related("call")
    return render(
        request,
        "proposals/call_detail.html",
        {"call": call, "is_open": bool(call and call.is_open()), "proposals": mine},
    )


@login_required
def proposal_list(request):
    proposals = Proposal.objects.of_user(request.user).select_related("call__edition")
    return render(
        request, "proposals/proposal_list.html", {"proposals": proposals, "call": _current_call()}
    )


@login_required
def proposal_create(request):
    call = _current_call()
    if call is None or not call.is_open():
        messages.error(request, _("The call for proposals is closed."))
        return redirect("proposals:call_detail")
    submitting = request.POST.get("action") == "submit"
    form_class = ProposalForm if submitting or request.method == "GET" else DraftForm
    form = form_class(request.POST or None, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_create(
                call=call,
                by=request.user,
                written_in=active_language(),
                answers=form.answers(),
                **form.proposal_fields(),
            )
            if submitting:
                services.proposal_submit(proposal=proposal, by=request.user)
        except (ProposalError, ValidationError) as error:
            messages.error(request, _refusal(error))
        else:
            if submitting:
                messages.success(
                    request, _("Your proposal is sent. You will be told of the decision.")
                )
            else:
                messages.success(request, _("Your draft is saved."))
            return redirect("proposals:proposal_detail", proposal.pk)
    return render(request, "proposals/proposal_form.html", {"form": form, "call": call})


@login_required
def proposal_edit(request, pk):
    proposal = _my_proposal(request, pk)
    if not proposal.is_editable:
        return redirect("proposals:proposal_detail", proposal.pk)
    submitting = request.POST.get("action") == "submit"
    initial = {
        "title": proposal.title,
        "abstract": proposal.abstract,
        "kind": proposal.kind,
        "language": proposal.language,
        "duration": proposal.duration,
        "track": proposal.track_id,
        **{f"answer_{a.question_id}": a.text for a in proposal.answers.all()},
    }
    form_class = ProposalForm if submitting else DraftForm
    form = form_class(request.POST or None, call=proposal.call, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_update(
                proposal=proposal, by=request.user, answers=form.answers(), **form.proposal_fields()
            )
            if submitting:
                services.proposal_submit(proposal=proposal, by=request.user)
        except (ProposalError, ValidationError) as error:
            messages.error(request, _refusal(error))
        else:
            messages.success(
                request,
                _("Your proposal is sent. You will be told of the decision.")
                if submitting
                else _("Your draft is saved."),
            )
            return redirect("proposals:proposal_detail", proposal.pk)
    return render(
        request,
        "proposals/proposal_form.html",
        {"form": form, "call": proposal.call, "proposal": proposal},
    )


@login_required
def proposal_detail(request, pk):
    proposal = _my_proposal(request, pk)
    return render(
        request,
        "proposals/proposal_detail.html",
        {
            "proposal": proposal,
            "answers": proposal.answers.select_related("question"),
            "speakers": proposal.speakers.all(),
            "invite_form": InviteForm(),
            "can_invite": proposal.status not in ("rejected", "withdrawn"),
            "can_withdraw": services.proposal_can(proposal, "withdraw"),
            "can_submit": services.proposal_can(proposal, "submit"),
        },
    )


@login_required
@require_POST
def proposal_submit(request, pk):
    proposal = _my_proposal(request, pk)
    try:
        services.proposal_submit(proposal=proposal, by=request.user)
    except ProposalError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your proposal is sent. You will be told of the decision."))
    return redirect("proposals:proposal_detail", proposal.pk)


@login_required
@require_POST
def proposal_withdraw(request, pk):
    proposal = _my_proposal(request, pk)
    try:
        services.proposal_withdraw(proposal=proposal, by=request.user)
    except ProposalError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your proposal is withdrawn."))
    return redirect("proposals:proposal_detail", proposal.pk)


@login_required
@require_POST
def speaker_invite(request, pk):
    proposal = _my_proposal(request, pk)
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect("proposals:proposal_detail", proposal.pk)
    try:
        services.speaker_invite(proposal=proposal, by=request.user, **form.cleaned_data)
    except (ProposalError, ValidationError) as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(
            request,
            _("%(name)s is invited: the link to confirm is on its way.")
            % {"name": form.cleaned_data["name"]},
        )
    return redirect("proposals:proposal_detail", proposal.pk)


@login_required
@require_POST
def speaker_remove(request, pk, speaker_pk):
    proposal = _my_proposal(request, pk)
    invited = get_object_or_404(proposal.speakers, pk=speaker_pk)
    try:
        services.speaker_remove(invited=invited, by=request.user)
    except ProposalError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The invitation is withdrawn."))
    return redirect("proposals:proposal_detail", proposal.pk)


@never_cache
def speaker_confirm(request, token):
    """The invited person's page, opened from their link: confirm, and keep the profile up
    to date. An unknown token, or one of a withdrawn or declined proposal, answers 404."""
    # A guessed token is one in 2**256; the limit keeps the page from being a cheap oracle.
    if not allow(f"proposals-speaker-link:{client_ip(request)}", limit=60, period=600):
        raise Http404
    invited = services.invitation_by_token(token)
    if invited is None:
        raise Http404
    speaker = invited.speaker
    language = invited.language
    initial = {"name_ar": "", "name_latin": ""}
    if speaker is not None:
        initial = {
            "name_ar": speaker.name_ar,
            "name_latin": speaker.name_latin,
            "organisation": getattr(speaker, f"organisation_{language}"),
            "bio": getattr(speaker, f"bio_{language}"),
        }
    elif any("\u0600" <= char <= "\u06ff" for char in invited.name):
        initial["name_ar"] = invited.name
    else:
        initial["name_latin"] = invited.name
    form = SpeakerProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.speaker_confirm(invited=invited, by=request.user, **form.cleaned_data)
        except (ProposalError, ValidationError) as error:
            messages.error(request, _refusal(error))
        else:
            messages.success(
                request, _("Thank you: your profile is saved and your place confirmed.")
            )
            return redirect(request.path)
    response = render(
        request,
        "proposals/speaker_confirm.html",
        {"invited": invited, "proposal": invited.proposal, "form": form},
    )
    # The token is in the address: no other site gets it as a referrer. "no-referrer" would
    # also send the form's Origin as "null", which the CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    return response
