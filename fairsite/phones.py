"""Mobile numbers as people write them, stored in one form (E.164: "+212612345678").

A Moroccan number may be typed "06 12 34 56 78", "0612-345678", "+212 6…", "00212…", or in
Arabic-Indic (٠٦…) or Eastern Arabic-Indic (۰۶…) digits; a foreign delegate's number needs its
+country code. Only numbers that can receive a text message are accepted: a landline cannot.
"""

import unicodedata

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "MA"
# Types that can receive an SMS. FIXED_LINE_OR_MOBILE: countries whose plan does not tell the
# two apart (the United States, Canada).
_MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}
# "00" opens an international number in Morocco and most of the world; phonenumbers reads it
# only for the region given, so it is turned into "+" whatever the region.
_INTERNATIONAL_PREFIX = "00"

INVALID_MESSAGE = _(
    "Enter a mobile number, such as 06 12 34 56 78, "
    "or with its country code, such as +33 6 12 34 56 78."
)
NOT_MOBILE_MESSAGE = _("This number cannot receive text messages: enter a mobile number.")


def _parse(raw: str, region: str) -> phonenumbers.PhoneNumber:
    # Arabic-Indic and Eastern Arabic-Indic digits (and any other decimal digits) become 0-9.
    text = "".join(
        str(digit) if (digit := unicodedata.decimal(char, None)) is not None else char
        for char in (raw or "").strip()
    )
    if text.startswith(_INTERNATIONAL_PREFIX):
        text = "+" + text[len(_INTERNATIONAL_PREFIX) :]
    if not text or len(text) > 32:
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone") from error
    if number.extension or not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
    if phonenumbers.number_type(number) not in _MOBILE_TYPES:
        raise ValidationError(NOT_MOBILE_MESSAGE, code="not_mobile")
    return number


def phone_normalise(raw: str, region: str = DEFAULT_REGION) -> str:
    """The mobile number `raw` in E.164 form ("+212612345678").

    Raises ValidationError (in the user's language) for anything else: not a number, a
    landline, a number that does not exist in its country's plan.
    """
    return phonenumbers.format_number(_parse(raw, region), phonenumbers.PhoneNumberFormat.E164)


def phone_display(e164: str) -> str:
    """A stored number as its holder reads it: "06 12 34 56 78" for Morocco, "+33 6 12 34 56 78"
    otherwise. Shown left to right (dir="ltr", or in <bdi>) whatever the page's direction."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    number_format = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 212
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, number_format)


class PhoneInput(forms.TextInput):
    """A phone keypad on a phone, the number left to right in an Arabic page."""

    input_type = "tel"

    def __init__(self, attrs=None):
        super().__init__({"dir": "ltr", "autocomplete": "tel", "inputmode": "tel", **(attrs or {})})


class PhoneField(forms.CharField):
    """A mobile number, cleaned to E.164; a bad one is refused with a message saying why."""

    widget = PhoneInput

    def __init__(self, *, region: str = DEFAULT_REGION, **kwargs):
        self.region = region
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return ""
        return phone_normalise(value, self.region)
