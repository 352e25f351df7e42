"""The partner regions on a map of Africa and Europe, drawn as SVG on the server.

No tile server and no script in the browser: the countries come from the npm package
`world-atlas` (Natural Earth's 1:110m countries as TopoJSON), which `make static` copies to
static/vendor/data/. Reading TopoJSON takes a few dozen lines (quantised, delta-encoded
arcs shared between shapes), so it is decoded here rather than by a library: the
`topojson` package on PyPI builds topologies from shapely geometries rather than reads
them, and would bring shapely and numpy along for it.

The projection is equirectangular onto a box around Africa and Europe; the base layers
(land, borders, Morocco) depend only on the file and are computed once per process. The
markers and their labels are laid out on each call: they are few, and their text is in
the reader's language.

Morocco is drawn whole, southern provinces included, as the Kingdom's own maps show it:
Natural Earth separates a "W. Sahara", and the line between the two is not drawn.
"""

import dataclasses
import functools
import json
import logging
import math
import re
from collections.abc import Sequence

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

# Oujda, seat of the Oriental Region: latitude, longitude.
OUJDA = (34.68, -1.91)
# Morocco and the territory Natural Earth calls "W. Sahara" (ISO 3166 numeric codes).
MOROCCO = frozenset({"504", "732"})

LABEL_SIZE = 36  # font size of the labels, in SVG units
LINE_HEIGHT = 1.4  # the height of a label's box, in font sizes, as browsers measure it
MARKER_RADIUS = 9
HOME_RADIUS = 13
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclasses.dataclass(frozen=True)
class Place:
    """Something to put on the map: `key` names it (a region's slug, "" for the Oriental)."""

    key: str
    label: str
    latitude: float
    longitude: float


@dataclasses.dataclass(frozen=True)
class Marker:
    key: str
    label: str
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str  # text-anchor, given the label's own direction
    direction: str  # "rtl" for a label in Arabic script, else "ltr"
    radius: float
    is_home: bool = False


@dataclasses.dataclass(frozen=True)
class BaseMap:
    land: str
    borders: str
    morocco: str


