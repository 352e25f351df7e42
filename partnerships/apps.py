from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerships")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from fairsite.page_cache import forget_pages_when_changed
        from partnerships.models import Agreement, PartnerRegion, PartnershipMeeting

        # What the public pages show: a change is seen at once, not when the kept page expires.
        forget_pages_when_changed(PartnerRegion, Agreement, PartnershipMeeting)
