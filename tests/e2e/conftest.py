import functools
import http.server
import io
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 360, "height": 780}
DESK = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config, items):
    reason = None
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install -e '.[test]')"
    for item in items:
        if "e2e" in item.nodeid.split("/"):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def browser_environment() -> dict[str, str]:
    """The test's environment, less libfaketime (`make test-at`): Chromium hangs with it
    preloaded, so the browser keeps the real clock, on the same day as the faked one."""
    return {
        name: value
        for name, value in os.environ.items()
        if name != "LD_PRELOAD" and not name.startswith("FAKETIME")
    }


@pytest.fixture
def launch_browser(monkeypatch):
    """Starts Chromium with the usual flags and any others the test needs (closed after it).

    One browser per test, not per session: while Playwright runs, this thread has an event
    loop, and Django then hands out other connection objects, which breaks the database
    flush and restore between transactional tests.
    """
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous, so Django's guard against async-unsafe calls does not apply.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browsers = []

        def launch(*extra_flags):
            browsers.append(
                playwright.chromium.launch(
                    executable_path=CHROMIUM,
                    args=[*CHROMIUM_FLAGS, *extra_flags],
                    env=browser_environment(),
                )
            )
            return browsers[-1]

        yield launch
        for browser in browsers:
            browser.close()


def viewport_context(browser, viewport, **options):
    """A new context of that size: below 768 px a phone's (touch, two pixels to the point)."""
    phone = viewport["width"] < 768
    return browser.new_context(
        viewport=viewport,
        device_scale_factor=2 if phone else 1,
        is_mobile=phone,
        has_touch=phone,
        **options,
    )


def sign_in(page, base_url, email, password, *, language="ar", next_path=""):
    """Signs in through the site's own form, then follows it where it leads."""
    query = f"?next={next_path}" if next_path else ""
    page.goto(f"{base_url}/{language}/accounts/login/{query}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


@pytest.fixture
def browser(launch_browser):
    return launch_browser()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def demo_site(transactional_db):
    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture
def served_site(live_server, transactional_db):
    """The site at the live server's address, as a real one is at its own: the links it hands
    out (calendar feeds, e-mails) lead back to it."""
    from fairsite.services.site import home_pages_ensure, site_address_set

    home_pages_ensure()
    return site_address_set(base_url=live_server.url)


@pytest.fixture
def partner(tmp_path):
    """A partner's site: its own small web server, on another origin than the fair's
    (127.0.0.1 and a port of its own, where the fair's live server is localhost)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
