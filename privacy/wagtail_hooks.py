from wagtail import hooks

from privacy.viewsets import DataRequestViewSet, register_privacy_log_actions

hooks.register("register_admin_viewset", lambda: DataRequestViewSet("privacy_requests"))
hooks.register("register_log_actions", register_privacy_log_actions)
