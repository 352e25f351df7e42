"""HTML to PDF with the project's own fonts.

Every PDF the site prints (badges, B2B agendas) is laid out with the Noto fonts shipped in
`static/vendor/fonts/` (copied from the npm packages by `make static`), loaded by `@font-face`
from the files themselves. A PDF then looks the same, and its Arabic is shaped and extracted
the same, on every host, whatever fonts the machine has installed.

Arabic is set in Noto Naskh Arabic as built upstream (@embedpdf/fonts-arabic), where each
letter is one glyph. The web pages' build of it (Google Fonts') draws the dots as separate
marks, so a PDF's text layer would read ف as ن and ة as ت: copying, searching and screen
readers would get other words than the ones printed.
"""

import functools
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

# family, weight, file under vendor/fonts/, the characters it is used for (None: all)
ARABIC_RANGE = (
    "U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0898-08E1, U+08E3-08FF, "
    "U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC"
)
FONT_FILES = [
    ("Noto Naskh Arabic", 400, "NotoNaskhArabic-Regular.ttf", ARABIC_RANGE),
    ("Noto Naskh Arabic", 700, "NotoNaskhArabic-Bold.ttf", ARABIC_RANGE),
    ("Noto Sans", 400, "noto-sans-latin-400-normal.woff2", None),
    ("Noto Sans", 700, "noto-sans-latin-700-normal.woff2", None),
]
FAMILIES = sorted({family for family, *_rest in FONT_FILES})


def font_path(filename: str) -> Path:
    """Where the static files finders have the font (the project's static/ or STATIC_ROOT)."""
    found = finders.find(f"vendor/fonts/{filename}")
    if not found:
        raise ImproperlyConfigured(
            f"The PDF font vendor/fonts/{filename} is missing: run `make static`."
        )
    return Path(found)


def font_faces_css() -> str:
    rules = []
    for family, weight, filename, unicode_range in FONT_FILES:
        rules.append(
            "@font-face {"
            f' font-family: "{family}"; font-style: normal; font-weight: {weight};'
            f' src: url("{font_path(filename).as_uri()}");'
            + (f" unicode-range: {unicode_range};" if unicode_range else "")
            + " }"
        )
    return "\n".join(rules)


@functools.cache
def fonts() -> tuple[FontConfiguration, CSS]:
    """The fonts, read once per process: a batch of badges does not load them per page."""
    font_config = FontConfiguration()
    return font_config, CSS(string=font_faces_css(), font_config=font_config)


def html_document(html: str):
    """The laid-out pages of `html` (a WeasyPrint Document), with the project's fonts."""
    font_config, stylesheet = fonts()
    return HTML(string=html).render(stylesheets=[stylesheet], font_config=font_config)
