"""The indicators as the pages read them: worked out by a periodic task and kept in the cache,
so that a page never counts 50,000 check-ins while someone waits."""

import dataclasses
import datetime

from django.core.cache import cache
from django.utils import timezone, translation

from events.models import Edition
from observatory import selectors

REFRESH_SECONDS = 10 * 60
KEEP_SECONDS = 3 * REFRESH_SECONDS  # a missed refresh or two still leaves figures to show


@dataclasses.dataclass
class Figures:
    edition_id: int
    language: str
    counted_at: datetime.datetime
    indicators: list[selectors.Indicator]
    inside: int

    def rows_by_key(self) -> dict[str, dict[str, float]]:
        """Each indicator's values by row label, to set beside another edition's."""
        return {indicator.key: dict(indicator.rows) for indicator in self.indicators}


def _key(edition: Edition, language: str) -> str:
    return f"observatory:{edition.pk}:{language}"


def figures_refresh(*, edition: Edition, language: str) -> Figures:
    """Count the edition's indicators now (labels in `language`) and keep them."""
    with translation.override(language):
        figures = Figures(
            edition_id=edition.pk,
            language=language,
            counted_at=timezone.now(),
            indicators=selectors.indicators(edition),
            inside=selectors.people_inside(edition),
        )
    cache.set(_key(edition, language), figures, KEEP_SECONDS)
    return figures


def figures_for(*, edition: Edition, language: str) -> Figures:
    """The edition's kept figures, counted now if there are none yet."""
    return cache.get(_key(edition, language)) or figures_refresh(edition=edition, language=language)


def figures_kept(*, edition: Edition, language: str) -> Figures | None:
    """The edition's kept figures, for the public pages. When there are none, one request
    counts them while the others carry on without (None), rather than all counting at once."""
    key = _key(edition, language)
    figures = cache.get(key)
    if figures is None and cache.add(f"{key}:counting", 1, 60):
        try:
            figures = figures_refresh(edition=edition, language=language)
        finally:
            cache.delete(f"{key}:counting")
    return figures
