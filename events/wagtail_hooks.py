from wagtail import hooks

from events.viewsets import FairViewSetGroup, register_events_log_actions

hooks.register("register_admin_viewset", FairViewSetGroup)
hooks.register("register_log_actions", register_events_log_actions)
