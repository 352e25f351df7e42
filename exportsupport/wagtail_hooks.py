from wagtail import hooks

from exportsupport.viewsets import ExportSupportViewSetGroup, register_exportsupport_log_actions

hooks.register("register_admin_viewset", ExportSupportViewSetGroup)
hooks.register("register_log_actions", register_exportsupport_log_actions)
