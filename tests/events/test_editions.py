import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from events.models import Edition
from events.selectors import shown_edition
from events.services import edition_make_current
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db


def test_current_is_none_until_an_edition_is_made_current():
    EditionFactory()

    assert Edition.objects.current() is None


def test_making_an_edition_current_replaces_the_previous_one():
    old = EditionFactory(is_current=True)
    new = EditionFactory()

    edition_make_current(edition=new)

    assert Edition.objects.current() == new
    old.refresh_from_db()
    assert not old.is_current


def test_pages_show_the_new_current_edition_at_once():
    old = EditionFactory(is_current=True)
    new = EditionFactory()
    assert shown_edition() == old  # kept by this process

    edition_make_current(edition=new)

    assert shown_edition() == new


def test_the_database_refuses_two_current_editions():
    EditionFactory(is_current=True)

    with pytest.raises(IntegrityError), transaction.atomic():
        EditionFactory(is_current=True)


def test_the_database_refuses_an_edition_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        EditionFactory(starts_on=datetime.date(2030, 5, 10), ends_on=datetime.date(2030, 5, 9))


def test_validation_explains_a_second_current_edition():
    EditionFactory(is_current=True)
    second = EditionFactory.build(is_current=True, venue=None)

    with translation.override("fr"), pytest.raises(ValidationError) as error:
        second.full_clean()

    assert "Une autre édition est déjà l'édition en cours" in str(error.value)


def test_registration_must_close_after_it_opens():
    now = timezone.now()
    edition = EditionFactory.build(
        venue=None,
        exhibitor_registration_opens_at=now,
        exhibitor_registration_closes_at=now - datetime.timedelta(days=1),
    )

    with pytest.raises(ValidationError) as error:
        edition.full_clean()

    assert "exhibitor_registration_closes_at" in error.value.message_dict


def test_registration_windows():
    now = timezone.now()
    edition = EditionFactory(
        exhibitor_registration_opens_at=now - datetime.timedelta(days=1),
        exhibitor_registration_closes_at=now + datetime.timedelta(days=1),
        visitor_registration_opens_at=now + datetime.timedelta(days=1),
    )

    assert edition.exhibitor_registration_is_open()
    assert not edition.exhibitor_registration_is_open(at=now + datetime.timedelta(days=2))
    assert not edition.visitor_registration_is_open()
    assert edition.visitor_registration_is_open(at=now + datetime.timedelta(days=30))


def test_days_cover_first_to_last():
    edition = EditionFactory(
        starts_on=datetime.date(2030, 5, 9), ends_on=datetime.date(2030, 5, 12)
    )

    assert edition.days == [datetime.date(2030, 5, d) for d in (9, 10, 11, 12)]


def test_unknown_time_zone_is_refused():
    edition = EditionFactory.build(venue=None, time_zone="Africa/Oujda")

    with pytest.raises(ValidationError) as error:
        edition.full_clean()

    assert "time_zone" in error.value.message_dict


def test_name_follows_the_active_language():
    edition = EditionFactory(name_en="")
    with translation.override("ar"):
        assert edition.name == edition.name_ar
    with translation.override("fr"):
        assert edition.name == edition.name_fr
    with translation.override("en"):
        assert edition.name == edition.name_fr  # falls back to French rather than nothing
