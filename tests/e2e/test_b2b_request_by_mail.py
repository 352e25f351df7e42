"""A meeting asked for on one phone and answered from the e-mail on another: Youssef, a buyer
reading Arabic, finds Claire among the people suggested to him and asks her for a meeting;
Claire, who reads French, opens the link in the e-mail she gets, signs in as the site asks,
and accepts; Youssef opens the link in his own e-mail and finds the meeting on his agenda."""

import re

import pytest
from django.core import mail

from b2b.models import B2BMeeting, MeetingRequest
from b2b.services.suggestions import suggestions_refresh
from events.services.consents import consent_give
from tests.e2e.axe import axe_violations, describe
from tests.e2e.conftest import PHONE, sign_in, viewport_context
from tests.factories import (
    PASSWORD,
    B2BBlockFactory,
    B2BParticipantFactory,
    EditionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def fair(served_site):
    """The current edition with one block of meetings, and two participants whose profiles
    fit: Youssef looks for honey and argan, Claire's cooperative union sells them. The
    edition's suggestions have been computed, as the site does after people join."""
    edition = EditionFactory(is_current=True, year=2031)
    B2BBlockFactory(edition=edition)
    people = {}
    for key, email, language, profile in [
        (
            "youssef",
            "youssef@fair.example",
            "ar",
            {
                "kind": "buyer",
                "name": "يوسف البركاني",
                "organisation": "متاجر الشرق للمنتوجات المجالية",
                "seek_topics": ["honey", "argan"],
                "roles": ["buyer"],
                "roles_sought": ["producer"],
                "offers": "شبكة من ثمانية متاجر في وجدة والناظور",
                "seeks": "العسل وزيت الأركان من التعاونيات",
            },
        ),
        (
            "claire",
            "claire@fair.example",
            "fr",
            {
                "kind": "partner",
                "name": "Claire Martin",
                "organisation": "Union des coopératives d'Occitanie",
                "offer_topics": ["honey", "argan"],
                "roles": ["producer"],
                "roles_sought": ["buyer"],
                "offers": "Miel de montagne et huile d'argan de nos coopératives partenaires",
                "seeks": "Acheteurs et boutiques au Maroc",
            },
        ),
    ]:
        first_name, last_name = profile["name"].split(" ", 1)
        user = UserFactory(
            email=email, language=language, first_name=first_name, last_name=last_name
        )
        consent_give(kind="findable", language=language, user=user)
        user.participant = B2BParticipantFactory(
            edition=edition, user=user, email=email, language=language, **profile
        )
        people[key] = user
    suggestions_refresh(edition=edition)
    return people


def shot(page, artifacts, name):
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"{name}: the page is wider than a {PHONE['width']}-px phone"
    page.screenshot(path=artifacts / f"{name}.png", full_page=True)


def accessible(page, where):
    violations = axe_violations(page)
    assert not violations, f"{where}:\n{describe(violations)}"


def link_in_mail(to: str, base: str, path: str) -> str:
    """The link to `path` (a pattern) in the last e-mail sent to `to`, at the site's address."""
    [*_, message] = [message for message in mail.outbox if message.to == [to]]
    found = re.search(re.escape(base) + path, message.body)
    assert found, message.body
    return found.group(0)


def test_a_request_is_answered_from_the_e_mail_and_the_meeting_is_on_both_agendas(
    live_server, fair, browser, artifacts
):
    base = live_server.url
    youssef, claire = fair["youssef"], fair["claire"]

    # Youssef, signed in on his phone in Arabic, finds Claire among his suggestions.
    phone = viewport_context(browser, PHONE).new_page()
    sign_in(
        phone, base, youssef.email, PASSWORD, language="ar", next_path="/ar/meetings/suggestions/"
    )
    phone.wait_for_url(f"{base}/ar/meetings/suggestions/")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    card = phone.locator(f"#participant-{claire.participant.pk}")
    assert card.locator("h2").inner_text() == "Claire Martin"
    assert card.locator(".suggestion-reasons li").count() >= 1
    accessible(phone, "suggestions, ar")
    card.locator(".request-box summary").click()
    card.locator("textarea[name=message]").fill("نبحث عن عسل الجبل لمتاجرنا في وجدة.")
    shot(phone, artifacts, "b2b-mail-suggestions-ar-phone")
    card.locator("button[type=submit]").click()
    phone.wait_for_load_state()
    assert phone.locator(".message--success").is_visible()
    shot(phone, artifacts, "b2b-mail-asked-ar-phone")
    meeting_request = MeetingRequest.objects.get()
    assert (meeting_request.requester, meeting_request.recipient) == (
        youssef.participant,
        claire.participant,
    )

    # Claire gets the e-mail in French, with the link to the request.
    [message] = [message for message in mail.outbox if message.to == [claire.email]]
    assert "souhaite vous rencontrer au salon" in message.subject
    link = link_in_mail(claire.email, base, rf"/fr/meetings/requests/#request-{meeting_request.pk}")

    # On her own phone she opens it, is asked to sign in, and lands on the request.
    other = viewport_context(browser, PHONE).new_page()
    other.goto(link)
    other.wait_for_url(re.compile(rf"{re.escape(base)}/fr/accounts/login/\?next=.*"))
    assert other.evaluate("document.documentElement.lang") == "fr"
    shot(other, artifacts, "b2b-mail-sign-in-fr-phone")
    other.fill("input[name=login]", claire.email)
    other.fill("input[name=password]", PASSWORD)
    other.click("main form button[type=submit]")
    other.wait_for_url(re.compile(rf"{re.escape(base)}/fr/meetings/requests/(#.*)?$"))
    asked = other.locator(f"#request-{meeting_request.pk}")
    assert "يوسف البركاني" in asked.inner_text()
    assert "نبحث عن عسل الجبل لمتاجرنا في وجدة." in asked.inner_text()
    assert asked.locator("button[value=accept]").inner_text() == "Accepter"
    assert asked.locator("button[value=decline]").is_visible()
    accessible(other, "requests opened from the e-mail, fr")
    shot(other, artifacts, "b2b-mail-request-fr-phone")
    asked.locator("button[value=accept]").click()
    other.wait_for_url(f"{base}/fr/meetings/agenda/")
    assert other.locator(".meeting-card__time").inner_text() == "15:00–15:20"
    assert "يوسف البركاني" in other.locator(".meeting-card").inner_text()
    shot(other, artifacts, "b2b-mail-accepted-agenda-fr-phone")
    meeting_request.refresh_from_db()
    assert meeting_request.status == "accepted"
    meeting = B2BMeeting.objects.get(request=meeting_request)

    # Youssef is told in Arabic; the link in his e-mail opens his agenda, with the meeting.
    phone.goto(link_in_mail(youssef.email, base, r"/ar/meetings/agenda/"))
    card = phone.locator(".meeting-card")
    assert card.count() == 1
    assert card.locator(".meeting-card__time").inner_text() == "15:00–15:20"
    assert "Claire Martin" in card.inner_text()
    assert f"{meeting.table}" in card.inner_text()
    accessible(phone, "agenda opened from the e-mail, ar")
    shot(phone, artifacts, "b2b-mail-agenda-ar-phone")
