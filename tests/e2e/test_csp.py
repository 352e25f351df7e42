"""The site under its Content-Security-Policy in Chromium: the public pages, the gate page, the
portal and the Wagtail admin raise no violation, and what each page does still works."""

import pytest

from events.services.devices import gate_token_issue
from fairsite.demo import DEMO_LOGINS
from tests.e2e.camera import camera_args, qr_video
from tests.factories import EditionFactory, GateFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Every violation the browser reports, on any page and frame, goes to Python at once: a page
# that navigates away straight after would lose what it kept in `window`.
RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation({
    page: document.location.pathname,
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  });
}, true);
"""


class Watch:
    """A browser context that records CSP violations and console errors about the policy."""

    def __init__(self, browser, **options):
        self.violations = []
        self.console = []
        self.context = browser.new_context(**options)
        self.context.expose_function("reportCspViolation", self._violation)
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.on("console", self._console)

    def _violation(self, violation):
        self.violations.append(violation)

    def _console(self, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.console.append(f"{self.page.url}: {message.text}")

    def sign_in(self, base, role, then):
        login = next(login for login in DEMO_LOGINS if login.role == role)
        self.page.goto(f"{base}/fr/accounts/login/?next={then}")
        self.page.fill("input[name=login]", login.email)
        self.page.fill("input[name=password]", login.password)
        self.page.click("main form button[type=submit]")
        self.page.wait_for_url(f"{base}{then}")

    def assert_clean(self):
        # Reports arrive through a binding: give the last page a moment to send them.
        self.page.wait_for_timeout(300)
        assert self.violations == [], self.violations
        assert self.console == [], self.console


@pytest.fixture
def watch(launch_browser):
    watches = []
    browsers = {}

    def make(*flags, **options):
        if flags not in browsers:
            browsers[flags] = launch_browser(*flags)
        watches.append(Watch(browsers[flags], **options))
        return watches[-1]

    yield make
    for item in watches:
        item.context.close()


def test_public_pages_keep_to_the_policy(live_server, demo_site, watch):
    base = live_server.url
    visitor = watch(viewport={"width": 360, "height": 780})
    page = visitor.page

    response = page.goto(f"{base}/ar/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.get_by_role("navigation", name="اللغة").get_by_role("link", name="Français").click()
    page.wait_for_url(f"{base}/fr/")
    assert page.evaluate("document.documentElement.dir") == "ltr"

    page.goto(f"{base}/fr/programme/?day=all")
    cards = page.locator(".session-card").count()
    assert cards > 1
    # A track's colour comes from the card's style attribute, which the policy allows.
    coloured = page.evaluate(
        """() => [...document.querySelectorAll('.session-card[style]')].map(
            (card) => getComputedStyle(card).getPropertyValue('--track-colour').trim())"""
    )
    assert coloured and all(colour.startswith("#") for colour in coloured)
    page.click(".programme-filters summary")
    track = page.locator("select[name=track] option").nth(1).get_attribute("value")
    page.select_option("select[name=track]", track)
    page.click(".programme-filters button[type=submit]")
    page.wait_for_url(f"**track={track}**")
    assert 0 < page.locator(".session-card").count() < cards
    page.click(".session-card__title a")
    page.wait_for_selector("main h1")

    page.goto(f"{base}/fr/exhibitors/")
    assert page.locator("main a[href*='/fr/exhibitors/']").count() > 0
    page.goto(f"{base}/fr/partnerships/")
    region = page.locator("main a.region-item__link").first
    href = region.get_attribute("href")
    region.click()
    page.wait_for_url(f"**{href}")
    page.goto(f"{base}/fr/figures/")
    assert page.locator("main svg").count() > 0
    assert page.evaluate("[...document.fonts].some((font) => font.status === 'loaded')")
    page.goto(f"{base}/ar/visit/")
    assert page.locator("main form[method=post] input[name=csrfmiddlewaretoken]").count() == 1

    visitor.assert_clean()


def test_the_gate_page_and_the_portal_keep_to_the_policy(live_server, demo_site, watch, tmp_path):
    base = live_server.url
    token = gate_token_issue(gate=GateFactory(slug="csp-gate"))
    camera = camera_args(qr_video("NOT-A-BADGE", tmp_path / "code.y4m"))
    gate = watch(*camera, viewport={"width": 360, "height": 780})
    gate.sign_in(base, "gate staff", "/ar/gate/")
    page = gate.page

    page.fill("#gate-token", token)
    page.click("#gate-setup button[type=submit]")
    # The script fetched the public keys with the token and registered its service worker.
    page.wait_for_function("() => localStorage.getItem('gate.keys') !== null")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.keyboard.type("NOT-A-BADGE")
    page.keyboard.press("Enter")
    page.wait_for_selector("#gate-result:not([hidden])")
    page.evaluate("document.querySelector('#gate-result').hidden = true")
    # The camera's frames, read by jsQR on a canvas, give the same answer.
    page.click("#gate-camera")
    page.wait_for_selector("#gate-result:not([hidden])", timeout=15000)
    assert page.locator("#gate-last li").count() == 2
    gate.assert_clean()

    exhibitor = watch(viewport={"width": 1280, "height": 900})
    exhibitor.sign_in(base, "exhibitor", "/fr/portal/")
    page = exhibitor.page
    cooperative = page.locator("main a[href*='/fr/portal/cooperatives/']").first
    cooperative.click()
    page.wait_for_url("**/fr/portal/cooperatives/**")
    page.goto(f"{base}/fr/portal/export-support/")
    page.goto(f"{base}/fr/meetings/")
    page.goto(f"{base}/fr/accounts/email/")
    # allauth's script on this page asks before an address is removed.
    page.wait_for_function("() => typeof window.allauth === 'object'")
    exhibitor.assert_clean()


def test_the_admin_keeps_to_its_own_policy(live_server, demo_site, watch):
    from wagtail.models import Page

    base = live_server.url
    EditionFactory()  # a second edition for the observatory's choice
    organiser = watch(viewport={"width": 1280, "height": 900})
    organiser.sign_in(base, "organiser", "/admin/")
    page = organiser.page

    response = page.goto(f"{base}/admin/")
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    # Wagtail's sidebar is drawn by its scripts.
    page.wait_for_selector(".sidebar-main-menu a", state="attached")

    home = Page.objects.filter(depth=2, locale__language_code="fr").first()
    page.goto(f"{base}/admin/pages/{home.pk}/edit/")
    page.wait_for_function("() => window.wagtailConfig !== undefined")
    # The preview panel frames the page, under the admin's policy (frame-ancestors 'self').
    page.click("[data-side-panel-toggle='preview']")
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("main#main").wait_for(state="attached", timeout=15000)

    page.goto(f"{base}/admin/observatory/")
    # Choosing another edition reloads the page (Wagtail's w-submit controller, no inline
    # handler).
    options = page.locator("select#edition option:not([selected])")
    other = options.first.get_attribute("value")
    page.select_option("select#edition", other)
    page.wait_for_url(f"**edition={other}**")

    page.goto(f"{base}/admin/badges/print/")
    page.goto(f"{base}/admin/exhibitors/applications/")
    page.wait_for_selector("table.listing", state="attached")
    organiser.assert_clean()
