"""The observatory's panel on the admin home: the current edition's headline figures."""

from wagtail.admin.ui.components import Component

from events.selectors import shown_edition
from fairsite.i18n import active_language
from observatory.services.figures import figures_for


class IndicatorsPanel(Component):
    name = "indicators"
    template_name = "observatory/home_panel.html"
    order = 90  # above Wagtail's own panels: the fair first

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        edition = shown_edition()
        if edition is not None:
            figures = figures_for(edition=edition, language=active_language())
            context.update(
                edition=edition,
                headlines=[i.headline for i in figures.indicators if i.headline],
                inside=figures.inside,
                counted_at=figures.counted_at,
            )
        return context
