"""The exhibitor directory's place in each language's page tree."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from exhibitors.models import ExhibitorDirectoryPage


def directory_pages_ensure(*, homes: dict) -> dict:
    """The exhibitor directory under each language's home page, at /<lang>/exhibitors/."""
    pages = {}
    key = None
    for code, home in homes.items():
        page = ExhibitorDirectoryPage.objects.child_of(home).first()
        if page is None:
            with translation.override(code):
                page = ExhibitorDirectoryPage(
                    title=str(_("Exhibitors")),
                    slug="exhibitors",
                    locale=home.locale,
                    show_in_menus=True,
                )
            if key is not None:
                page.translation_key = key
            home.add_child(instance=page)
        key = page.translation_key
        pages[code] = page
    return pages
