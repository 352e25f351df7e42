"""Countries' flags as SVG images, from the npm package `flag-icons` (its 4:3 flags).

Emoji flags (two regional indicator letters) show as empty boxes where no emoji font is
installed and as two letters on Windows; an image shows the same everywhere. `make static`
copies only the flags of the countries the fair works with into static/vendor/flags/ (the
whole set is 2 MB): a country without its file there has no flag, rather than a broken image.
"""

import functools

from django.contrib.staticfiles import finders

FLAGS = "vendor/flags"
# The flags are 4:3; width and height in CSS pixels before the stylesheet sizes them.
WIDTH, HEIGHT = 24, 18


@functools.cache
def flag_path(country_code: str) -> str:
    """The flag's path among the static files ("vendor/flags/sn.svg"), "" without one."""
    code = (country_code or "").strip().lower()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return ""
    path = f"{FLAGS}/{code}.svg"
    return path if finders.find(path) else ""
