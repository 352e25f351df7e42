"""The logistics unit's screens: a request with its cooperative's readiness, and the
officers' actions on it, each calling a service."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from exportsupport import services
from exportsupport.errors import SupportError
from exportsupport.forms import AssignForm, OutcomeForm, StatusForm, UnitMessageForm
from exportsupport.models import SupportRequest
from exportsupport.selectors import cooperative_export_readiness, is_officer, unit_members
from fairsite.admin_inspect import FairInspectView


def officers():
    """The people a request can be given to: the unit's members and superusers."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(pk__in=unit_members().values("pk")))
        .order_by("email")
    )


def _require_officer(request) -> None:
    if not is_officer(request.user):
        raise PermissionDenied


def cooperative_readiness_panel(request, cooperative) -> str:
    """On a cooperative's admin page, for those who may see export support requests: its
    export readiness, with a link to its requests."""
    if not request.user.has_perm("exportsupport.view_supportrequest"):
        return ""
    context = {"readiness": cooperative_export_readiness(cooperative)}
    if cooperative.support_requests.exists():
        context["requests_url"] = (
            reverse("exportsupport_requests:index") + f"?cooperative={cooperative.pk}"
        )
    return render_to_string("exportsupport/admin/cooperative_readiness.html", context, request)


def _inspect_url(support_request: SupportRequest) -> str:
    return reverse("exportsupport_requests:inspect", args=[support_request.pk])


def _refused(reasons) -> str:
    return _("The file was refused: %(reason)s") % {"reason": " ".join(map(str, reasons))}


def _form_errors(form) -> str:
    """What the form refused, in the reader's language; a refused file says so."""
    said = []
    for name, errors in form.errors.items():
        said.append(_refused(errors) if name == "attachments" else " ".join(errors))
    return " ".join(said)


class SupportRequestInspectView(FairInspectView):
    template_name = "exportsupport/admin/supportrequest_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            SupportRequest.objects.select_related("cooperative", "assigned_to"), pk=self.pk
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        support_request = self.object
        can_act = is_officer(self.request.user)
        context.update(
            support_request=support_request,
            readiness=cooperative_export_readiness(support_request.cooperative),
            entries=support_request.messages.select_related("author").prefetch_related(
                "attachments"
            ),
            attachments=support_request.attachments.filter(message=None),
            products=support_request.products.all(),
            can_act=can_act,
            assign_form=AssignForm(
                officers=officers(), initial={"officer": support_request.assigned_to_id}
            ),
            status_form=StatusForm(support_request=support_request),
            message_form=UnitMessageForm(),
            outcome_form=OutcomeForm(initial={"outcome": support_request.outcome}),
            allowed_statuses=services.support_request_statuses_next(support_request),
        )
        return context


@require_POST
def request_assign(request, pk):
    _require_officer(request)
    support_request = get_object_or_404(SupportRequest, pk=pk)
    form = AssignForm(request.POST, officers=officers())
    if not form.is_valid():
        messages.error(request, _("Choose an officer of the logistics unit."))
        return redirect(_inspect_url(support_request))
    try:
        services.support_request_assign(
            support_request=support_request, officer=form.cleaned_data["officer"], by=request.user
        )
    except SupportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The request is assigned."))
    return redirect(_inspect_url(support_request))


@require_POST
def request_status(request, pk):
    _require_officer(request)
    support_request = get_object_or_404(SupportRequest, pk=pk)
    form = StatusForm(request.POST, request.FILES, support_request=support_request)
    if not form.is_valid():
        # Says why: no status chosen, one the workflow does not allow from here, or a file
        # refused by its content.
        messages.error(request, _form_errors(form))
        return redirect(_inspect_url(support_request))
    return _acted(
        request,
        support_request,
        lambda: services.support_request_status_set(
            support_request=support_request,
            status=form.cleaned_data["status"],
            message=form.cleaned_data["message"],
            files=form.cleaned_data["attachments"],
            by=request.user,
        ),
        lambda changed: (
            _("%(cooperative)s: %(status)s. The cooperative is told by e-mail.")
            % {"cooperative": changed.cooperative, "status": changed.get_status_display()}
        ),
    )


@require_POST
def request_message(request, pk):
    _require_officer(request)
    support_request = get_object_or_404(SupportRequest, pk=pk)
    form = UnitMessageForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(_inspect_url(support_request))
    return _acted(
        request,
        support_request,
        lambda: services.support_request_message_send(
            support_request=support_request,
            text=form.cleaned_data["text"],
            files=form.cleaned_data["attachments"],
            by=request.user,
        ),
        lambda _sent: _("Your message is sent: the cooperative is told by e-mail."),
    )


def _acted(request, support_request, act, success):
    """Do what the officer asked (`act`, a service call), say how it went (`success` words
    what it returned) and go back to the request's page. A file refused by its content or a
    step the workflow does not allow is said, and nothing is changed."""
    try:
        result = act()
    except ValidationError as error:
        messages.error(request, _refused(error.messages))
    except SupportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success(result))
    return redirect(_inspect_url(support_request))


@require_POST
def request_outcome(request, pk):
    _require_officer(request)
    support_request = get_object_or_404(SupportRequest, pk=pk)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        services.support_request_outcome_set(
            support_request=support_request, outcome=form.cleaned_data["outcome"], by=request.user
        )
        messages.success(request, _("The outcome is recorded."))
    return redirect(_inspect_url(support_request))
