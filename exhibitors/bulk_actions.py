"""Decisions on a selection of applications, from the applications listing."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from exhibitors import services
from exhibitors.models import Application


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Message to the cooperatives"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ApplicationDecisionBulkAction(SnippetBulkAction):
    """Apply one decision to each selected application; those it does not fit are reported."""

    models = [Application]
    form_class = NoteForm
    template_name = "exhibitors/admin/bulk_decision.html"
    decide = None

    def check_perm(self, application):
        return self.request.user.has_perm("exhibitors.review_application")

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "note": self.cleaned_form.cleaned_data["note"],
            "decide": type(self).decide,
            "refused": self.refused,
        }

    def prepare_action(self, objects, objects_without_access):
        self.refused = []

    @classmethod
    def execute_action(cls, objects, user=None, note="", decide=None, refused=None, **kwargs):
        done = 0
        for application in objects:
            try:
                decide(application=application, by=user, note=note)
                done += 1
            except services.ApplicationError as error:
                refused.append(f"{application.cooperative}: {error}")
        return done, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = ngettext(
            "%(count)d application: %(decision)s.",
            "%(count)d applications: %(decision)s.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "decision": self.done_label}
        if self.refused:
            message += " " + str(_("Not changed: %(list)s") % {"list": "; ".join(self.refused)})
        return message


class AcceptBulkAction(ApplicationDecisionBulkAction):
    display_name = _("Accept")
    action_type = "accept_applications"
    aria_label = _("Accept the selected applications")
    done_label = _("accepted")
    decide = staticmethod(services.application_accept)


class WaitlistBulkAction(ApplicationDecisionBulkAction):
    display_name = _("Waiting list")
    action_type = "waitlist_applications"
    aria_label = _("Put the selected applications on the waiting list")
    done_label = _("put on the waiting list")
    decide = staticmethod(services.application_waitlist)


class RejectBulkAction(ApplicationDecisionBulkAction):
    display_name = _("Reject")
    action_type = "reject_applications"
    aria_label = _("Reject the selected applications")
    done_label = _("rejected")
    decide = staticmethod(services.application_reject)
    classes = {"serious"}
