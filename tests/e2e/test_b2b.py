"""Two participants on their phones, in Arabic: an exhibitor joins the B2B meetings and asks a
buyer for a meeting, the buyer accepts, and the meeting is on the exhibitor's agenda, in the
PDF and in the calendar feed."""

import datetime
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest

from b2b.models import B2BMeeting, B2BParticipant, MeetingRequest
from events.services.consents import consent_give
from fairsite.services.site import home_pages_ensure
from tests.e2e.conftest import PHONE
from tests.factories import (
    PASSWORD,
    ApplicationFactory,
    B2BBlockFactory,
    B2BParticipantFactory,
    CooperativeFactory,
    EditionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FAIR = ZoneInfo("Africa/Casablanca")


@pytest.fixture
def fair(transactional_db):
    home_pages_ensure()
    edition = EditionFactory(is_current=True, year=2031)
    B2BBlockFactory(edition=edition, place_ar="فضاء لقاءات الأعمال")
    salma = UserFactory(
        email="salma@fair.example", first_name="سلمى", last_name="الإدريسي", language="ar"
    )
    cooperative = CooperativeFactory(
        name="Cooperative Argane Berkane", name_ar="تعاونية أركان بركان", managers=[salma]
    )
    ApplicationFactory(edition=edition, cooperative=cooperative, status="confirmed")
    omar = UserFactory(email="omar@fair.example", language="ar")
    consent_give(kind="findable", language="ar", user=omar)  # listed among the people to meet
    B2BParticipantFactory(
        edition=edition,
        user=omar,
        email=omar.email,
        kind="buyer",
        name="عمر الفاسي",
        organisation="Épicerie fine Toulouse",
        language="ar",
        offers="شبكة متاجر للمنتوجات المجالية في جنوب فرنسا",
        seeks="زيت الأركان، العسل، الكسكس",
    )
    B2BParticipantFactory(
        edition=edition,
        kind="partner",
        name="Nadia Cherkaoui",
        organisation="Région Occitanie",
        offers="Accompagnement à l'export",
        seeks="Coopératives de femmes",
    )
    return {"edition": edition, "salma": salma, "omar": omar}


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def shot(page, artifacts, name):
    assert overflow(page) <= 0, f"{name}: the page is wider than a {PHONE['width']}-px phone"
    page.screenshot(path=artifacts / f"{name}.png", full_page=True)


def sign_in(page, base, email, next_path):
    page.goto(f"{base}/ar/accounts/login/?next={next_path}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")


def test_one_asks_the_other_accepts_and_the_meeting_is_on_the_agenda(
    live_server, served_site, fair, phone, browser, artifacts
):
    base = live_server.url

    # Salma, an exhibitor, joins: her cooperative is already chosen.
    sign_in(phone, base, "salma@fair.example", "/ar/meetings/")
    phone.wait_for_url(f"{base}/ar/meetings/join/")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    assert phone.is_checked("input[name=kind][value=exhibitor]")
    assert phone.input_value("input[name=organisation]") == "تعاونية أركان بركان"
    phone.fill("textarea[name=offers]", "زيت الأركان، أملو، صابون تقليدي")
    phone.fill("textarea[name=seeks]", "موزعون في أوروبا، التلفيف")
    shot(phone, artifacts, "b2b-join-ar-phone")
    phone.click("main form button[type=submit]")
    # Joining lands on the people suggested to her.
    phone.wait_for_url(f"{base}/ar/meetings/suggestions/")
    assert B2BParticipant.objects.get(user=fair["salma"]).kind == "exhibitor"

    # She looks for honey buyers in the list of people to meet and asks Omar for a meeting.
    phone.goto(f"{base}/ar/meetings/")
    phone.fill("input[name=q]", "العسل")
    phone.click(".b2b-filters button[type=submit]")
    phone.wait_for_url(re.compile(r".*/ar/meetings/\?q=.*"))
    assert phone.locator(".participant-card h2").all_inner_texts() == ["عمر الفاسي"]
    card = phone.locator(".participant-card").first
    card.locator(".request-box summary").click()
    card.locator("textarea[name=message]").fill("نود عرض زيت الأركان على متاجركم.")
    shot(phone, artifacts, "b2b-directory-ar-phone")
    card.locator("button[type=submit]").click()
    phone.wait_for_load_state()
    assert phone.locator(".participant-card .request-state--asked").is_visible()
    assert phone.locator(".message--success").is_visible()
    shot(phone, artifacts, "b2b-asked-ar-phone")

    # Omar, on his own phone, accepts.
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    other = context.new_page()
    sign_in(other, base, "omar@fair.example", "/ar/meetings/requests/")
    other.wait_for_url(f"{base}/ar/meetings/requests/")
    assert other.locator(".b2b-nav__count").is_visible()
    assert "نود عرض زيت الأركان على متاجركم." in other.inner_text(".request-item--pending")
    shot(other, artifacts, "b2b-requests-ar-phone")
    other.click(".request-item--pending button[value=accept]")
    other.wait_for_url(f"{base}/ar/meetings/agenda/")
    assert other.locator(".meeting-card__time").inner_text() == "15:00–15:20"
    shot(other, artifacts, "b2b-accepted-agenda-ar-phone")
    assert MeetingRequest.objects.get().status == "accepted"
    meeting = B2BMeeting.objects.get()
    assert meeting.starts_at == datetime.datetime(2031, 5, 13, 15, tzinfo=FAIR)
    context.close()

    # Salma's agenda has the meeting: time, table, place, with whom.
    phone.goto(f"{base}/ar/meetings/agenda/")
    card = phone.locator(".meeting-card")
    assert card.count() == 1
    assert card.locator(".meeting-card__time").inner_text() == "15:00–15:20"
    assert "فضاء لقاءات الأعمال" in card.inner_text()
    assert "عمر الفاسي" in card.inner_text() and "Épicerie fine Toulouse" in card.inner_text()
    shot(phone, artifacts, "b2b-agenda-ar-phone")
    phone.goto(f"{base}/fr/meetings/agenda/")
    assert phone.evaluate("document.documentElement.dir") == "ltr"
    assert phone.locator(".meeting-day__title").inner_text() == "mardi 13 mai 2031"
    shot(phone, artifacts, "b2b-agenda-fr-phone")
    phone.goto(f"{base}/ar/meetings/agenda/")

    # The PDF and the calendar feed, fetched as a browser and a calendar app would.
    pdf = phone.context.request.get(base + phone.get_attribute(".agenda-tools a[download]", "href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    assert phone.get_attribute(".agenda-tools a.button--secondary", "href").startswith("webcal://")
    feed = phone.input_value("#feed-address")
    calendar = icalendar.Calendar.from_ical(phone.context.request.get(feed).body())
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"b2b-{meeting.request_id}@testserver"
    assert event.decoded("DTSTART") == meeting.starts_at
