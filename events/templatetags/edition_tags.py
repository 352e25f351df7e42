from django import template

from events.models import Edition
from events.selectors import shown_edition

register = template.Library()


@register.simple_tag
def current_edition() -> Edition | None:
    """The current edition, with its venue: `{% current_edition as edition %}`."""
    return shown_edition()
