"""The fair's own admin pages in a browser, in Arabic and French, on a desk and on a phone:
each has its main heading and no WCAG 2.2 A/AA violation, under the fair's name and mark;
"Today at the gates" takes in a new check-in without reloading; on the sign-in page every
target is at least 24 by 24 pixels."""

import re

import pytest
from wagtail.users.models import UserProfile

from events.demo import demo_rehearsal_badge_ensure
from events.models import BadgePrintJob, Edition, Gate
from events.services.checkin import checkin_redeem
from exhibitors.models import Application, Stand
from fairsite.models import User
from partnerships.models import Agreement, PartnershipMeeting
from programme.models import Session
from tests.e2e.axe import axe_violations, describe
from tests.e2e.conftest import DESK, PHONE, sign_in, viewport_context

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ORGANISER = ("organiser@fair.example", "oriental-organiser")
# "Regional SSE Fair" in the catalogues.
FAIR_NAME = {"ar": "المعرض الجهوي للاقتصاد الاجتماعي والتضامني", "fr": "Salon régional de l'ESS"}


def admin_pages() -> dict[str, str]:
    """The fair's own admin pages (beyond Wagtail's generic listings and forms), by name."""
    edition = Edition.objects.current()
    free_stand = (
        Stand.objects.filter(edition=edition)
        .exclude(pk__in=Application.objects.filter(stand__isnull=False).values("stand"))
        .order_by("pk")
        .first()
    )
    agreement = Agreement.objects.filter(terminated_on__isnull=True).order_by("pk").first()
    meeting = PartnershipMeeting.objects.order_by("pk").first()
    session = Session.objects.filter(status="published").order_by("pk").first()
    job = BadgePrintJob.objects.create(edition=edition, badge_ids=[1, 2, 3], done=1)
    return {
        "schedule": "/admin/programme/schedule/",
        "session_cancel": f"/admin/programme/sessions/cancel/{session.pk}/",
        "floor_plan": "/admin/exhibitors/floor-plan/",
        "floor_plan_stand": f"/admin/exhibitors/floor-plan/?stand={free_stand.pk}",
        "checkin_dashboard": "/admin/checkins/today/",
        "print_jobs": "/admin/badges/print/",
        "print_job": f"/admin/badges/print/{job.pk}/",
        "attendee_import": "/admin/attendees/import/",
        "observatory": "/admin/observatory/",
        "b2b_placement": "/admin/partnerships/b2b/place/",
        "agreement_inspect": f"/admin/partnerships/agreements/inspect/{agreement.pk}/",
        "agreement_terminate": f"/admin/partnerships/agreements/terminate/{agreement.pk}/",
        "agreement_renew": f"/admin/partnerships/agreements/renew/{agreement.pk}/",
        "meeting_inspect": f"/admin/partnerships/meetings/inspect/{meeting.pk}/",
        "meeting_badges": f"/admin/partnerships/meetings/badges/{meeting.pk}/",
    }


def organiser_page(browser, live_server, language, viewport):
    """The organiser, whose admin is in `language`, signed in, in a window of that size."""
    profile = UserProfile.get_for_user(User.objects.get(email=ORGANISER[0]))
    profile.preferred_language = language
    profile.save()
    page = viewport_context(browser, viewport).new_page()
    sign_in(page, live_server.url, *ORGANISER, language=language)
    return page


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_fairs_admin_pages_have_a_heading_and_pass_axe(
    live_server, demo_site, browser, artifacts, language
):
    pages = admin_pages()
    for size, viewport in (("desk", DESK), ("phone", PHONE)):
        page = organiser_page(browser, live_server, language, viewport)

        # The admin is the fair's: its name in the title and on the dashboard, its mark in
        # the sidebar, not Wagtail's bird.
        page.goto(f"{live_server.url}/admin/")
        assert page.title().endswith(f" - {FAIR_NAME[language]}")
        assert page.locator("h1").inner_text().strip() == FAIR_NAME[language]
        assert page.locator(".sidebar-custom-branding .fair-mark").count() == 1
        assert page.locator(".sidebar-wagtail-branding").count() == 0
        assert not axe_violations(page), describe(axe_violations(page))
        page.screenshot(path=artifacts / f"admin-home-{language}-{size}.png")

        for name, path in pages.items():
            response = page.goto(f"{live_server.url}{path}")
            assert response.ok and page.url.endswith(path), f"{name}: {response.status}"
            assert page.evaluate("document.documentElement.lang") == language, name
            headings = page.locator("h1")
            assert headings.count() == 1, f"{name} has {headings.count()} main headings"
            assert headings.first.is_visible() and headings.first.inner_text().strip(), name
            violations = axe_violations(page)
            assert not violations, f"{name} ({language}, {size}):\n{describe(violations)}"
            if name in ("checkin_dashboard", "floor_plan_stand"):
                page.screenshot(path=artifacts / f"admin-{name}-{language}-{size}.png")
        page.context.close()


