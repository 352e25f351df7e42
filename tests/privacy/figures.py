"""The observatory's figures for an edition, as a value two moments can be compared by."""

from observatory import selectors


def observatory_figures(edition) -> dict:
    return {
        indicator.key: (indicator.rows, indicator.headline)
        for indicator in selectors.indicators(edition)
    } | {"inside": selectors.people_inside(edition)}
