from wagtail import hooks

from feedback.viewsets import FeedbackViewSetGroup, register_feedback_log_actions

hooks.register("register_admin_viewset", FeedbackViewSetGroup)
hooks.register("register_log_actions", register_feedback_log_actions)
