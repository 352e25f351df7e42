"""The benchmark processes' settings, with the room scanners' API in the URLs."""

from tests.bench.settings import *  # noqa: F403

ROOT_URLCONF = "tests.bench.attendance_urls"
