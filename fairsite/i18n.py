"""Values kept once per language (name_ar, name_fr, name_en) and read in the active one."""

from django.conf import settings
from django.utils.translation import get_language, gettext_noop, pgettext


def active_language() -> str:
    """The language in use ("ar", "fr", "en"), without a region, the site's default if none."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def join_list(values) -> str:
    """Words joined with the active language's list separator (", ", or the Arabic "، ")."""
    return pgettext("list separator", ", ").join(str(value) for value in values)


def language_order(language: str | None = None) -> list[str]:
    """The active language first, then the others in the order of settings.LANGUAGES."""
    active = language.split("-")[0] if language else active_language()
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


# Month names as Moroccan administrations write them in Arabic (ماي، يوليوز، غشت، شتنبر...),
# where Django's Arabic catalogue has the Middle-Eastern ones. Marking them here puts them in
# the project's catalogue, which Django reads before its own.
MONTH_NAMES = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
