"""The programme's place in each language's page tree."""

from django.utils.translation import gettext_lazy as _

from fairsite.services.site import section_pages_ensure
from programme.models import ProgrammePage


def programme_pages_ensure(*, homes: dict) -> dict:
    """The programme under each language's home page, at /<lang>/programme/."""
    return section_pages_ensure(
        homes=homes, page_class=ProgrammePage, slug="programme", title=_("Programme")
    )
