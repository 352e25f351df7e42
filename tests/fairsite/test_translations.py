import re
import subprocess
from pathlib import Path

import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("language", ["ar", "fr"])
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
