"""Organiser screens beyond Wagtail's generic ones: deciding on an application, the floor plan,
what other apps add to a cooperative's page."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic import EditView
from wagtail.admin.widgets import HeaderButton

from events.models import Edition
from exhibitors.admin.forms import DecisionForm, StandAssignmentForm, StandOfferForm
from exhibitors.choices import ApplicationStatus
from exhibitors.errors import ApplicationError
from exhibitors.floor_plan import halls as floor_plan_halls
from exhibitors.models import Application, Stand
from exhibitors.services.applications import (
    application_accept,
    application_assign_stand,
    application_offer_stand,
    application_reject,
    application_request_changes,
    application_waitlist,
)
from fairsite.admin_inspect import FairInspectView

DECISIONS = {
    ApplicationStatus.ACCEPTED: application_accept,
    ApplicationStatus.WAITLISTED: application_waitlist,
    ApplicationStatus.REJECTED: application_reject,
    ApplicationStatus.CHANGES_REQUESTED: application_request_changes,
}


def require_review_permission(request) -> None:
    if not request.user.has_perm("exhibitors.review_application"):
        raise PermissionDenied


class ApplicationEditView(EditView):
    """What an organiser may correct in an application; saving leads back to its page, where
    the decisions are."""

    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(_("Decide"), url=self.get_success_url(), icon_name="tasks"),
        ]

    def get_success_url(self):
        return reverse("applications:inspect", args=[self.object.pk])


class ApplicationInspectView(FairInspectView):
    """The application with its documents, history and the organiser's actions."""

    template_name = "exhibitors/admin/application_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        context.update(
            application=application,
            documents=application.documents.all(),
            events=application.events.select_related("by"),
            staff=application.staff.all(),
            can_review=self.request.user.has_perm("exhibitors.review_application"),
            decision_form=DecisionForm(),
            stand_form=StandAssignmentForm(edition=application.edition),
            decide_url=reverse("applications:decide", args=[application.pk]),
            assign_url=reverse("applications:assign", args=[application.pk]),
            can_get_stand=application.status
            in (ApplicationStatus.ACCEPTED, ApplicationStatus.CONFIRMED),
        )
        return context


# What other apps know of a cooperative, shown on its admin page (the logistics unit adds
# its export readiness): each function registered with this Wagtail hook takes the request
# and the cooperative and returns HTML, or "" for nothing to show that user.
COOPERATIVE_PANELS_HOOK = "exhibitors_cooperative_panels"


class CooperativeInspectView(FairInspectView):
    """The cooperative's profile, and what other apps add to it (COOPERATIVE_PANELS_HOOK)."""

    template_name = "exhibitors/admin/cooperative_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        panels = hooks.get_hooks(COOPERATIVE_PANELS_HOOK)
        shown = (panel(self.request, self.object) for panel in panels)
        context["extra_panels"] = [html for html in shown if html]
        return context


def _inspect_url(application: Application) -> str:
    return reverse("applications:inspect", args=[application.pk])


def _chosen(queryset, pk: str | None):
    """The object an address or a form names, or 404 for one that is not there, whatever
    was typed in its place."""
    if not (pk or "").isdigit():
        raise Http404
    return get_object_or_404(queryset, pk=int(pk))


@require_POST
def application_decide(request, pk):
    require_review_permission(request)
    application = get_object_or_404(Application, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect(_inspect_url(application))
    decide = DECISIONS[form.cleaned_data["decision"]]
    try:
        decide(application=application, by=request.user, note=form.cleaned_data["note"])
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        application.refresh_from_db()
        messages.success(
            request,
            _("%(cooperative)s: %(status)s. The cooperative is told by e-mail.")
            % {"cooperative": application.cooperative, "status": application.get_status_display()},
        )
    return redirect(_inspect_url(application))


@require_POST
def application_assign(request, pk):
    require_review_permission(request)
    application = get_object_or_404(Application, pk=pk)
    form = StandAssignmentForm(request.POST, edition=application.edition)
    if not form.is_valid():
        messages.error(request, _("That stand is not free any more. Choose another one."))
        return redirect(_inspect_url(application))
    _give_stand(request, application, form.cleaned_data["stand"], note="")
    return redirect(_inspect_url(application))


def _give_stand(request, application: Application, stand: Stand, *, note: str) -> None:
    try:
        if application.status == ApplicationStatus.WAITLISTED:
            application_offer_stand(
                application=application, stand=stand, by=request.user, note=note
            )
        else:
            application_assign_stand(application=application, stand=stand, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Stand %(code)s is now %(cooperative)s's.")
            % {"code": stand.code, "cooperative": application.cooperative},
        )


def floor_plan(request):
    """Every stand of an edition drawn from its position and size: free, taken, selected."""
    require_review_permission(request)
    editions = Edition.objects.all()
    edition = (
        _chosen(editions, request.GET["edition"])
        if request.GET.get("edition")
        else Edition.objects.current() or editions.first()
    )
    if edition is None:
        return TemplateResponse(request, "exhibitors/admin/floor_plan.html", {"halls": []})
    if request.method == "POST":
        stand = _chosen(Stand.objects.filter(edition=edition), request.POST.get("stand"))
        form = StandOfferForm(request.POST, edition=edition)
        if form.is_valid():
            _give_stand(
                request, form.cleaned_data["application"], stand, note=form.cleaned_data["note"]
            )
        else:
            messages.error(request, _("Choose an application without a stand."))
        return redirect(f"{request.path}?edition={edition.pk}&stand={stand.pk}")

    stands = list(Stand.objects.filter(edition=edition).select_related("stand_type"))
    holders = {
        application.stand_id: application
        for application in Application.objects.filter(stand__in=stands).select_related(
            "cooperative"
        )
    }
    selected = next((s for s in stands if str(s.pk) == request.GET.get("stand")), None)
    return TemplateResponse(
        request,
        "exhibitors/admin/floor_plan.html",
        {
            "edition": edition,
            "editions": editions,
            "halls": floor_plan_halls(stands, holders),
            "selected": selected,
            "selected_application": holders.get(selected.pk) if selected else None,
            "offer_form": StandOfferForm(edition=edition) if selected else None,
            "taken": len(holders),
            "total": len(stands),
        },
    )
