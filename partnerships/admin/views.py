"""Partnerships screens beyond Wagtail's generic ones: agreements saved through their rules,
terminated and renewed; signed documents and evidence served only to those allowed (the
partnership meetings' screens are in partnerships.admin.meetings)."""

from collections import OrderedDict

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import set_query_params
from wagtail.admin.views.generic import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
)
from wagtail.admin.widgets import HeaderButton
from wagtail.coreutils import multigetattr
from wagtail.permission_policies import ModelPermissionPolicy

from fairsite.admin_inspect import FairInspectView
from fairsite.i18n import join_list
from fairsite.uploads import private_file_response
from partnerships.admin.forms import TerminateForm
from partnerships.choices import AgreementStatus, Domain
from partnerships.errors import PartnershipError
from partnerships.models import Agreement, Commitment
from partnerships.selectors import agreement_timeline
from partnerships.services.agreements import (
    agreement_renew,
    agreement_renewal,
    agreement_save,
    agreement_terminate,
    agreement_terminate_check,
)
from partnerships.terms import agreement_end


def require_permission(request, permission: str) -> None:
    if not request.user.has_perm(f"partnerships.{permission}"):
        raise PermissionDenied


def agreement_document(request, pk):
    """The signed document, to those who may see the agreement."""
    require_permission(request, "view_agreement")
    agreement = get_object_or_404(Agreement, pk=pk)
    if not agreement.document:
        raise Http404
    return private_file_response(
        agreement.document, filename=slugify(agreement.reference) or f"{pk}"
    )


def commitment_evidence(request, pk):
    require_permission(request, "view_commitment")
    commitment = get_object_or_404(Commitment.objects.select_related("agreement"), pk=pk)
    if not commitment.evidence:
        raise Http404
    stem = f"{slugify(commitment.agreement.reference) or commitment.agreement_id}-{pk}"
    return private_file_response(commitment.evidence, filename=stem)


def _download_link(url: str, label: str):
    return format_html('<a href="{}" download>{}</a>', url, label)


def domain_labels(agreement: Agreement) -> list[str]:
    labels = dict(Domain.choices)
    return [str(labels.get(code, code)) for code in agreement.domains or []]


def agreement_current_end(agreement: Agreement):
    return agreement_end(agreement, timezone.localdate())


class AgreementIndexView(IndexView):
    def to_row_dict(self, item):
        # The partner regions and the domains by their names, not as a manager and codes.
        named = {
            "partner_regions": lambda: join_list(item.partner_regions.all()),
            "domains": lambda: join_list(domain_labels(item)),
        }
        return OrderedDict(
            (field, named[field]() if field in named else multigetattr(item, field))
            for field in self.list_export
        )


class AgreementSaveMixin:
    """Create and edit: the agreement is saved by `agreement_save`, which sets its status
    from the dates (and marks the agreement it renews), never by the form alone."""

    def save_instance(self):
        agreement = self.form.save(commit=False)
        agreement_save(
            agreement=agreement,
            by=self.request.user,
            content_changed=self.form.has_changed() or agreement.pk is None,
        )
        self.form.save_m2m()
        return agreement

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["agreement"] = getattr(self, "object", None)
        return context


class AgreementCreateView(AgreementSaveMixin, CreateView):
    template_name = "partnerships/admin/agreement_form.html"

    def get_success_url(self):
        return reverse("agreements:inspect", args=[self.object.pk])

    def get_success_message(self, instance):
        return _("Agreement %(reference)s created: %(status)s.") % {
            "reference": instance.reference,
            "status": instance.get_status_display(),
        }


class AgreementEditView(AgreementSaveMixin, EditView):
    template_name = "partnerships/admin/agreement_form.html"

    def get_success_message(self):
        return _("Agreement %(reference)s saved: %(status)s.") % {
            "reference": self.object.reference,
            "status": self.object.get_status_display(),
        }


