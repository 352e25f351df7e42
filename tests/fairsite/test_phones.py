import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from fairsite.phones import NOT_MOBILE_MESSAGE, PhoneField, phone_display, phone_normalise


@pytest.mark.parametrize(
    "raw",
    [
        "06 12 34 56 78",
        "0612-345678",
        "0612345678",
        "+212 6 12 34 56 78",
        "+212612345678",
        "00212 612 345 678",
        "(06) 12.34.56.78",
        "٠٦١٢٣٤٥٦٧٨",  # Arabic-Indic digits
        "۰۶۱۲۳۴۵۶۷۸",  # Eastern Arabic-Indic digits
        "+٢١٢٦١٢٣٤٥٦٧٨",
    ],
)
def test_phone_normalise_reads_a_moroccan_mobile_however_it_is_written(raw):
    assert phone_normalise(raw) == "+212612345678"


def test_phone_normalise_reads_07_mobiles_and_foreign_numbers_with_their_country_code():
    assert phone_normalise("07 12 34 56 78") == "+212712345678"
    assert phone_normalise("+33 6 12 34 56 78") == "+33612345678"
    assert phone_normalise("0033 6 12 34 56 78") == "+33612345678"
    assert phone_normalise("+221 77 123 45 67") == "+221771234567"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("05 20 12 34 56", "not_mobile"),  # a Moroccan landline
        ("+212 520 123 456", "not_mobile"),
        ("12", "invalid_phone"),
        ("06 12", "invalid_phone"),
        ("not a number", "invalid_phone"),
        ("", "invalid_phone"),
        ("06 12 34 56 78 ext 5", "invalid_phone"),
        ("1" * 40, "invalid_phone"),
    ],
)
def test_phone_normalise_refuses_landlines_and_what_is_no_number(raw, code):
    with pytest.raises(ValidationError) as refused:
        phone_normalise(raw)

    assert refused.value.code == code


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_the_refusal_is_in_the_readers_language(language):
    with translation.override(language), pytest.raises(ValidationError) as refused:
        phone_normalise("05 20 12 34 56")

    with translation.override(language):
        assert refused.value.messages == [str(NOT_MOBILE_MESSAGE)]


def test_phone_display_national_for_morocco_international_otherwise():
    assert phone_display("+212612345678") == "06 12 34 56 78"
    assert phone_display("+33612345678") == "+33 6 12 34 56 78"
    assert phone_display("") == ""


class Form(forms.Form):
    phone = PhoneField(required=False)


def test_the_phone_field_cleans_to_e164_and_renders_a_tel_input_left_to_right():
    form = Form({"phone": "٠٦ ١٢ ٣٤ ٥٦ ٧٨"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+212612345678"
    html = str(form["phone"])
    for attribute in ('type="tel"', 'dir="ltr"', 'autocomplete="tel"', 'inputmode="tel"'):
        assert attribute in html


def test_the_phone_field_left_empty_is_empty_and_a_bad_number_an_error():
    empty = Form({"phone": ""})
    assert empty.is_valid() and empty.cleaned_data["phone"] == ""
    form = Form({"phone": "0520123456"})
    assert not form.is_valid()
    assert "phone" in form.errors
