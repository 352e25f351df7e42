"""Bar charts drawn on the server as SVG: no script, readable right to left.

Pure: rows in, markup out. Each chart is followed on the page by its table, which is what a
screen reader reads; the SVG is marked as an image with its title.
"""

from django.utils.html import format_html, format_html_join

# Narrow, so that on a phone the chart shrinks little and its text stays readable.
WIDTH = 400
ROW = 30
LABEL = 180  # room for the labels
BAR = 160  # the longest bar; what is left holds the value


def bar_chart(
    rows: list[tuple[str, float]], *, title: str, rtl: bool = False, unit: str = ""
) -> str:
    """Horizontal bars, the longest for the largest value; in a right-to-left page the
    labels stand on the right and the bars grow leftwards."""
    largest = max((value for _label, value in rows), default=0) or 1
    height = ROW * max(len(rows), 1) + 10
    bars = []
    for index, (label, value) in enumerate(rows):
        y = 5 + index * ROW
        length = round(BAR * value / largest) if value else 0
        # A text's "start" is its left edge left to right, its right edge right to left:
        # labels begin at the margin and values run on from the end of their bars.
        if rtl:
            label_x, bar_x, value_x = WIDTH - 5, WIDTH - LABEL - length, WIDTH - LABEL - length - 6
        else:
            label_x, bar_x, value_x = 5, LABEL, LABEL + length + 6
        bars.append(
            (
                label_x,
                y + 19,
                label,
                bar_x,
                y + 4,
                length,
                value_x,
                y + 19,
                f"{value:g}{unit}",
            )
        )
    body = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="start" class="chart__label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="20" rx="3" class="chart__bar"></rect>'
        '<text x="{}" y="{}" text-anchor="start" class="chart__value">{}</text>',
        bars,
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg" direction="{}">{}</svg>',
        WIDTH,
        height,
        title,
        "rtl" if rtl else "ltr",
        body,
    )


# The Oriental's provinces on a grid, as they lie on the map: the Mediterranean coast on top,
# Figuig to the south. (column, row, rows tall)
PROVINCE_TILES = {
    "driouch": (0, 0, 1),
    "nador": (1, 0, 1),
    "berkane": (2, 0, 1),
    "guercif": (0, 1, 1),
    "taourirt": (1, 1, 1),
    "oujda_angad": (2, 1, 1),
    "figuig": (1, 2, 2),
    "jerada": (2, 2, 1),
}
TILE_W, TILE_H, GAP = 150, 80, 6


def province_map(rows: list[tuple[str, float]], codes: list[str], *, title: str, unit="") -> str:
    """The region's provinces as tiles where they lie, the darker the larger the value. A map
    reads the same in every language, so it is never mirrored."""
    largest = max((value for _label, value in rows), default=0) or 1
    tiles = []
    for (label, value), code in zip(rows, codes, strict=True):
        column, row, tall = PROVINCE_TILES[code]
        x, y = GAP + column * (TILE_W + GAP), GAP + row * (TILE_H + GAP)
        height = tall * TILE_H + (tall - 1) * GAP
        shade = round(0.12 + 0.88 * value / largest, 2) if value else 0
        box = (x, y, TILE_W, height)
        middle_x, middle_y = x + TILE_W // 2, y + height // 2
        label_at, value_at = (middle_x, middle_y - 4), (middle_x, middle_y + 18)
        ink = (
            "chart__ink chart__ink--light" if shade > 0.55 else "chart__ink"
        )  # readable on the tile
        tiles.append(
            (code, *box, *box, shade, *label_at, ink, label, *value_at, ink, f"{value:g}{unit}")
        )
    body = format_html_join(
        "",
        '<g class="chart__province" data-province="{}">'
        '<rect x="{}" y="{}" width="{}" height="{}" rx="6" class="chart__tile"></rect>'
        '<rect x="{}" y="{}" width="{}" height="{}" rx="6" class="chart__bar" fill-opacity="{}">'
        "</rect>"
        '<text x="{}" y="{}" text-anchor="middle" class="chart__label {}">{}</text>'
        '<text x="{}" y="{}" text-anchor="middle" class="chart__value {}">{}</text></g>',
        tiles,
    )
    return format_html(
        '<svg class="chart chart--map" viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg">{}</svg>',
        GAP + 3 * (TILE_W + GAP),
        GAP + 4 * (TILE_H + GAP),
        title,
        body,
    )


LINE_W, LINE_H, MARGIN = 400, 180, 30


def line_chart(rows: list[tuple[str, float]], *, title: str, unit: str = "") -> str:
    """A line through the values in their order (hours of the day, say), a dot and its value
    on each. The axis runs left to right in every language, as clock times are written."""
    largest = max((value for _label, value in rows), default=0) or 1
    step = (LINE_W - 2 * MARGIN) / max(len(rows) - 1, 1)
    points = [
        (
            round(MARGIN + index * step, 1),
            round(LINE_H - MARGIN - (LINE_H - 2 * MARGIN) * value / largest, 1),
        )
        for index, (_label, value) in enumerate(rows)
    ]
    every = max(1, round(len(rows) / 6))  # room for about six labels under the axis
    marks = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="3" class="chart__dot"></circle>'
        '<text x="{}" y="{}" text-anchor="middle" class="chart__value">{}</text>',
        [
            (x, y, x, y - 8, f"{value:g}{unit}")
            for (x, y), (_l, value) in zip(points, rows, strict=True)
        ],
    )
    ticks = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" class="chart__label">{}</text>',
        [
            (x, LINE_H - 8, label)
            for index, ((x, _y), (label, _v)) in enumerate(zip(points, rows, strict=True))
            if index % every == 0
        ],
    )
    return format_html(
        '<svg class="chart chart--line" viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg" direction="ltr">'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="chart__axis"></line>'
        '<polyline points="{}" class="chart__line"></polyline>{}{}</svg>',
        LINE_W,
        LINE_H,
        title,
        MARGIN,
        LINE_H - MARGIN,
        LINE_W - MARGIN,
        LINE_H - MARGIN,
        " ".join(f"{x},{y}" for x, y in points),
        marks,
        ticks,
    )
