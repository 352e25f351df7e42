from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting

from fairsite.models import SiteSettings
from fairsite.users_admin import BULK_ACTIONS
from fairsite.workflow_names import action_menu_localise

register_setting(SiteSettings, icon="cog")

# After Wagtail's own (same action names): these replace them.
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=100)

hooks.register("construct_page_action_menu", action_menu_localise)
