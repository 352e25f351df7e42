"""The partner regions on a map of Africa and Europe, drawn as SVG on the server.

No tile server and no script in the browser: the countries are `partnerships.atlas`'s layers.
The markers and their labels are laid out on each call: they are few, and their text is in
the reader's language. Each label goes where its box (its width estimated from its letters)
covers no other label and no marker: beside its marker, over or under it, or farther off
with a leader line (see `_LabelLayout`).
"""

import dataclasses
import math
import re
import unicodedata
from collections.abc import Sequence

from partnerships.atlas import EAST, HEIGHT, NORTH, SOUTH, WEST, WIDTH, base_map, project

# Oujda, seat of the Oriental Region: latitude, longitude.
OUJDA = (34.68, -1.91)

LABEL_SIZE = 36  # font size of the labels, in SVG units (smaller on wide screens, see CSS)
# A label's box as browsers measure it (getBBox), in font sizes from the baseline: up by
# the fonts' ascent, down by their descent, deeper in Arabic script. A little over what
# Chromium measures with the site's fonts (Noto Sans, Noto Naskh Arabic, bold).
ASCENT = 1.12
DESCENT = {"ltr": 0.4, "rtl": 0.52}
HALO = 4  # half the white outline drawn around the letters (.map-label): kept clear too
MARKER_RADIUS = 9
HOME_RADIUS = 13
MARKER_EDGE = 2.5  # half the widest outline of a marker (.map-marker--home)
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
    leader: str = ""  # path data of a line from the marker to a label set farther off


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

    @property
    def leaders(self) -> list[str]:
        return [marker.leader for marker in self.markers if marker.leader]


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


# Widths of letters in font sizes, a little over those of the site's bold fonts: the
# browser measures the text, the server cannot, so it estimates from the letters.
_NARROW = frozenset(" '’.,:;!|ijl")  # about 0.3 in Noto Sans Bold
_SLIM = frozenset('ftrIJ()-"')  # up to 0.45
_WIDE = frozenset("mwMW")  # up to 1
_WIDE_ARABIC = frozenset("سشصض")  # the letters with teeth spread widest (Noto Naskh Arabic)


def _letter_width(letter: str) -> float:
    if unicodedata.combining(letter):
        return 0.0  # accents and Arabic vowel marks sit on the letter before
    if ARABIC.match(letter):
        return 0.9 if letter in _WIDE_ARABIC else 0.5
    base = unicodedata.normalize("NFD", letter)[0]
    if base in _NARROW:
        return 0.3
    if base in _SLIM:
        return 0.45
    if base in _WIDE:
        return 1.0
    return 0.8 if base.isupper() else 0.65


def _label_width(text: str) -> float:
    """The label's estimated width, in SVG units, at `LABEL_SIZE`."""
    return LABEL_SIZE * sum(_letter_width(letter) for letter in text)


def label_box(marker: Marker, *, font_size: float = LABEL_SIZE) -> tuple:
    """The box of the marker's label as drawn at `font_size`: (left, top, right, bottom).

    The text keeps its anchor and baseline at any size, so its box at a smaller size (the
    one wide screens use) lies inside its box at `LABEL_SIZE`."""
    width = _label_width(marker.label) * font_size / LABEL_SIZE
    # text-anchor "start" is the right end of a label that reads right to left.
    starts_left = (marker.anchor == "start") == (marker.direction == "ltr")
    if marker.anchor == "middle":
        left = marker.label_x - width / 2
    else:
        left = marker.label_x if starts_left else marker.label_x - width
    top = marker.label_y - ASCENT * font_size
    bottom = marker.label_y + DESCENT[marker.direction] * font_size
    return (left, top, left + width, bottom)


def dot_box(marker: Marker) -> tuple:
    """The box of the marker's dot, its outline included: (left, top, right, bottom)."""
    reach = marker.radius + MARKER_EDGE
    return (marker.x - reach, marker.y - reach, marker.x + reach, marker.y + reach)


def boxes_overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _grow(box: tuple, by: float) -> tuple:
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


@dataclasses.dataclass(frozen=True)
class _Candidate:
    box: tuple  # the letters' box: (left, top, right, bottom)
    edge: str  # the side of the box the text is anchored to: "left", "right" or "middle"
    leader: tuple = ()  # (x1, y1, x2, y2), from the marker to the label, if set off


@dataclasses.dataclass(frozen=True)
class _Placed:
    place: Place
    radius: float
    is_home: bool
    candidate: _Candidate
    rank: int  # the candidate's place in the order of preference
    free: bool  # False when nothing free was left: the label covers something


# How many positions a label crossing a line from Oujda is set back.
LINK_PENALTY = 4
FARTHER = (0.75, 1.5, 2.5, 4)  # how far the labels with a leader line go, in label heights
ORDERS_TRIED = 8  # at most, when some label finds no free place


