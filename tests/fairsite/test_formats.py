"""Dates, numbers, lists and the fair's clock as each language writes them."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from fairsite.i18n import join_list
from tests.factories import EditionFactory

MOMENT = datetime.datetime(2026, 12, 3, 8, 49, tzinfo=zoneinfo.ZoneInfo("Africa/Casablanca"))


@pytest.mark.parametrize(
    ("language", "date", "moment"),
    [
        ("ar", "3 دجنبر 2026", "3 دجنبر 2026، 08:49"),
        ("fr", "3 décembre 2026", "3 décembre 2026 08:49"),
    ],
)
def test_one_date_style_day_first_with_the_moroccan_month_names(language, date, moment):
    with translation.override(language):
        assert formats.date_format(MOMENT.date()) == date
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == moment
        rendered = Template('{{ at|date }} | {{ at|date:"DATETIME_FORMAT" }}').render(
            Context({"at": MOMENT})
        )
    assert rendered == f"{date} | {moment}"


@pytest.mark.parametrize(("language", "grouped"), [("ar", "12\xa0345,5"), ("fr", "12\xa0345,5")])
def test_numbers_are_grouped_by_threes(language, grouped):
    with translation.override(language):
        assert formats.number_format(12345.5, use_l10n=True, force_grouping=True) == grouped


@pytest.mark.parametrize(("language", "joined"), [("ar", "زيت، تمر"), ("fr", "zit, tmar")])
def test_a_list_takes_the_languages_comma(language, joined):
    words = ["زيت", "تمر"] if language == "ar" else ["zit", "tmar"]
    with translation.override(language):
        assert join_list(words) == joined


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "label"),
    [("ar", "توقيت المعرض (غرينتش+1)"), ("fr", "heure du Salon (UTC+1)")],
)
def test_the_fairs_clock_is_named_for_people_not_by_its_zone(language, label):
    edition = EditionFactory(time_zone="Africa/Casablanca", starts_on=datetime.date(2026, 12, 3))
    with translation.override(language):
        assert edition.clock_label == label
    assert "Casablanca" not in label