def test_the_floor_plan_chooses_a_stand_with_one_link_and_nothing_nested(
    live_server, demo_site, browser
):
    page = organiser_page(browser, live_server, "fr", DESK)
    page.goto(f"{live_server.url}/admin/exhibitors/floor-plan/")

    assert (
        page.locator("svg a.stand").count()
        == Stand.objects.filter(edition=Edition.objects.current()).count()
    )
    nested = page.evaluate(
        """() => [...document.querySelectorAll('main :is(a, button, [role=img])')]
            .filter((el) => el.parentElement.closest('a, button, [role=img]')).length"""
    )
    assert nested == 0
    stand = page.locator("svg a.stand--free").first
    code = stand.locator("rect").get_attribute("data-stand")
    stand.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**stand=*")
    assert page.locator("svg a[aria-current=true] rect").get_attribute("data-stand") == code
    assert code in page.locator("#selected h2").inner_text()
    assert page.locator("#selected form select[name=application]").count() == 1


def test_today_at_the_gates_takes_in_a_new_checkin_without_reloading(
    live_server, demo_site, browser, artifacts
):
    edition = Edition.objects.current()
    badge = demo_rehearsal_badge_ensure(edition=edition)
    page = organiser_page(browser, live_server, "ar", DESK)

    # The page asks for its figures every data-live-seconds seconds (15 on the site): 1 here.
    def one_second(route):
        answer = route.fetch()
        route.fulfill(
            response=answer,
            body=answer.text().replace('data-live-seconds="15"', 'data-live-seconds="1"'),
        )

    page.route("**/admin/checkins/today/", one_second)
    page.goto(f"{live_server.url}/admin/checkins/today/")
    totals = page.locator("[data-live-part=totals]")
    assert totals.get_attribute("aria-live") == "polite"
    assert re.search(r"\b\d\d:\d\d\b", page.locator("[data-live-part=updated]").inner_text())
    figures = {
        name: int(page.locator(f"[data-figure={name}]").inner_text())
        for name in ("inside", "entries", "refused")
    }
    page.evaluate("window.stillThisPage = true")
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))

    outcome = checkin_redeem(gate=Gate.objects.get(slug="main-entrance"), code=badge.code)

    assert outcome.result == "ok"
    page.wait_for_function(
        "(entries) => document.querySelector('[data-figure=entries]').textContent == entries",
        arg=str(figures["entries"] + 1),
        timeout=10_000,
    )
    assert int(page.locator("[data-figure=inside]").inner_text()) == figures["inside"] + 1
    assert page.evaluate("window.stillThisPage") is True
    assert navigations == []
    assert not axe_violations(page), describe(axe_violations(page))
    page.screenshot(path=artifacts / "admin-checkin-dashboard-updated-ar.png")


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_every_target_of_the_sign_in_page_is_big_enough(
    live_server, demo_site, browser, artifacts, language
):
    for size, viewport in (("desk", DESK), ("phone", PHONE)):
        page = browser.new_page(viewport=viewport)
        page.goto(f"{live_server.url}/{language}/accounts/login/")

        small = page.evaluate(
            """() => [...document.querySelectorAll(
                    'main a[href], main button, main input:not([type=hidden]), main select')]
                .map((el) => [el.outerHTML.slice(0, 80), el.getBoundingClientRect()])
                .filter(([, box]) => box.width < 24 || box.height < 24)"""
        )
        assert small == [], f"{language}, {size}: {small}"
        violations = axe_violations(page)
        assert not violations, f"{language}, {size}:\n{describe(violations)}"
        page.close()
