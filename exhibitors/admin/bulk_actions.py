"""Decisions on a selection of applications, from the applications listing."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.bulk_action import BulkAction

from exhibitors.models import Application
from exhibitors.services.applications import (
    application_accept,
    application_reject,
    application_waitlist,
)
from fairsite.bulk_actions import ServiceBulkAction


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Message to the cooperatives"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ApplicationDecisionBulkAction(ServiceBulkAction, BulkAction):
    """Apply one decision to each selected application; those it does not fit are reported."""

    models = [Application]
    form_class = NoteForm
    template_name = "exhibitors/admin/bulk_decision.html"
    service_argument = "application"
    refusals_separator = "; "
    header_icon = "form"

    def check_perm(self, application):
        return self.request.user.has_perm("exhibitors.review_application")

    def service_kwargs(self) -> dict:
        return {"note": self.cleaned_form.cleaned_data["note"]}

    @classmethod
    def refusal(cls, application, error) -> str:
        return f"{application.cooperative}: {error}"

    def done_message(self, count: int) -> str:
        return ngettext(
            "%(count)d application: %(decision)s.",
            "%(count)d applications: %(decision)s.",
            count,
        ) % {"count": count, "decision": self.done_label}


class AcceptBulkAction(ApplicationDecisionBulkAction):
    display_name = _("Accept")
    action_type = "accept_applications"
    aria_label = _("Accept the selected applications")
    done_label = _("accepted")
    service = staticmethod(application_accept)


class WaitlistBulkAction(ApplicationDecisionBulkAction):
    display_name = _("Waiting list")
    action_type = "waitlist_applications"
    aria_label = _("Put the selected applications on the waiting list")
    done_label = _("put on the waiting list")
    service = staticmethod(application_waitlist)


class RejectBulkAction(ApplicationDecisionBulkAction):
    display_name = _("Reject")
    action_type = "reject_applications"
    aria_label = _("Reject the selected applications")
    done_label = _("rejected")
    service = staticmethod(application_reject)
    classes = {"serious"}
