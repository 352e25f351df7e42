"""A visitor on a phone, in Arabic: the programme filtered by track, a session, signing up
(signing in on the way), which stars it, the agenda, and the agenda's calendar feed; then the same
pages in French."""

import datetime
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest

from fairsite.services.site import home_pages_ensure
from programme.models import SessionSignup
from programme.services.pages import programme_pages_ensure
from programme.services.sessions import session_cancel, session_save
from tests.factories import (
    PASSWORD,
    EditionFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FAIR = ZoneInfo("Africa/Casablanca")
PHONE_WIDTH = 360


def at(edition, hour, minute=0, day=0):
    date = edition.starts_on + datetime.timedelta(days=day)
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=FAIR)


@pytest.fixture
def fair(transactional_db):
    programme_pages_ensure(homes=home_pages_ensure())
    edition = EditionFactory(is_current=True, year=2031)
    export = TrackFactory(
        edition=edition,
        slug="export",
        name_ar="المواكبة من أجل التصدير",
        name_fr="Accompagnement à l'export",
        colour="#b8860b",
    )
    collective = TrackFactory(
        edition=edition,
        slug="collectif",
        name_ar="المقاولة الجماعية",
        name_fr="Entrepreneuriat collectif",
        colour="#1565c0",
    )
    hall = RoomFactory(
        venue=edition.venue, name_ar="قاعة الندوات الكبرى", name_fr="Grande salle", capacity=200
    )
    workshop_room = RoomFactory(
        venue=edition.venue, name_ar="قاعة الورشات", name_fr="Salle des ateliers", capacity=25
    )
    speakers = [
        SpeakerFactory(
            name_ar="نادية برادة",
            name_latin="Nadia Berrada",
            bio_ar="خبيرة في التلفيف والتصدير لدى الوحدة اللوجستيكية.",
            bio_fr="Experte du conditionnement et de l'export à l'unité logistique.",
        ),
        SpeakerFactory(name_ar="كريم العلوي", name_latin="Karim Alaoui"),
    ]
    workshop = SessionFactory(
        edition=edition,
        title_ar="ورشة: التلفيف والترخيص الصحي من أجل التصدير",
        title_fr="Atelier : conditionnement et agrément sanitaire pour l'export",
        description_ar="كيف تهيئ التعاونية منتوجاتها المجالية للأسواق الدولية.",
        description_fr="Préparer les produits du terroir d'une coopérative aux marchés étrangers.",
        type="workshop",
        language="ary",
        track=export,
        room=workshop_room,
        capacity=20,
        signup_required=True,
        starts_at=at(edition, 11),
        ends_at=at(edition, 12, 30),
        speakers=speakers,
    )
    SessionFactory(
        edition=edition,
        title_ar="الجلسة الافتتاحية",
        title_fr="Séance d'ouverture",
        type="ceremony",
        track=collective,
        room=hall,
        starts_at=at(edition, 9, 30),
        ends_at=at(edition, 10, 30),
        speakers=[speakers[1]],
    )
    moved = SessionFactory(
        edition=edition,
        title_ar="مائدة مستديرة: التعاونيات النسائية",
        title_fr="Table ronde : les coopératives de femmes",
        type="panel",
        language="fr",
        track=collective,
        room=hall,
        starts_at=at(edition, 15),
        ends_at=at(edition, 16, 30),
    )
    partnership = SessionFactory(
        edition=edition,
        title_ar="لقاء الشراكة مع جهة أوكسيتاني",
        title_fr="Rencontre de partenariat avec l'Occitanie",
        type="partnership_meeting",
        track=export,
        room=hall,
        starts_at=at(edition, 10, day=1),
        ends_at=at(edition, 11, day=1),
    )
    moved.starts_at, moved.ends_at = at(edition, 16, day=1), at(edition, 17, 30, day=1)
    session_save(session=moved)
    session_cancel(session=partnership)
    visitor = UserFactory(email="leila@fair.example", first_name="Leila", last_name="Benali")
    return {"edition": edition, "workshop": workshop, "visitor": visitor}


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def shot(page, artifacts, name):
    assert overflow(page) <= 0, f"{name}: the page is wider than a {PHONE_WIDTH}-px phone"
    page.screenshot(path=artifacts / f"{name}.png", full_page=True)


