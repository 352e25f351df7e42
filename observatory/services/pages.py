"""The figures pages' place in each language's page tree."""

from django.utils.translation import gettext_lazy as _

from fairsite.services.site import section_pages_ensure
from observatory.models import FiguresPage


def figures_pages_ensure(*, homes: dict) -> dict:
    """The figures page under each language's home page, at /<lang>/figures/."""
    return section_pages_ensure(
        homes=homes, page_class=FiguresPage, slug="figures", title=_("Key figures")
    )
