"""Every page the public, exhibitors, B2B participants and gate staff see, in Arabic and
French, on a 360-px phone and a 1280-px screen: no WCAG 2.2 A/AA violation that axe-core finds.

The pages come from the sample data (`seed_demo`), seeded once; one browser, one context per
language and width, walked first as a visitor, then signed in as the sample exhibitor (who
takes part in the B2B meetings here), then as gate staff. The count of violations per page,
language and width is written to test-artifacts/axe-pages.txt.
"""

import time

import pytest
from django.urls import reverse
from django.utils import translation

from b2b.models import B2BParticipant
from events.demo import demo_rehearsal_badge_ensure
from events.models import Badge, Edition, Gate, PracticalInfoPage
from events.services.badge_links import badge_link_token
from events.services.devices import gate_token_issue
from exhibitors.models import Application, Cooperative, ExhibitorDirectoryPage
from exhibitors.selectors import directory_exhibitors
from fairsite.demo import DEMO_LOGINS
from fairsite.models import HomePage, NewsArticlePage, NewsIndexPage, StandardPage, User
from observatory.models import FiguresPage
from partnerships.models import PartnerRegion, PartnershipsPage
from programme.models import ProgrammePage, Session
from programme.services.agenda import agenda_star
from tests.e2e.axe import axe_violations
from tests.e2e.conftest import DESK, PHONE, sign_in, viewport_context

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["ar", "fr"]
VIEWPORTS = [PHONE, DESK]
LOGINS = {demo.role: demo for demo in DEMO_LOGINS}
GATE_NAMES = {"ar": "المدخل الرئيسي", "fr": "Entrée principale"}


def _page(model, language):
    page = model.objects.live().filter(locale__language_code=language).order_by("path").first()
    assert page is not None, f"no {model.__name__} in {language} in the sample data"
    return page


def _sub(page, name, **kwargs) -> str:
    return page.get_url() + page.reverse_subpage(name, kwargs=kwargs)


def public_pages(language) -> dict[str, str]:
    """The public pages in `language`, by name, as the sample data has them."""
    edition = Edition.objects.current()
    home = _page(HomePage, language)
    news = _page(NewsIndexPage, language)
    directory = _page(ExhibitorDirectoryPage, language)
    programme = _page(ProgrammePage, language)
    partnerships = _page(PartnershipsPage, language)
    exhibitor = directory_exhibitors(edition=edition).first().cooperative
    session = (
        Session.objects.filter(edition=edition, status="published", track__isnull=False)
        .order_by("starts_at", "pk")
        .first()
    )
    region = PartnerRegion.objects.order_by("pk").first()
    badge = Badge.objects.filter(edition=edition, status="active").order_by("pk").first()
    with translation.override(language):
        visit = reverse("events:visitor_register")
        badge_page = reverse("events:visitor_badge", args=[badge_link_token(badge)])
        badge_data = reverse("privacy:badge_data", args=[badge_link_token(badge)])
        login = reverse("account_login")
    return {
        "home": home.get_url(),
        "about": StandardPage.objects.child_of(home).live().order_by("path").first().get_url(),
        "news": news.get_url(),
        "article": NewsArticlePage.objects.child_of(news).live().order_by("path").first().get_url(),
        "practical": _page(PracticalInfoPage, language).get_url(),
        "directory": directory.get_url(),
        "directory_filtered": f"{directory.get_url()}?province={exhibitor.province}",
        "exhibitor": _sub(directory, "profile_route", cooperative_id=exhibitor.pk),
        "programme": programme.get_url(),
        "programme_filtered": f"{programme.get_url()}?track={session.track.slug}",
        "session": _sub(programme, "session", uid=session.uid),
        "changes": _sub(programme, "changes"),
        "partnerships": partnerships.get_url(),
        "region": _sub(partnerships, "region", slug=region.slug),
        "figures": _page(FiguresPage, language).get_url(),
        "visit": visit,
        "badge": badge_page,
        "badge_data": badge_data,
        "sign_in": login,
    }


def exhibitor_pages(language, exhibitor) -> dict[str, str]:
    """The exhibitor's portal, personal agenda and B2B pages in `language`."""
    cooperative = Cooperative.objects.managed_by(exhibitor).order_by("pk").first()
    application = Application.objects.filter(cooperative=cooperative).order_by("pk").first()
    programme = _page(ProgrammePage, language)
    with translation.override(language):
        return {
            "portal": reverse("exhibitors:portal_home"),
            "cooperative": reverse("exhibitors:cooperative_detail", args=[cooperative.pk]),
            "cooperative_edit": reverse("exhibitors:cooperative_edit", args=[cooperative.pk]),
            "application": reverse("exhibitors:application_detail", args=[application.pk]),
            "my_agenda": _sub(programme, "agenda"),
            "b2b_suggestions": reverse("b2b:suggestions"),
            "b2b_directory": reverse("b2b:directory"),
            "b2b_availability": reverse("b2b:availability"),
            "b2b_profile": reverse("b2b:join"),
            "b2b_requests": reverse("b2b:requests"),
            "b2b_agenda": reverse("b2b:agenda"),
            "my_data": reverse("privacy:account_data"),
            "my_choices": reverse("privacy:account_choices"),
        }


