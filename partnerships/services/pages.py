"""The partnerships pages' place in each language's page tree."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from partnerships.models import PartnershipsPage


def partnerships_pages_ensure(*, homes: dict) -> dict:
    """The partnerships page under each language's home page, at /<lang>/partnerships/, in
    the main menu.

    Idempotent: a page that exists is kept as editors left it. The pages of the different
    languages are translations of one another.
    """
    pages = {}
    # A language added later joins the translations of the pages already there.
    key = (
        PartnershipsPage.objects.filter(locale_id__in=[home.locale_id for home in homes.values()])
        .values_list("translation_key", flat=True)
        .first()
    )
    for code, home in homes.items():
        page = PartnershipsPage.objects.child_of(home).first()
        if page is None:
            with translation.override(code):
                page = PartnershipsPage(
                    title=str(_("Partnerships")),
                    slug="partnerships",
                    locale=home.locale,
                    show_in_menus=True,
                )
            if key is not None:
                page.translation_key = key
            home.add_child(instance=page)
        key = key or page.translation_key
        pages[code] = page
    return pages
