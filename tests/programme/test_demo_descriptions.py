import re
import unicodedata

import pytest

from programme.demo import SESSIONS
from programme.demo_descriptions import DESCRIPTIONS

FRENCH_TITLES = [session[8] for session in SESSIONS]


def _letters_of_script(text: str, script: str) -> set[str]:
    return {
        char
        for char in text
        if char.isalpha() and unicodedata.name(char, "").startswith(script + " ")
    }


def test_demo_descriptions_cover_every_session():
    missing = [title for title in FRENCH_TITLES if title not in DESCRIPTIONS]
    assert missing == []


def test_demo_descriptions_describe_only_sample_sessions():
    assert sorted(set(DESCRIPTIONS) - set(FRENCH_TITLES)) == []


@pytest.mark.parametrize("title", sorted(DESCRIPTIONS))
def test_demo_description_arabic_has_no_latin_letter(title):
    arabic, _ = DESCRIPTIONS[title]
    assert _letters_of_script(arabic, "LATIN") == set()
    assert _letters_of_script(arabic, "ARABIC")
    assert "," not in arabic, "Arabic text uses the Arabic comma ،"


@pytest.mark.parametrize("title", sorted(DESCRIPTIONS))
def test_demo_description_french_has_no_arabic_letter(title):
    _, french = DESCRIPTIONS[title]
    assert _letters_of_script(french, "ARABIC") == set()
    assert "،" not in french
    assert re.search(r"\S[:;?!]", french) is None, "French puts a space before : ; ? !"


@pytest.mark.parametrize("title", sorted(DESCRIPTIONS))
def test_demo_description_texts_are_long_enough(title):
    arabic, french = DESCRIPTIONS[title]
    assert len(arabic.strip()) >= 100
    assert len(french.strip()) >= 100
