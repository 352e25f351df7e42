from wagtail import hooks

from exhibitors.admin.views import COOPERATIVE_PANELS_HOOK
from exportsupport.admin.views import cooperative_readiness_panel
from exportsupport.viewsets import ExportSupportViewSetGroup, register_exportsupport_log_actions

hooks.register("register_admin_viewset", ExportSupportViewSetGroup)
hooks.register("register_log_actions", register_exportsupport_log_actions)
hooks.register(COOPERATIVE_PANELS_HOOK, cooperative_readiness_panel)
