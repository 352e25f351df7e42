"""Practical information for visitors: the venue, the opening hours of each day and how to
get there, on their own page in each language, on the registration page and on the badge."""

import datetime
import importlib
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from events.demo import demo_practical_info_ensure
from events.models import OpeningHours, PracticalInfoPage, Venue
from events.pdf import badges_pdf, date_range
from events.services.badges import attendee_register
from tests.factories import EditionFactory
from tests.language import unmarked_words
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair(homes):
    """The sample edition's practical information: a fair on 3–6 December, in Oujda."""
    edition = EditionFactory(
        is_current=True,
        starts_on=datetime.date(2126, 12, 3),
        ends_on=datetime.date(2126, 12, 6),
        venue__name_ar="فضاء المعارض بوجدة",
        venue__name_fr="Parc des expositions d'Oujda",
        venue__name_en="Oujda Exhibition Park",
        venue__latitude="34.681400",
        venue__longitude="-1.908600",
    )
    demo_practical_info_ensure(edition=edition)
    return edition


def body_of(response) -> str:
    html = response.content.decode()
    return re.search(r'<article class="container prose practical">.*?</article>', html, re.S)[0]


def test_the_practical_page_shows_venue_hours_and_directions_in_arabic(client, fair):
    response = client.get("/ar/practical-information/")

    assert response.status_code == 200
    body = body_of(response)
    assert re.search(r"<address[^>]*>.*فضاء المعارض بوجدة.*شارع محمد السادس.*وجدة", body, re.S)
    assert "الثلاثاء 3 دجنبر" in body and "الجمعة 6 دجنبر" in body
    assert "10:00" in body and "20:00" in body and "18:00" in body
    assert "بالحافلة" in body
    assert 'href="geo:34.681400,-1.908600"' in body
    assert "openstreetmap.org/?mlat=34.681400&amp;mlon=-1.908600" in body


def test_the_practical_page_shows_venue_hours_and_directions_in_french(client, fair):
    response = client.get("/fr/infos-pratiques/")

    assert response.status_code == 200
    body = body_of(response)
    assert "Parc des expositions d&#x27;Oujda" in body
    assert "Boulevard Mohammed VI" in body
    assert "mardi 3 décembre" in body and "vendredi 6 décembre" in body
    assert "En bus" in body and "Accessibilité" in body


def test_the_arabic_page_has_no_latin_letters_outside_elements_marked_with_their_language(
    client, fair
):
    # Directions kept only in French show, marked as French, on the Arabic page.
    fair.venue.directions_ar = ""
    fair.venue.save()
    body = body_of(client.get("/ar/practical-information/"))
    assert '<div class="practical__directions" lang="fr" dir="ltr">' in body

    assert unmarked_words(body, "ar") == []


def test_the_three_pages_are_translations_of_each_other_and_the_sample_is_idempotent(fair):
    pages = demo_practical_info_ensure(edition=fair)

    assert PracticalInfoPage.objects.count() == 3
    assert len({page.translation_key for page in pages.values()}) == 1
    assert all(page.show_in_menus and page.live for page in pages.values())
    assert fair.opening_hours.count() == 4
    assert fair.opening_hours.last().closes == datetime.time(18)


def test_a_page_without_a_map_image_or_hours_still_renders(client, homes):
    EditionFactory(is_current=True)
    demo_practical_info_ensure(edition=EditionFactory(is_current=False))

    response = client.get("/fr/infos-pratiques/")

    assert response.status_code == 200
    assert "<img" not in body_of(response)


def test_opening_hours_must_close_after_they_open(fair):
    hours = OpeningHours(
        edition=fair,
        date=fair.starts_on,
        opens=datetime.time(20),
        closes=datetime.time(10),
    )

    with pytest.raises(ValidationError) as error:
        hours.clean()

    assert "closes" in error.value.message_dict


