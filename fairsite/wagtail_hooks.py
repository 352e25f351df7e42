from wagtail.contrib.settings.registry import register_setting

from fairsite.models import SiteSettings

register_setting(SiteSettings, icon="cog")