class AgreementDeleteView(DeleteView):
    """An agreement that another renews stays: the renewal points to it."""

    def _refuse(self):
        successor = Agreement.objects.filter(renews=self.object).first()
        if successor is None:
            return None
        messages.error(
            self.request,
            _(
                "%(reference)s is renewed by %(renewal)s: it cannot be deleted while the "
                "renewal exists."
            )
            % {"reference": self.object.reference, "renewal": successor.reference},
        )
        return redirect(_agreement_inspect(self.object))

    def get(self, request, *args, **kwargs):
        return self._refuse() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refuse() or super().post(request, *args, **kwargs)


def renewal_chain(agreement: Agreement) -> list[Agreement]:
    """The agreements this one renews and those renewing it, oldest first."""
    chain = [agreement]
    seen = {agreement.pk}
    earlier = agreement
    while earlier.renews_id and earlier.renews_id not in seen:
        earlier = Agreement.objects.get(pk=earlier.renews_id)
        seen.add(earlier.pk)
        chain.insert(0, earlier)
    later = agreement
    while True:
        later = Agreement.objects.filter(renews=later).first()
        if later is None or later.pk in seen:
            break
        seen.add(later.pk)
        chain.append(later)
    return chain if len(chain) > 1 else []


class AgreementInspectView(FairInspectView):
    """The agreement with its timeline, commitments, meetings and renewals, and the officers'
    actions on it."""

    template_name = "partnerships/admin/agreement_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Agreement.objects.prefetch_related(
                "partner_regions", "commitments", "meetings"
            ).select_related("renews"),
            pk=self.pk,
        )

    def get_domains_display_value(self):
        return join_list(domain_labels(self.object)) or "-"

    def get_document_display_value(self):
        if not self.object.document:
            return "-"
        return _download_link(
            reverse("agreements:document", args=[self.object.pk]),
            _("Download the signed document"),
        )

    def get_renews_display_value(self):
        if not self.object.renews_id:
            return "-"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("agreements:inspect", args=[self.object.renews_id]),
            self.object.renews,
        )

    @cached_property
    def header_buttons(self):
        agreement, user = self.object, self.request.user
        buttons = []
        terminable = agreement.signed_on and not agreement.terminated_on
        if user.has_perm("partnerships.change_agreement") and terminable:
            buttons.append(
                HeaderButton(
                    _("Terminate"),
                    url=reverse("agreements:terminate", args=[agreement.pk]),
                    icon_name="circle-xmark",
                    priority=20,
                )
            )
        renewable = agreement.signed_on and agreement.status != AgreementStatus.TERMINATED
        if user.has_perm("partnerships.add_agreement") and renewable:
            buttons.append(
                HeaderButton(
                    _("Renew"),
                    url=reverse("agreements:renew", args=[agreement.pk]),
                    icon_name="resubmit",
                    priority=10,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement = self.object
        today = timezone.localdate()
        commitments = list(agreement.commitments.all())
        context.update(
            agreement=agreement,
            today=today,
            timeline=agreement_timeline(agreement, today),
            commitments=[(c, c.is_overdue(today)) for c in commitments],
            meetings=agreement.meetings.all(),
            chain=renewal_chain(agreement),
            can_add_commitment=self.request.user.has_perm("partnerships.add_commitment"),
        )
        return context


def _agreement_inspect(agreement: Agreement) -> str:
    return reverse("agreements:inspect", args=[agreement.pk])


def agreement_terminate_view(request, pk):
    """Terminate a signed agreement on a given day, after a confirmation."""
    require_permission(request, "change_agreement")
    agreement = get_object_or_404(Agreement, pk=pk)
    try:
        agreement_terminate_check(agreement=agreement)
    except PartnershipError as error:
        messages.error(request, str(error))
        return redirect(_agreement_inspect(agreement))
    form = TerminateForm(request.POST if request.method == "POST" else None, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        try:
            agreement_terminate(agreement=agreement, on=form.cleaned_data["on"], by=request.user)
        except PartnershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Agreement %(reference)s is terminated on %(day)s: %(status)s.")
                % {
                    "reference": agreement.reference,
                    "day": date_format(agreement.terminated_on),
                    "status": agreement.get_status_display(),
                },
            )
        return redirect(_agreement_inspect(agreement))
    return TemplateResponse(
        request,
        "partnerships/admin/agreement_terminate.html",
        {"agreement": agreement, "form": form, "inspect_url": _agreement_inspect(agreement)},
    )


def agreement_renew_view(request, pk):
    """Start the renewal of a signed agreement: a draft renewing it, opened for editing."""
    require_permission(request, "add_agreement")
    agreement = get_object_or_404(Agreement, pk=pk)
    successor = agreement_renewal(agreement)
    if successor is not None:
        messages.warning(
            request,
            _("%(reference)s is already renewed by %(renewal)s.")
            % {"reference": agreement.reference, "renewal": successor.reference},
        )
        return redirect("agreements:edit", successor.pk)
    if request.method == "POST":
        try:
            draft = agreement_renew(agreement=agreement, by=request.user)
        except PartnershipError as error:
            messages.error(request, str(error))
            return redirect(_agreement_inspect(agreement))
        messages.success(
            request,
            _(
                "Draft %(reference)s renews %(renewed)s. Complete it, and give its dates "
                "once it is signed."
            )
            % {"reference": draft.reference, "renewed": agreement.reference},
        )
        return redirect("agreements:edit", draft.pk)
    return TemplateResponse(
        request,
        "partnerships/admin/agreement_renew.html",
        {"agreement": agreement, "inspect_url": _agreement_inspect(agreement)},
    )


def agreement_from_query(request) -> Agreement | None:
    """The agreement named by `?agreement=<pk>`, if the user may see agreements and it
    exists; anything else (no number, no such agreement, no right to see it) is None."""
    raw = request.GET.get("agreement", "")
    if not raw.isdigit():
        return None
    if not ModelPermissionPolicy(Agreement).user_has_any_permission(
        request.user, ["add", "change", "delete", "view"]
    ):
        return None
    return Agreement.objects.filter(pk=int(raw)).first()


class CommitmentCreateView(CreateView):
    """Opened from an agreement's page (`?agreement=<pk>`), the form starts under that
    agreement and, once saved, leads back to the page of the commitment's agreement."""

    @cached_property
    def from_agreement(self) -> Agreement | None:
        return agreement_from_query(self.request)

    def get_initial(self):
        initial = super().get_initial()
        if self.from_agreement is not None:
            initial["agreement"] = self.from_agreement.pk
        return initial

    def get_add_url(self):
        # The form posts back with the agreement, so that saving still knows where to return.
        url = super().get_add_url()
        if self.from_agreement is None:
            return url
        return set_query_params(url, {"agreement": self.from_agreement.pk})

    def get_success_url(self):
        if self.from_agreement is None:
            return super().get_success_url()
        return f"{_agreement_inspect(self.object.agreement)}#commitments"


class CommitmentInspectView(FairInspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            Commitment.objects.select_related("agreement", "decision__meeting"), pk=self.pk
        )

    def get_evidence_display_value(self):
        if not self.object.evidence:
            return "-"
        return _download_link(
            reverse("commitments:evidence", args=[self.object.pk]), _("Download the evidence")
        )

    def get_agreement_display_value(self):
        return format_html(
            '<a href="{}">{}</a>', _agreement_inspect(self.object.agreement), self.object.agreement
        )

    def get_decision_display_value(self):
        decision = self.object.decision
        if decision is None:
            return "-"
        return format_html(
            '<a href="{}">{}</a> · {}',
            reverse("partnership_meetings:inspect", args=[decision.meeting_id]),
            decision.meeting,
            decision,
        )
