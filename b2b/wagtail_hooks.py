from wagtail import hooks

from b2b.admin.bulk_actions import ConfirmMeetingsBulkAction
from b2b.viewsets import B2BViewSetGroup

hooks.register("register_admin_viewset", B2BViewSetGroup)
hooks.register("register_bulk_action", ConfirmMeetingsBulkAction)