def test_a_visitor_builds_an_agenda_on_a_phone_in_arabic(
    live_server, served_site, fair, phone, artifacts
):
    base = live_server.url
    workshop = fair["workshop"]

    # The programme, day by day, right to left.
    phone.goto(f"{base}/ar/programme/")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    assert phone.locator(".programme-day").count() == 1  # one day at a time
    phone.locator(".day-switcher a >> nth=-1").click()  # then all of them
    phone.wait_for_url(re.compile(r".*/ar/programme/\?day=all"))
    assert phone.locator(".programme-day").count() == 2
    assert phone.locator(".session-card--cancelled .cancelled-label").count() == 1
    shot(phone, artifacts, "programme-ar-phone")

    # Filtered by track: only the export track's sessions are left.
    phone.locator(".programme-filters summary").click()
    phone.select_option("select[name=track]", "export")
    phone.locator(".programme-filters button[type=submit]").click()
    phone.wait_for_url(re.compile(r".*/ar/programme/\?.*track=export.*"))
    titles = phone.locator(".session-card__title").all_inner_texts()
    assert titles == [
        "ورشة: التلفيف والترخيص الصحي من أجل التصدير",
        "لقاء الشراكة مع جهة أوكسيتاني",
    ]
    shot(phone, artifacts, "programme-filtered-ar-phone")

    # The session's page; signing up asks to sign in first, then brings the visitor back.
    phone.get_by_role("link", name=titles[0]).click()
    phone.wait_for_url(f"{base}/ar/programme/{workshop.uid}/")
    assert "نادية برادة" in phone.inner_text(".speakers")
    assert phone.get_attribute(".calendar-button", "href") == (
        f"/ical/sessions/{workshop.uid}.ics?lang=ar"
    )
    shot(phone, artifacts, "session-ar-phone")
    phone.locator(".signup-box button[type=submit]").click()
    phone.wait_for_url(re.compile(r".*/ar/accounts/login/\?next=.*"))
    phone.fill("input[name=login]", "leila@fair.example")
    phone.fill("input[name=password]", PASSWORD)
    phone.click("main form button[type=submit]")
    phone.wait_for_url(f"{base}/ar/programme/{workshop.uid}/")
    phone.locator(".signup-box button[type=submit]").click()
    phone.wait_for_load_state()
    assert phone.locator(".signup-box .signup-state--confirmed").is_visible()
    signup = SessionSignup.objects.get()
    assert (signup.status, signup.attendee.user) == ("confirmed", fair["visitor"])

    # Signing up put it in the agenda, starred; the star takes it out and puts it back.
    assert phone.locator(".star-button--on").is_visible()
    phone.locator(".star-form button").click()
    phone.wait_for_load_state()
    assert not phone.locator(".star-button--on").is_visible()
    phone.locator(".star-form button").click()
    phone.wait_for_load_state()
    assert phone.locator(".star-button--on").is_visible()
    shot(phone, artifacts, "session-signed-up-ar-phone")

    phone.locator(".programme-nav a[href$='/agenda/']").click()
    phone.wait_for_url(f"{base}/ar/programme/agenda/")
    assert phone.locator(".session-card__title").all_inner_texts() == [titles[0]]
    shot(phone, artifacts, "agenda-ar-phone")

    # The agenda's feed, fetched as a calendar app would, holds the session.
    feed = phone.input_value("#agenda-address")
    assert phone.get_attribute(".agenda-feed a.button >> nth=0", "href").startswith("webcal://")
    response = phone.context.request.get(feed)
    assert response.ok, response.status
    calendar = icalendar.Calendar.from_ical(response.body())
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert [uid.split("@")[0] for uid in uids] == [str(workshop.uid)]

    phone.goto(f"{base}/ar/programme/changes/")
    assert phone.locator(".change").count() == 2
    shot(phone, artifacts, "changes-ar-phone")


def test_the_programme_in_french_reads_left_to_right(live_server, fair, phone, artifacts):
    base = live_server.url
    workshop = fair["workshop"]

    phone.goto(f"{base}/fr/programme/")
    assert phone.evaluate("document.documentElement.dir") == "ltr"
    assert phone.inner_text(".programme-day h2 >> nth=0") == "mardi 13 mai 2031"
    shot(phone, artifacts, "programme-fr-phone")

    phone.goto(f"{base}/fr/programme/?day=2031-05-14")
    assert phone.locator(".programme-day").count() == 1
    shot(phone, artifacts, "programme-day-fr-phone")

    phone.goto(f"{base}/fr/accounts/login/?next=/fr/programme/{workshop.uid}/")
    phone.fill("input[name=login]", "leila@fair.example")
    phone.fill("input[name=password]", PASSWORD)
    phone.click("main form button[type=submit]")
    phone.wait_for_url(f"{base}/fr/programme/{workshop.uid}/")
    assert "Nadia Berrada" in phone.inner_text(".speakers")
    phone.locator(".signup-box button[type=submit]").click()
    phone.wait_for_load_state()
    assert phone.locator(".star-button--on").is_visible()
    shot(phone, artifacts, "session-fr-phone")

    phone.goto(f"{base}/fr/programme/agenda/")
    shot(phone, artifacts, "agenda-fr-phone")
    phone.goto(f"{base}/fr/programme/changes/")
    shot(phone, artifacts, "changes-fr-phone")
