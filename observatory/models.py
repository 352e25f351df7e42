"""What the council publishes of the observatory: the choice of indicators, and the public
page that shows them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting

from fairsite.models.pages import RoutedSectionPage
from observatory.forms import PublishedFiguresForm


class PublishedFigures(BaseGenericSetting):
    """The indicators the council chooses to publish: their headline figures on the home
    page, and their charts and tables on the figures page."""

    indicators = models.JSONField(_("published indicators"), default=list, blank=True)

    base_form_class = PublishedFiguresForm
    panels = [FieldPanel("indicators")]

    class Meta:
        verbose_name = _("published figures")
        verbose_name_plural = _("published figures")


class FiguresPage(RoutedSectionPage):
    """/<lang>/figures/: the published indicators of the current edition."""

    subpage_urlconf = "observatory.page_urls"

    class Meta:
        verbose_name = _("figures page")
