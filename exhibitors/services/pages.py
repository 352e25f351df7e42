"""The exhibitor directory's place in each language's page tree."""

from django.utils.translation import gettext_lazy as _

from exhibitors.models import ExhibitorDirectoryPage
from fairsite.services.site import section_pages_ensure


def directory_pages_ensure(*, homes: dict) -> dict:
    """The exhibitor directory under each language's home page, at /<lang>/exhibitors/."""
    return section_pages_ensure(
        homes=homes, page_class=ExhibitorDirectoryPage, slug="exhibitors", title=_("Exhibitors")
    )
