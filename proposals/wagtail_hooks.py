from wagtail import hooks

from proposals.viewsets import ProposalsViewSetGroup, register_proposals_log_actions

hooks.register("register_admin_viewset", ProposalsViewSetGroup)
hooks.register("register_log_actions", register_proposals_log_actions)
