from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "proposals"
    verbose_name = _("Call for proposals")

    def ready(self):
        from fairsite.page_cache import forget_pages_when_changed
        from proposals.models import CallForProposals

        # The programme page invites proposals while the call is open.
        forget_pages_when_changed(CallForProposals)
