"""The partnerships pages' place in each language's page tree."""

from django.utils.translation import gettext_lazy as _

from fairsite.services.site import section_pages_ensure
from partnerships.models import PartnershipsPage


def partnerships_pages_ensure(*, homes: dict) -> dict:
    """The partnerships page under each language's home page, at /<lang>/partnerships/."""
    return section_pages_ensure(
        homes=homes, page_class=PartnershipsPage, slug="partnerships", title=_("Partnerships")
    )
