import gettext
import io
import re
import subprocess
from pathlib import Path

import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize(
    "language",
    # The project's catalogues, then our corrections of allauth's (locale/allauth/<language>).
    [
        "ar",
        "fr",
        *sorted(
            po.parents[1].relative_to(LOCALE_DIR).as_posix()
            for po in LOCALE_DIR.glob("allauth/*/LC_MESSAGES/django.po")
        ),
    ],
)
def test_every_interface_string_is_translated(language):
    po = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"

    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"\d+ translated messages?\.\n", result.stderr), result.stderr


@pytest.mark.django_db
def test_no_english_is_left_on_the_arabic_home_page(client, homes, edition):
    from django.conf import settings

    page = client.get("/ar/").content.decode()
    visible = re.sub(
        r"<[^>]+>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S)
    )
    # Language names in the switcher are written in their own language on purpose.
    for _code, name in settings.LANGUAGES:
        visible = visible.replace(name, "")
    words = re.findall(r"[A-Za-z]{3,}", visible)

    assert words == [], words


def catalogue(language: str) -> dict:
    """The compiled catalogue of `language`: msgid → msgstr, (msgid, n) → plural form n."""
    po = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    mo = subprocess.run(["msgfmt", "-o", "-", str(po)], capture_output=True, check=True).stdout
    return gettext.GNUTranslations(io.BytesIO(mo))._catalog


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\((\w+)\)[sd]", text))


ARABIC_FORMS = ("zero", "one", "two", "few (3–10)", "many (11–99)", "other (100…)")


def test_every_arabic_count_has_its_six_forms_and_names_one_and_two_without_a_digit():
    """Arabic says "one session" and "two sessions" with the noun alone (جلسة واحدة، جلستان),
    a number before the noun only from three on: the forms for one and two drop the count that
    the others carry, so "1 جلسة" or "2 جلستان" never shows."""
    entries = catalogue("ar")
    plural = {key[0] for key in entries if isinstance(key, tuple)}
    wrong = []
    for msgid in sorted(plural):
        forms = [entries.get((msgid, n), "") for n in range(6)]
        if not all(forms):
            wrong.append((msgid, "missing forms"))
            continue
        counted = placeholders(forms[3])
        if not counted:  # a word alone ("Speakers"), with no number shown
            continue
        if placeholders(forms[4]) != counted or placeholders(forms[5]) != counted:
            wrong.append((msgid, "the forms from three on differ in what they show"))
        for n in (1, 2):
            if not placeholders(forms[n]) < counted:
                wrong.append((msgid, f"the form for {ARABIC_FORMS[n]} shows the count"))
    assert plural and not wrong, "\n".join(map(str, wrong))