def exhibitor_in_the_meetings() -> User:
    """The sample exhibitor, who stars a session and speaks for a sample B2B participant that
    has asked for meetings and been given some (the sample participants have no account)."""
    exhibitor = User.objects.get(email=LOGINS["exhibitor"].email)
    edition = Edition.objects.current()
    participant = (
        B2BParticipant.objects.filter(edition=edition, kind="exhibitor", seats__isnull=False)
        .order_by("pk")
        .first()
    )
    participant.user = exhibitor
    participant.save(update_fields=["user"])
    agenda_star(
        user=exhibitor,
        session=Session.objects.filter(edition=edition, status="published").order_by("pk").first(),
    )
    return exhibitor


def test_every_page_passes_axe_in_arabic_and_french_on_a_phone_and_a_screen(
    live_server, demo_site, browser, artifacts
):
    started = time.monotonic()
    base = live_server.url
    exhibitor = exhibitor_in_the_meetings()
    edition = Edition.objects.current()
    gate_token = gate_token_issue(gate=Gate.objects.get(slug="main-entrance"))
    badge_code = demo_rehearsal_badge_ensure(edition=edition).code
    pages = {
        language: (public_pages(language), exhibitor_pages(language, exhibitor))
        for language in LANGUAGES
    }
    found = []  # (page, language, width, violations)

    def check(page, name, language, viewport):
        assert page.evaluate("document.documentElement.lang") == language, (name, page.url)
        found.append((name, language, viewport["width"], axe_violations(page)))

    def visit(page, name, path, language, viewport):
        response = page.goto(base + path)
        assert response.ok, f"{name} ({language}): {path} answered {response.status}"
        assert page.url.split("?")[0] == (base + path).split("?")[0], f"{name} → {page.url}"
        check(page, name, language, viewport)

    for language in LANGUAGES:
        public, signed_in = pages[language]
        for viewport in VIEWPORTS:
            context = viewport_context(browser, viewport)
            page = context.new_page()
            for name, path in public.items():
                visit(page, name, path, language, viewport)

            # Where signing in leads, with its message.
            login = LOGINS["exhibitor"]
            sign_in(page, base, login.email, login.password, language=language)
            check(page, "signed_in", language, viewport)
            for name, path in signed_in.items():
                visit(page, name, path, language, viewport)

            context.clear_cookies()
            login = LOGINS["gate staff"]
            gate = f"/{language}/gate/"
            sign_in(page, base, login.email, login.password, language=language, next_path=gate)
            page.wait_for_url(base + gate)
            # Someone who has not joined the B2B meetings is asked to, on the join page.
            page.goto(base + signed_in["b2b_requests"])
            assert "/meetings/join/" in page.url, page.url
            check(page, "b2b_join", language, viewport)
            page.goto(base + gate)
            page.wait_for_selector("#gate-setup:not([hidden])")
            check(page, "gate_setup", language, viewport)
            page.fill("#gate-token", gate_token)
            page.click("#gate-setup button[type=submit]")
            page.wait_for_function(
                "(name) => document.querySelector('h1').textContent.includes(name)",
                arg=GATE_NAMES[language],
            )
            check(page, "gate", language, viewport)
            # The first scan of the day lets the badge in; the next ones say "already in".
            page.fill("#gate-code", badge_code)
            page.press("#gate-code", "Enter")
            page.wait_for_selector("#gate-result:not([hidden])")
            check(page, "gate_scanned", language, viewport)
            context.close()

    lines = ["page lang width violations"] + [
        f"{name} {language} {width} {sum(len(v['targets']) for v in violations)}"
        for name, language, width, violations in found
    ]
    (artifacts / "axe-pages.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(found)} pages checked in {time.monotonic() - started:.0f} s")
    faults = [
        f"{name} ({language}, {width} px): {v['impact']} {v['rule']} ({v['help']}) "
        f"at {', '.join(v['targets'][:5])}"
        for name, language, width, violations in found
        for v in violations
    ]
    assert not faults, f"{len(faults)} violations:\n" + "\n".join(faults)
