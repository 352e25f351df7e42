"""The world under the partner map: Natural Earth's 1:110m countries (the npm package
`world-atlas`, which `make static` copies to static/vendor/data/) projected onto a box around
Africa and Europe, as SVG path data.

Reading TopoJSON takes a few dozen lines (quantised, delta-encoded arcs shared between
shapes), so it is decoded here rather than by a library: the `topojson` package on PyPI builds
topologies from shapely geometries rather than reads them, and would bring shapely and numpy
along for it. The projection is equirectangular; the layers depend only on the file and are
computed once per process.

Morocco is drawn whole, southern provinces included, as the Kingdom's own maps show it:
Natural Earth separates a "W. Sahara", and the line between the two is not drawn.
"""

import dataclasses
import functools
import json
import logging

from django.contrib.staticfiles import finders

logger = logging.getLogger(__name__)

ATLAS = "vendor/data/countries-110m.json"

# The box shown, in degrees, and how many SVG units a degree is worth.
WEST, EAST, SOUTH, NORTH = -25.0, 60.0, -38.0, 62.0
SCALE = 10
WIDTH = round((EAST - WEST) * SCALE)
HEIGHT = round((NORTH - SOUTH) * SCALE)
# Shapes are cut a little outside the box, so that the cut never shows.
MARGIN = 2 * SCALE


# Morocco and the territory Natural Earth calls "W. Sahara" (ISO 3166 numeric codes).
MOROCCO = frozenset({"504", "732"})


@dataclasses.dataclass(frozen=True)
class BaseMap:
    land: str
    borders: str
    morocco: str


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Equirectangular: x grows eastwards from the box's west edge, y southwards from its
    north edge."""
    return (float(longitude) - WEST) * SCALE, (NORTH - float(latitude)) * SCALE


@functools.cache
def base_map() -> BaseMap:
    """Land, the borders between countries, and Morocco, as SVG path data (read once)."""
    path = finders.find(ATLAS)
    if not path:
        logger.warning("%s is missing (run `make static`): the map has markers only.", ATLAS)
        return BaseMap(land="", borders="", morocco="")
    with open(path, encoding="utf-8") as file:
        topology = json.load(file)
    arcs = _decode_arcs(topology)
    box = (-MARGIN, -MARGIN, WIDTH + MARGIN, HEIGHT + MARGIN)

    land = []
    for polygon in _polygons(topology["objects"]["land"]):
        land.extend(_clip_ring(_unwrap(_ring(arcs, ring)), box) for ring in polygon)

    countries = topology["objects"]["countries"]["geometries"]
    morocco = []
    users = {}  # arc index -> the countries drawn with it
    for country in countries:
        code = str(country.get("id", ""))
        for polygon in _polygons(country):
            for ring in polygon:
                for index in ring:
                    users.setdefault(_arc_index(index), set()).add(code)
                if code in MOROCCO:
                    morocco.append(_clip_ring(_unwrap(_ring(arcs, ring)), box))
    # An arc that two countries share is a border; one that only Morocco's two parts
    # share is not.
    borders = [
        arcs[index]
        for index, codes in sorted(users.items())
        if len(codes) > 1 and not codes <= MOROCCO and _touches_box(arcs[index], box)
    ]
    return BaseMap(
        land=_path_data(land, closed=True),
        borders=_path_data(borders, closed=False),
        morocco=_path_data(morocco, closed=True),
    )


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc as projected points. Positions are quantised integers, each one stored as
    the difference from the one before; the transform turns them back into degrees."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append(project(y * scale_y + shift_y, x * scale_x + shift_x))
        decoded.append(points)
    return decoded


def _arc_index(index: int) -> int:
    # A negative index is the arc ~index, walked backwards.
    return index if index >= 0 else ~index


def _ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Each arc starts where the one before it ended.
        points.extend(arc[1:] if points else arc)
    return points


def _unwrap(points: list) -> list:
    """The ring without its jumps across the 180th meridian (Russia's east, Fiji): the
    points after a jump go on past the edge of the world instead, where the clipping to
    the box drops them, rather than drawing a line across the whole map."""
    half_turn, shift = 180 * SCALE, 0.0
    unwrapped = points[:1]
    for (ax, _ay), (bx, by) in zip(points, points[1:], strict=False):
        if bx - ax > half_turn:
            shift -= 2 * half_turn
        elif ax - bx > half_turn:
            shift += 2 * half_turn
        unwrapped.append((bx + shift, by))
    return unwrapped


def _polygons(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    if geometry["type"] == "GeometryCollection":
        return [p for child in geometry["geometries"] for p in _polygons(child)]
    return []


def _clip_ring(points: list, box: tuple) -> list:
    """The part of a closed ring inside `box` (Sutherland–Hodgman, one edge at a time)."""
    left, top, right, bottom = box
    edges = ((0, left, True), (0, right, False), (1, top, True), (1, bottom, False))
    for axis, bound, keep_greater in edges:
        if not points:
            break

        def inside(point, axis=axis, bound=bound, keep_greater=keep_greater):
            return point[axis] >= bound if keep_greater else point[axis] <= bound

        clipped = []
        previous = points[-1]
        for point in points:
            if inside(point) != inside(previous):
                clipped.append(_crossing(previous, point, axis, bound))
            if inside(point):
                clipped.append(point)
            previous = point
        points = clipped
    return points


def _crossing(a, b, axis, bound):
    t = (bound - a[axis]) / (b[axis] - a[axis])
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def _touches_box(points: list, box: tuple) -> bool:
    left, top, right, bottom = box
    xs = [x for x, _y in points]
    ys = [y for _x, y in points]
    return min(xs) <= right and max(xs) >= left and min(ys) <= bottom and max(ys) >= top


def _path_data(lines: list, *, closed: bool) -> str:
    """Whole SVG units and relative moves: a tenth of a degree is finer than the data."""
    parts = []
    for line in lines:
        points = []
        for x, y in line:
            point = (round(x), round(y))
            if not points or point != points[-1]:
                points.append(point)
        if len(points) < (3 if closed else 2):
            continue
        (x0, y0), moves = points[0], []
        for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
            moves.append(f"{bx - ax} {by - ay}")
        parts.append(f"M{x0} {y0}l" + " ".join(moves) + ("z" if closed else ""))
    return "".join(parts)
