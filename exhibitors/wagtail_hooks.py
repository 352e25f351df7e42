from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_application_actions(actions):
    actions.register_action(
        "exhibitors.application.submitted", _("Submit application"), _("Application submitted")
    )
    actions.register_action(
        "exhibitors.application.accepted", _("Accept application"), _("Application accepted")
    )
    actions.register_action(
        "exhibitors.application.waitlisted",
        _("Waitlist application"),
        _("Application put on the waiting list"),
    )
    actions.register_action(
        "exhibitors.application.rejected", _("Reject application"), _("Application rejected")
    )
    actions.register_action(
        "exhibitors.application.changes_requested",
        _("Request changes"),
        _("Changes requested from the cooperative"),
    )
    actions.register_action(
        "exhibitors.application.confirmed", _("Confirm participation"), _("Participation confirmed")
    )
    actions.register_action(
        "exhibitors.application.withdrawn", _("Withdraw application"), _("Application withdrawn")
    )
    actions.register_action("exhibitors.application.stand", _("Assign stand"), _("Stand assigned"))