class _LabelLayout:
    """Places each label where its box, with the outline of its letters, covers no marker,
    no label placed before it and no leader line, and stays inside the map: beside its
    marker (level with it, then higher or lower), over or under it (centred, then slid
    sideways), else farther off with a leader line, in a column beside it or a row over or
    under it. Among the free places the first is taken, unless it crosses a line from
    Oujda and one a few places later does not. Greedy, Oujda then the markers with close
    neighbours first; if a label finds no free place, the order is tried again with that
    one first (a few orders at most), and the layout with the fewest labels left covering
    something is kept."""

    def __init__(self, home: Place, partners: Sequence[Place]):
        self.home, self.partners = home, list(partners)
        self.home_point = project(home.latitude, home.longitude)
        self.dots = {}
        for place, radius in [(home, HOME_RADIUS)] + [(p, MARKER_RADIUS) for p in partners]:
            x, y = project(place.latitude, place.longitude)
            reach = radius + MARKER_EDGE
            self.dots[id(place)] = (x - reach, y - reach, x + reach, y + reach)
        self.link_points = [
            point
            for place in self.partners
            for point in _curve_points(self.home_point, project(place.latitude, place.longitude))
        ]
        # Each label's places inside the map, best first, with their rank among all.
        self.fitting = {}
        for place in [home, *self.partners]:
            is_home = place is home
            radius = HOME_RADIUS if is_home else MARKER_RADIUS
            candidates = self._candidates(place, radius, is_home=is_home)
            fitting = [(n, c) for n, c in enumerate(candidates) if self._inside(c.box)]
            self.fitting[id(place)] = (radius, fitting or [(0, candidates[0])])

    def markers(self) -> tuple[Marker, list[Marker]]:
        order, tried, best = [self.home, *_crowded_first(self.partners)], set(), None
        while len(tried) < ORDERS_TRIED:
            tried.add(tuple(map(id, order)))
            placed = self._layout(order)
            failed = [item.place for item in placed if not item.free]
            score = (len(failed), sum(item.rank for item in placed))
            if best is None or score < best[0]:
                best = (score, placed)
            if not failed:
                break
            # The first label left without a free place chooses first next time.
            orders = (
                [place, *(other for other in order if other is not place)] for place in failed
            )
            order = next((o for o in orders if tuple(map(id, o)) not in tried), None)
            if order is None:
                break
        by_place = {id(item.place): self._marker(item) for item in best[1]}
        return by_place[id(self.home)], [by_place[id(place)] for place in self.partners]

    def _layout(self, places: list[Place]) -> list[_Placed]:
        taken, leaders, placed = [], [], []
        for place in places:
            radius, fitting = self.fitting[id(place)]
            best = None  # (score, rank, candidate)
            for rank, candidate in fitting:
                if best and rank >= best[0]:
                    break  # no later place can score better
                if not self._is_free(place, candidate, taken, leaders):
                    continue
                score = rank + (LINK_PENALTY if self._crosses_links(candidate.box) else 0)
                if best is None or score < best[0]:
                    best = (score, rank, candidate)
            # Failing a free place, the first inside the map.
            _score, rank, chosen = best or (0, *fitting[0])
            is_home = place is self.home
            placed.append(_Placed(place, radius, is_home, chosen, rank, best is not None))
            taken.append(_grow(chosen.box, HALO))
            if chosen.leader:
                leaders.append(chosen.leader)
        return placed

    def _marker(self, item: _Placed) -> Marker:
        place, box, edge = item.place, item.candidate.box, item.candidate.edge
        x, y = project(place.latitude, place.longitude)
        direction = _direction(place.label)
        anchor = {
            ("left", "ltr"): "start",
            ("left", "rtl"): "end",
            ("right", "ltr"): "end",
            ("right", "rtl"): "start",
        }.get((edge, direction), "middle")
        label_x = {"left": box[0], "right": box[2]}.get(edge, (box[0] + box[2]) / 2)
        leader = ""
        if item.candidate.leader:
            x1, y1, x2, y2 = item.candidate.leader
            leader = f"M{x1:.0f} {y1:.0f}L{x2:.0f} {y2:.0f}"
        return Marker(
            key=place.key,
            label=place.label,
            x=round(x, 1),
            y=round(y, 1),
            label_x=round(label_x, 1),
            # The baseline, from the top of the box.
            label_y=round(box[1] + ASCENT * LABEL_SIZE, 1),
            anchor=anchor,
            direction=direction,
            radius=item.radius,
            is_home=item.is_home,
            leader=leader,
        )

    def _candidates(self, place: Place, radius: float, *, is_home: bool) -> list[_Candidate]:
        """Where the label may go, best first (see the class)."""
        x, y = project(place.latitude, place.longitude)
        direction = _direction(place.label)
        width = _label_width(place.label)
        up, down = ASCENT * LABEL_SIZE, DESCENT[direction] * LABEL_SIZE
        height = up + down
        # From the marker's centre to the letters: its dot and outline, the letters' outline.
        gap = radius + MARKER_EDGE + HALO + 2

        def leader_to(box):
            # From the dot's edge to the point of the box nearest to it, short of the
            # letters' outline.
            nx, ny = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
            length = math.dist((x, y), (nx, ny))
            ux, uy = (nx - x) / length, (ny - y) / length
            start = radius + MARKER_EDGE
            return (x + ux * start, y + uy * start, nx - ux * HALO, ny - uy * HALO)

        def beside(side, shift, reach):
            top = y - height / 2 + shift
            if side == "east":
                box, edge = (x + reach, top, x + reach + width, top + height), "left"
            else:
                box, edge = (x - reach - width, top, x - reach, top + height), "right"
            return _Candidate(box, edge, leader_to(box) if reach > gap else ())

        def over_under(side, slide, reach):
            top = y - reach - height if side == "above" else y + reach
            left = x - width * slide
            edge = "middle" if slide == 0.5 else ("left" if slide < 0.5 else "right")
            box = (left, top, left + width, top + height)
            return _Candidate(box, edge, leader_to(box) if reach > gap else ())

        # Away from the line that comes from Oujda first.
        sides = ("west", "east") if not is_home and x < self.home_point[0] else ("east", "west")
        slides = [0.5] + [
            0.5 + sign * part for part in (0.1, 0.2, 0.3, 0.4, 0.5) for sign in (-1, 1)
        ]
        shifts = [0] + [sign * height * part for part in (0.25, 0.5, 0.75, 1) for sign in (-1, 1)]
        candidates = [beside(side, shift, gap) for shift in shifts for side in sides]
        candidates += [
            over_under(side, slide, gap) for side in ("above", "below") for slide in slides
        ]
        # Farther off, with a leader line: in a column beside the marker, or a row over or
        # under it, slid along it further than next to the marker.
        shifts = [0] + [sign * height * part for part in (0.5, 1, 1.5, 2, 2.5) for sign in (-1, 1)]
        for steps in FARTHER:
            reach = gap + steps * height
            candidates += [beside(side, shift, reach) for shift in shifts for side in sides]
            candidates += [
                over_under(side, slide, reach) for side in ("above", "below") for slide in slides
            ]
        return candidates

    def _is_free(self, place: Place, candidate: _Candidate, taken, leaders) -> bool:
        box = _grow(candidate.box, HALO)
        if any(boxes_overlap(box, other) for other in taken):
            return False
        if any(boxes_overlap(box, dot) for dot in self.dots.values()):
            return False
        if any(_segment_crosses(leader, box) for leader in leaders):
            return False
        if candidate.leader:
            # From the edge of its own dot outwards: past other labels and markers only.
            obstacles = taken + [dot for key, dot in self.dots.items() if key != id(place)]
            if any(_segment_crosses(candidate.leader, other) for other in obstacles):
                return False
        return True

    def _crosses_links(self, box: tuple) -> bool:
        return any(box[0] <= x <= box[2] and box[1] <= y <= box[3] for x, y in self.link_points)

    @staticmethod
    def _inside(box) -> bool:
        box = _grow(box, HALO)
        return box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH and box[3] <= HEIGHT