@dataclasses.dataclass(frozen=True)
class PartnerMap:
    """What the template draws: SVG path data, markers and the lines between them."""

    width: int
    height: int
    land: str
    borders: str
    morocco: str
    home: Marker
    partners: list[Marker]
    links: list[str]
    left_out: list[str]  # labels of the places outside the box: only in the list

    label_size: int = LABEL_SIZE

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def markers(self) -> list[Marker]:
        return [self.home, *self.partners]


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Equirectangular: x grows eastwards from the box's west edge, y southwards from its
    north edge."""
    return (float(longitude) - WEST) * SCALE, (NORTH - float(latitude)) * SCALE


def partner_map(*, home: Place, partners: Sequence[Place]) -> PartnerMap:
    """The map with `home` joined to each partner; partners outside the box are left out."""
    base = base_map()
    inside = [place for place in partners if _in_box(place)]
    home_marker, markers = _LabelLayout(home, inside).markers()
    return PartnerMap(
        width=WIDTH,
        height=HEIGHT,
        land=base.land,
        borders=base.borders,
        morocco=base.morocco,
        home=home_marker,
        partners=markers,
        links=[_link(home_marker, marker) for marker in markers],
        left_out=[place.label for place in partners if not _in_box(place)],
    )


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


def _in_box(place: Place) -> bool:
    return WEST <= float(place.longitude) <= EAST and SOUTH <= float(place.latitude) <= NORTH


def _crowded_first(places: Sequence[Place]) -> list[Place]:
    """Labels are placed one by one; the markers with close neighbours choose first."""

    def nearest(place):
        x, y = project(place.latitude, place.longitude)
        others = [project(o.latitude, o.longitude) for o in places if o is not place]
        return min((math.dist((x, y), other) for other in others), default=math.inf)

    return sorted(places, key=nearest)


def _direction(text: str) -> str:
    """The direction of the first letter: a label may be in another script than the page
    (a name not given in English falls back to the Arabic one)."""
    arabic, latin = ARABIC.search(text), LATIN.search(text)
    if arabic and (not latin or arabic.start() < latin.start()):
        return "rtl"
    return "ltr"


def _label_width(text: str) -> float:
    # An estimate: the browser measures the text, the server cannot.
    return len(text) * LABEL_SIZE * (0.5 if _direction(text) == "rtl" else 0.56)


class _LabelLayout:
    """Places each label beside its marker where it overlaps no marker and no label placed
    before it and stays inside the map; failing that, on a side that stays inside."""

    def __init__(self, home: Place, partners: Sequence[Place]):
        self.home, self.partners = home, list(partners)
        self.home_point = project(home.latitude, home.longitude)
        self.taken = []  # boxes: (left, top, right, bottom)
        for place, radius in [(home, HOME_RADIUS)] + [(p, MARKER_RADIUS) for p in partners]:
            x, y = project(place.latitude, place.longitude)
            self.taken.append((x - radius, y - radius, x + radius, y + radius))

    def markers(self) -> tuple[Marker, list[Marker]]:
        home = self._marker(self.home, HOME_RADIUS, is_home=True)
        placed = {
            place.key: self._marker(place, MARKER_RADIUS) for place in _crowded_first(self.partners)
        }
        return home, [placed[place.key] for place in self.partners]

    def _marker(self, place: Place, radius: float, *, is_home=False) -> Marker:
        x, y = project(place.latitude, place.longitude)
        candidates = self._candidates(place, x, y, radius, is_home=is_home)
        fitting = [candidate for candidate in candidates if self._inside(candidate[0])]
        free = [candidate for candidate in fitting if not self._overlaps(candidate[0])]
        box, edge = (free or fitting or candidates)[0]
        self.taken.append(box)
        direction = _direction(place.label)
        # text-anchor "start" is the label's right end when it reads right to left.
        anchor = {
            ("left", "ltr"): "start",
            ("left", "rtl"): "end",
            ("right", "ltr"): "end",
            ("right", "rtl"): "start",
        }.get((edge, direction), "middle")
        label_x = {"left": box[0], "right": box[2]}.get(edge, (box[0] + box[2]) / 2)
        # The baseline, so that the letters sit in the middle of the box.
        label_y = (box[1] + box[3]) / 2 + LABEL_SIZE * 0.35
        return Marker(
            key=place.key,
            label=place.label,
            x=round(x, 1),
            y=round(y, 1),
            label_x=round(label_x, 1),
            label_y=round(label_y, 1),
            anchor=anchor,
            direction=direction,
            radius=radius,
            is_home=is_home,
        )

    def _candidates(self, place, x, y, radius, *, is_home) -> list:
        """Where the label may go, best first: beside the marker (level with it, then a
        little above or below), then over or under it. Each is the label's box and the
        edge of the box the text is anchored to."""
        width, height = _label_width(place.label), LABEL_SIZE * LINE_HEIGHT
        gap = radius + 6
        east = [((x + gap, top, x + gap + width, top + height), "left") for top in _tops(y, height)]
        west = [
            ((x - gap - width, top, x - gap, top + height), "right") for top in _tops(y, height)
        ]
        above, below = y - gap - height, y + gap
        vertical = [
            ((left, top, left + width, top + height), edge)
            for top in (above, below)
            for left, edge in (
                (x - width / 2, "middle"),
                (x - radius, "left"),
                (x + radius - width, "right"),
            )
        ]
        # Away from the line that comes from Oujda first.
        if not is_home and x < self.home_point[0]:
            return west + east + vertical
        return east + west + vertical

    @staticmethod
    def _inside(box) -> bool:
        return box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH and box[3] <= HEIGHT

    def _overlaps(self, box) -> bool:
        # A marker's own dot is among the boxes, but no side touches it.
        return any(
            box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]
            for other in self.taken
        )


def _tops(y: float, height: float) -> list[float]:
    return [y - height / 2, y - height, y]


def _link(home: Marker, partner: Marker) -> str:
    """A gentle curve from Oujda to the partner, bowed to one side so that lines leaving
    in nearly the same direction stay apart."""
    dx, dy = partner.x - home.x, partner.y - home.y
    bow = 0.15
    control = (home.x + dx / 2 - dy * bow, home.y + dy / 2 + dx * bow)
    return (
        f"M{home.x:.0f} {home.y:.0f}"
        f"Q{control[0]:.0f} {control[1]:.0f} {partner.x:.0f} {partner.y:.0f}"
    )
