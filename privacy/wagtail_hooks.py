from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting

from privacy.models import RetentionSettings
from privacy.viewsets import PrivacyViewSetGroup, register_privacy_log_actions

hooks.register("register_admin_viewset", PrivacyViewSetGroup)
register_setting(RetentionSettings, icon="history")
hooks.register("register_log_actions", register_privacy_log_actions)
