from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from exhibitors.admin import views as admin_views
from exhibitors.admin.bulk_actions import AcceptBulkAction, RejectBulkAction, WaitlistBulkAction
from exhibitors.viewsets import ExhibitorsViewSetGroup, register_exhibitors_log_actions

register_snippet(ExhibitorsViewSetGroup)
hooks.register("register_log_actions", register_exhibitors_log_actions)

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
