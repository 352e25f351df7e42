"""Values kept once per language (name_ar, name_fr, name_en) and read in the active one."""

import re

from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeData
from django.utils.translation import get_language, gettext_noop, pgettext

RTL_LANGUAGES = {"ar"}
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def active_language() -> str:
    """The language in use ("ar", "fr", "en"), without a region, the site's default if none."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def join_list(values) -> str:
    """Words joined with the active language's list separator (", ", or the Arabic "، ").

    Items marked safe (such as names marked with their language) keep their markup and the
    others are escaped, so the list can go into a page as it is."""
    values = list(values)
    separator = pgettext("list separator", ", ")
    if any(isinstance(value, SafeData) for value in values):
        return format_html_join(separator, "{}", ((value,) for value in values))
    return separator.join(str(value) for value in values)


# Where a text is missing in the reader's language, the one they most likely read next: an
# English reader gets French before Arabic script.
FALLBACKS = {"en": ["fr"]}


def language_order(language: str | None = None) -> list[str]:
    """The active language first, then its preferred fallbacks, then the others in the
    order of settings.LANGUAGES."""
    active = language.split("-")[0] if language else active_language()
    codes = [code for code, _name in settings.LANGUAGES]
    preferred = [active, *FALLBACKS.get(active, [])]
    return preferred + [code for code in codes if code not in preferred]


def localized_value(obj, field: str, language: str | None = None) -> str:
    """`obj.<field>_<lang>` in the active language, else the first one filled in."""
    return localized_with_language(obj, field, language)[0]


def localized_with_language(obj, field: str, language: str | None = None) -> tuple[str, str]:
    """The value `localized_value` reads, and the language it is written in."""
    order = language_order(language)
    for code in order:
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value, code
    return "", order[0]


def script_language(text: str) -> str:
    """The language a name or a free text is most likely written in, from its script:
    "ar" for Arabic letters; for Latin letters "fr", the language the region writes names
    in Latin script with; the active language when it has neither (numbers, codes)."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if arabic > latin:
        return "ar"
    if latin:
        return active_language() if active_language() != "ar" else "fr"
    return active_language()


def language_attributes(language: str):
    """` lang="…" dir="…"` for an element holding text in `language`, when that is not the
    page's language; nothing otherwise."""
    if not language or language == active_language():
        return ""
    direction = "rtl" if language in RTL_LANGUAGES else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


def in_language(text, language: str):
    """`text` marked with its language and direction when it is not the page's language, so
    that it is read, hyphenated and laid out as what it is; plain text otherwise."""
    text = "" if text is None else str(text)
    attributes = language_attributes(language) if text else ""
    return format_html("<span{}>{}</span>", attributes, text) if attributes else text


def localized_html(obj, field: str):
    """`obj.<field>` in the active language, the fallback marked with its language."""
    value, language = localized_with_language(obj, field)
    return in_language(value, language)


def as_written(text):
    """A name or free text whose language is not recorded, marked by its script."""
    text = "" if text is None else str(text)
    return in_language(text, script_language(text)) if text else text


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
