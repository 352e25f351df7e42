from django import template

from events.models import Edition
from fairsite.kept import kept_copy

register = template.Library()


@register.simple_tag
def current_edition() -> Edition | None:
    """The current edition, with its venue: `{% current_edition as edition %}`."""
    return kept_copy(("current edition",), Edition.objects.current)
