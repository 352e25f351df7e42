"""Values kept once per language (name_ar, name_fr, name_en) and read in the active one."""

from django.conf import settings
from django.utils.translation import get_language


def language_order(language: str | None = None) -> list[str]:
    """The active language first, then the others in the order of settings.LANGUAGES."""
    active = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    codes = [code for code, _name in settings.LANGUAGES]
    return [active] + [code for code in codes if code != active]


def localized_value(obj, field: str, language: str | None = None) -> str:
    """`obj.<field>_<lang>` in the active language, else the first one filled in."""
    for code in language_order(language):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""


class LocalizedField:
    """Read-only attribute for a model with one field per language.

    `name = LocalizedField()` on a model with `name_ar`, `name_fr` and `name_en` makes
    `obj.name` the value in the active language, falling back to another language
    rather than showing nothing.
    """

    def __set_name__(self, owner, name):
        self.field = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return localized_value(obj, self.field)
