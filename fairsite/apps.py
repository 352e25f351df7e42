from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class FairsiteConfig(AppConfig):
    # This module holds other AppConfigs too: Django takes this one for "fairsite" only if
    # told, and otherwise a bare AppConfig whose ready() does nothing.
    default = True
    name = "fairsite"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group, Permission
        from wagtail.models import Locale, PageViewRestriction, Site, get_page_models
        from wagtail.signals import page_published, page_unpublished, post_page_move

        import fairsite.lookups  # noqa: F401  (registers `in` and `range` for integer columns)
        import fairsite.tasks  # noqa: F401  (its tasks are queued by name)
        from fairsite.models import SiteSettings
        from fairsite.page_cache import (
            forget_pages_when_changed,
            forget_pages_when_linked,
            pages_changed,
        )

        # A page published, moved, changed or taken down, the site's addresses, languages or
        # restrictions, or the contact details in every page's footer changed: the pages kept
        # for visitors, and what pages keep (fairsite.kept), are all forgotten.
        page_published.connect(pages_changed, dispatch_uid="page_cache_published")
        page_unpublished.connect(pages_changed, dispatch_uid="page_cache_unpublished")
        post_page_move.connect(pages_changed, dispatch_uid="page_cache_moved")
        forget_pages_when_changed(
            SiteSettings, Site, Locale, PageViewRestriction, *get_page_models()
        )
        # Who may do what: kept with the content (fairsite.auth_backends), forgotten with it.
        user = get_user_model()
        forget_pages_when_changed(Group, Permission)
        forget_pages_when_linked(
            user.groups.through,
            user.user_permissions.through,
            Group.permissions.through,
            PageViewRestriction.groups.through,
        )


class FairUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users and groups screens, with the rule on who may grant what
    (fairsite.users_admin)."""

    user_viewset = "fairsite.users_admin.UserViewSet"
    group_viewset = "fairsite.users_admin.GroupViewSet"
