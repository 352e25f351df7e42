from wagtail import hooks

from b2b.admin.bulk_actions import ConfirmMeetingsBulkAction
from b2b.viewsets import B2BViewSetGroup, register_b2b_log_actions

hooks.register("register_admin_viewset", B2BViewSetGroup)
hooks.register("register_bulk_action", ConfirmMeetingsBulkAction)
hooks.register("register_log_actions", register_b2b_log_actions)