def test_opening_hours_must_be_on_one_of_the_edition_s_days(fair):
    hours = OpeningHours(
        edition=fair,
        date=fair.ends_on + datetime.timedelta(days=1),
        opens=datetime.time(10),
        closes=datetime.time(18),
    )

    with pytest.raises(ValidationError) as error:
        hours.clean()

    assert "date" in error.value.message_dict


def test_the_organiser_is_told_in_arabic_when_the_hours_are_wrong(client, fair, settings):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    user = UserFactory(groups=["Organisers"], language="ar")
    user.user_permissions.add(*Permission.objects.filter(codename__endswith="openinghours"))
    client.force_login(user)

    response = client.post(
        "/admin/opening_hours/new/",
        {"edition": fair.pk, "date": "2126-12-09", "opens": "18:00", "closes": "10:00"},
        HTTP_ACCEPT_LANGUAGE="ar",
    )

    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"date", "closes"}
    assert not OpeningHours.objects.filter(date=datetime.date(2126, 12, 9)).exists()


def test_the_registration_page_shows_the_venue_and_links_to_the_practical_page(client, fair):
    html = client.get("/ar/visit/").content.decode()

    assert re.search(r"<address[^>]*>.*فضاء المعارض بوجدة", html, re.S)
    assert 'href="/ar/practical-information/"' in html


def test_each_language_option_is_marked_as_its_language(client, fair):
    fair.visitor_registration_opens_at = fair.today_start() - datetime.timedelta(days=1)
    fair.save()

    html = client.get("/ar/visit/").content.decode()

    assert re.search(r'<option value="fr" lang="fr" dir="ltr"[^>]*>Français</option>', html)
    assert re.search(r'<option value="en" lang="en" dir="ltr"[^>]*>English</option>', html)


@pytest.mark.parametrize(
    ("language", "dates", "venue"),
    [
        ("ar", "3–6 دجنبر 2126", "فضاء المعارض بوجدة، وجدة"),
        ("fr", "3–6 décembre 2126", "Parc des expositions d'Oujda, Oujda"),
    ],
)
def test_the_badge_says_when_and_where_the_fair_is(fair, language, dates, venue):
    _attendee, badge = attendee_register(edition=fair, category="visitor", full_name="Karim Benali")

    text = re.sub(r"\s+", " ", pdf_text(badges_pdf([badge], language=language)))

    # The text layer holds lines in the order they are drawn: in an Arabic line the days
    # read from the right, "6–3" on the page.
    day_range, _space, month_year = dates.partition(" ")
    if language == "ar":
        day_range = "–".join(reversed(day_range.split("–")))
    assert day_range in text and month_year.split()[0] in text and "2126" in text
    if language == "fr":
        assert dates in text
    assert venue in text


def test_edition_days_across_two_months():
    from django.utils import translation

    with translation.override("fr"):
        text = date_range(datetime.date(2126, 11, 30), datetime.date(2126, 12, 3))

    assert text == "30 novembre – 3 décembre 2126"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_puts_the_old_address_in_the_language_it_is_written_in():
    executor = MigrationExecutor(connection)
    before = [("events", "0012_programme_left")]
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldVenue = old_apps.get_model("events", "Venue")
    arabic = OldVenue.objects.create(
        name_ar="قاعة", name_fr="Salle", address="شارع محمد الخامس، بركان", city="بركان"
    )
    latin = OldVenue.objects.create(
        name_ar="قاعة", name_fr="Salle", address="Boulevard Mohammed VI", city="Oujda"
    )
    try:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

        arabic, latin = Venue.objects.get(pk=arabic.pk), Venue.objects.get(pk=latin.pk)
        assert (arabic.address_ar, arabic.address_fr) == ("شارع محمد الخامس، بركان", "")
        assert (arabic.city_ar, arabic.city_fr) == ("بركان", "")
        assert (latin.address_ar, latin.address_fr) == ("", "Boulevard Mohammed VI")
        assert (latin.city_ar, latin.city_fr, latin.city_en) == ("وجدة", "Oujda", "Oujda")
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_migration_module_imports():
    assert importlib.import_module("events.migrations.0013_practical_information")
