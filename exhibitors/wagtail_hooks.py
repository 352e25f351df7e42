from wagtail import hooks

from exhibitors.admin.bulk_actions import AcceptBulkAction, RejectBulkAction, WaitlistBulkAction
from exhibitors.viewsets import ExhibitorsViewSetGroup, register_exhibitors_log_actions

hooks.register("register_admin_viewset", ExhibitorsViewSetGroup)
hooks.register("register_log_actions", register_exhibitors_log_actions)

for bulk_action in (AcceptBulkAction, WaitlistBulkAction, RejectBulkAction):
    hooks.register("register_bulk_action", bulk_action)
