from django.utils.translation import gettext_lazy as _

from fairsite.models.pages import RoutedSectionPage


class PartnershipsPage(RoutedSectionPage):
    """The partner regions on a map, and a page for each with its public agreements and
    its meetings and sessions at the fair."""

    subpage_urlconf = "partnerships.page_urls"

    class Meta:
        verbose_name = _("partnerships")
