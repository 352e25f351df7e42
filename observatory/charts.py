"""Bar charts drawn on the server as SVG: no script, readable right to left.

Pure: rows in, markup out. Each chart is followed on the page by its table, which is what a
screen reader reads; the SVG is marked as an image with its title.
"""

from django.utils.html import format_html, format_html_join

WIDTH = 640
ROW = 30
LABEL = 220  # room for the labels
BAR = 330  # the longest bar


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
