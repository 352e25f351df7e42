"""Floor-plan geometry: stands in, one drawing per hall out (SVG coordinates in pixels)."""

from collections import defaultdict
from decimal import Decimal

SCALE = 24  # pixels per metre


def halls(stands, holders: dict | None = None) -> list[dict]:
    """Group `stands` by hall with each one's rectangle and centre.

    `holders` maps a stand's id to its application where the caller knows it.
    """
    holders = holders or {}
    by_hall = defaultdict(list)
    for stand in stands:
        by_hall[stand.hall].append(stand)
    drawings = []
    for hall, hall_stands in sorted(by_hall.items()):
        width = max(s.x + s.width for s in hall_stands) + 1
        height = max(s.y + s.depth for s in hall_stands) + 1
        drawings.append(
            {
                "name": hall,
                "width": int(width * SCALE),
                "height": int(height * SCALE),
                "stands": [_shape(stand, holders.get(stand.pk)) for stand in hall_stands],
            }
        )
    return drawings


def _shape(stand, holder) -> dict:
    return {
        "stand": stand,
        "holder": holder,
        "x": int(stand.x * SCALE),
        "y": int(stand.y * SCALE),
        "w": int(stand.width * SCALE),
        "h": int(stand.depth * SCALE),
        "cx": int((stand.x + stand.width / Decimal(2)) * SCALE),
        "cy": int((stand.y + stand.depth / Decimal(2)) * SCALE),
    }
