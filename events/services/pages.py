"""The programme's place in each language's page tree."""

from django.utils.translation import gettext_lazy as _

from events.models import ProgrammePage
from fairsite.services.site import section_pages_ensure


def programme_pages_ensure(*, homes: dict) -> dict:
    """The programme under each language's home page, at /<lang>/programme/."""
    return section_pages_ensure(
        homes=homes, page_class=ProgrammePage, slug="programme", title=_("Programme")
    )
