from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FairsiteConfig(AppConfig):
    name = "fairsite"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from fairsite.models import SiteSettings
        from fairsite.page_cache import forget_pages_when_changed, pages_changed

        # A page published or taken down, or the contact details in every page's footer
        # changed: the pages kept for visitors are all forgotten.
        page_published.connect(pages_changed, dispatch_uid="page_cache_published")
        page_unpublished.connect(pages_changed, dispatch_uid="page_cache_unpublished")
        forget_pages_when_changed(SiteSettings)
