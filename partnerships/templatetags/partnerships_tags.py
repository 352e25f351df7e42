"""Countries' flags as images (see partnerships.flags)."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from partnerships import flags

register = template.Library()


@register.simple_tag
def country_flag(country_code: str, *, alt: str = "", css_class: str = "") -> str:
    """An <img> of the country's flag, or nothing when the flag is not among the static files.

    `alt` stays empty where the country's name is written beside the flag: the image is then
    decorative. Elsewhere pass the country's name in the page's language.
    """
    path = flags.flag_path(country_code)
    if not path:
        return ""
    classes = " ".join(filter(None, ["flag", css_class]))
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}" class="{}" decoding="async">',
        static(path),
        alt,
        flags.WIDTH,
        flags.HEIGHT,
        classes,
    )