def _segment_crosses(segment: tuple, box: tuple) -> bool:
    """Whether the line from (x1, y1) to (x2, y2) passes through the box (Liang–Barsky)."""
    x1, y1, x2, y2 = segment
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in ((-dx, x1 - box[0]), (dx, box[2] - x1), (-dy, y1 - box[1]), (dy, box[3] - y1)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True


def _control_point(home: tuple, partner: tuple) -> tuple[float, float]:
    dx, dy = partner[0] - home[0], partner[1] - home[1]
    bow = 0.15
    return (home[0] + dx / 2 - dy * bow, home[1] + dy / 2 + dx * bow)


def _curve_points(home: tuple, partner: tuple, count: int = 40) -> list[tuple[float, float]]:
    """Points along the line from Oujda to a partner (see `_link`)."""
    cx, cy = _control_point(home, partner)
    points = []
    for n in range(count + 1):
        t = n / count
        points.append(
            (
                (1 - t) ** 2 * home[0] + 2 * (1 - t) * t * cx + t**2 * partner[0],
                (1 - t) ** 2 * home[1] + 2 * (1 - t) * t * cy + t**2 * partner[1],
            )
        )
    return points


def _link(home: Marker, partner: Marker) -> str:
    """A gentle curve from Oujda to the partner, bowed to one side so that lines leaving
    in nearly the same direction stay apart."""
    control = _control_point((home.x, home.y), (partner.x, partner.y))
    return (
        f"M{home.x:.0f} {home.y:.0f}"
        f"Q{control[0]:.0f} {control[1]:.0f} {partner.x:.0f} {partner.y:.0f}"
    )
