"""The sample site publishes a few of the observatory's figures."""

from observatory.models import PublishedFigures

DEMO_PUBLISHED = ["exhibitors_province", "exhibitors_sector", "led_by", "agreements_region"]


def demo_published_figures_ensure() -> PublishedFigures:
    """Publish the sample selection, unless the council already chose what to publish."""
    published = PublishedFigures.load()
    if not published.indicators:
        published.indicators = DEMO_PUBLISHED
        published.save()
    return published
