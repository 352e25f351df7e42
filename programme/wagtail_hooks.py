from wagtail import hooks

from programme.admin.bulk_actions import CancelSessionsBulkAction, PublishSessionsBulkAction
from programme.viewsets import ProgrammeViewSetGroup, register_session_log_actions

hooks.register("register_admin_viewset", ProgrammeViewSetGroup)
hooks.register("register_log_actions", register_session_log_actions)
for bulk_action in (PublishSessionsBulkAction, CancelSessionsBulkAction):
    hooks.register("register_bulk_action", bulk_action)
