from wagtail import hooks
from wagtail.snippets.models import register_snippet

from partnerships.viewsets import (
    PartnerRegionViewSet,
    PartnershipsViewSetGroup,
    register_partnerships_log_actions,
)

register_snippet(PartnerRegionViewSet)
hooks.register("register_admin_viewset", PartnershipsViewSetGroup)
hooks.register("register_log_actions", register_partnerships_log_actions)
