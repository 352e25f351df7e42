"""The kept figures made ready for a page: each indicator with its chart and its table, for
the dashboard (beside the previous edition's) and for the public (what the council publishes)."""

from events.models import Edition
from observatory import charts
from observatory.models import PublishedFigures
from observatory.selectors import Headline, Indicator, previous_edition, publishable
from observatory.services.figures import Figures, figures_for, figures_kept


def chart(indicator: Indicator, *, rtl: bool) -> str:
    if indicator.chart == "provinces":
        return charts.province_map(
            indicator.rows, indicator.codes, title=indicator.title, unit=indicator.unit
        )
    if indicator.chart == "line":
        return charts.line_chart(indicator.rows, title=indicator.title, unit=indicator.unit)
    return charts.bar_chart(indicator.rows, title=indicator.title, rtl=rtl, unit=indicator.unit)


def sections(now: Figures, then: Figures | None, *, rtl: bool, keys=None) -> list[dict]:
    """One section per indicator (those of `keys` only, if given): the indicator, its chart,
    and its table of (label, value, value in the previous edition or None)."""
    before = then.rows_by_key() if then else {}
    return [
        {
            "indicator": indicator,
            "chart": chart(indicator, rtl=rtl),
            "table": [
                (label, value, before.get(indicator.key, {}).get(label))
                for label, value in indicator.rows
            ],
        }
        for indicator in now.indicators
        if keys is None or indicator.key in keys
    ]


def published_keys() -> list[str]:
    """The indicators the council chose, less any kept for the dashboard since."""
    return publishable(PublishedFigures.load().indicators)


def _published(language: str):
    """The current edition, its kept figures (None while first counted, or if nothing is
    published) and the keys of the published indicators."""
    edition = Edition.objects.current()
    keys = published_keys()
    figures = figures_kept(edition=edition, language=language) if edition and keys else None
    return edition, figures, keys


def public_sections(*, language: str) -> dict:
    """The current edition's published indicators, for the figures page."""
    edition, figures, keys = _published(language)
    if figures is None:
        return {"edition": edition, "sections": [], "headlines": [], "counted_at": None}
    return {
        "edition": edition,
        "sections": sections(figures, None, rtl=language == "ar", keys=keys),
        "headlines": headlines(figures, keys),
        "counted_at": figures.counted_at,
    }


def public_headlines(*, language: str) -> list[Headline]:
    """The published indicators' headline figures, for the home page."""
    _edition, figures, keys = _published(language)
    return headlines(figures, keys) if figures else []


def headlines(figures: Figures, keys) -> list[Headline]:
    """The headline figures of the indicators of `keys`."""
    return [
        indicator.headline
        for indicator in figures.indicators
        if indicator.key in keys and indicator.headline
    ]


def dashboard_figures(edition: Edition, language: str):
    """The edition's kept figures and its predecessor's (None for the first edition)."""
    previous = previous_edition(edition)
    now = figures_for(edition=edition, language=language)
    then = figures_for(edition=previous, language=language) if previous else None
    return previous, now, then
