from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from exhibitors import admin_views
from exhibitors.bulk_actions import AcceptBulkAction, RejectBulkAction, WaitlistBulkAction
from exhibitors.viewsets import ExhibitorsViewSetGroup

register_snippet(ExhibitorsViewSetGroup)

for bulk_action in (AcceptBulkAction, WaitlistBulkAction, RejectBulkAction):
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_admin_urls")
def register_exhibitor_admin_urls():
    return [
        path(
            "exhibitors/applications/<int:pk>/decide/",
            admin_views.application_decide,
            name="exhibitors_application_decide",
        ),
        path(
            "exhibitors/applications/<int:pk>/assign/",
            admin_views.application_assign,
            name="exhibitors_application_assign",
        ),
        path("exhibitors/floor-plan/", admin_views.floor_plan, name="exhibitors_floor_plan"),
    ]


@hooks.register("register_log_actions")
def register_application_actions(actions):
    for action, label, message in [
        ("submitted", _("Submit application"), _("Application submitted")),
        ("accepted", _("Accept application"), _("Application accepted")),
        ("waitlisted", _("Waitlist application"), _("Application put on the waiting list")),
        ("rejected", _("Reject application"), _("Application rejected")),
        ("changes_requested", _("Request changes"), _("Changes requested from the cooperative")),
        ("confirmed", _("Confirm participation"), _("Participation confirmed")),
        ("withdrawn", _("Withdraw application"), _("Application withdrawn")),
        ("stand", _("Assign stand"), _("Stand assigned")),
    ]:
        actions.register_action(f"exhibitors.application.{action}", label, message)
    actions.register_action(
        "exhibitors.cooperative.manager_added", _("Add a manager"), _("Manager added by invitation")
    )
