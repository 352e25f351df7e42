from django import template
from django.utils.html import format_html

from fairsite.phones import phone_display

register = template.Library()

# First-strong isolate and its closing mark: a number in an Arabic sentence keeps its "+" and
# its groups in order, and the sentence's full stop stays at its end (plain text: messages, SMS).
FSI, PDI = "\u2068", "\u2069"


@register.filter
def phone(e164: str) -> str:
    """A stored number as its holder reads it: 06 12 34 56 78, or +33 6 12 34 56 78."""
    return phone_display(e164 or "")


@register.filter
def phone_isolated(e164: str) -> str:
    """The number for a sentence of plain text, isolated from the text's direction."""
    return f"{FSI}{phone_display(e164 or '')}{PDI}" if e164 else ""


@register.simple_tag
def phone_link(e164: str):
    """A tap-to-call link to the number, written left to right whatever the page's direction."""
    return format_html('<a href="tel:{}" dir="ltr">{}</a>', e164, phone_display(e164 or ""))


@register.filter
def phone_bdi(e164: str):
    """The number for a sentence of a page, isolated and left to right."""
    return format_html('<bdi dir="ltr">{}</bdi>', phone_display(e164 or ""))
