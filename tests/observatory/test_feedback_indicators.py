"""What people said after the sessions and the fair, as the observatory counts it: ratings by
session and by track, the visitors' and exhibitors' satisfaction, declared sales by province
and by sector, contacts made; never a group of fewer than five answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from feedback.models import ExhibitorSurvey, SessionRating, VisitorSurvey
from observatory import selectors as indicators
from observatory.selectors import FEEDBACK_AT_LEAST, Group, suppress_small_groups
from tests.factories import (
    ApplicationFactory,
    CooperativeFactory,
    EditionFactory,
    SessionFactory,
    TrackFactory,
)
from tests.factories.records import AttendeeFactory

pytestmark = pytest.mark.django_db

FEEDBACK_KEYS = [
    "feedback_sessions",
    "feedback_tracks",
    "feedback_visitors",
    "feedback_exhibitors",
    "feedback_sales_province",
    "feedback_sales_sector",
    "feedback_contacts",
]


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def fair(db):
    return EditionFactory(is_current=True)


def rate(session, *scores):
    for score in scores:
        SessionRating.objects.create(
            session=session, attendee=AttendeeFactory(edition=session.edition), score=score
        )


def exhibitor_answer(edition, *, province="berkane", sector="agri_food", **answers):
    application = ApplicationFactory(
        edition=edition,
        status="confirmed",
        cooperative=CooperativeFactory(province=province, sector=sector),
    )
    answers = {"satisfaction": 4, "come_again": "yes", **answers}
    return ExhibitorSurvey.objects.create(application=application, **answers)


def test_the_rule_hides_four_answers_and_shows_five():
    assert FEEDBACK_AT_LEAST == 5
    assert suppress_small_groups([Group("A", 4, 16)], other="Other") == []
    assert suppress_small_groups([Group("A", 5, 20)], other="Other") == [Group("A", 5, 20)]


def test_the_rule_merges_small_groups_into_other():
    kept = suppress_small_groups(
        [Group("A", 9, 36), Group("B", 3, 6), Group("C", 2, 2)], other="Other"
    )
    assert kept == [Group("A", 9, 36), Group("Other", 5, 8)]


def test_the_rule_adds_the_smallest_shown_group_when_other_would_be_told_by_subtraction():
    kept = suppress_small_groups(
        [Group("A", 8, 30), Group("B", 6, 20), Group("C", 1, 5)], other="Other"
    )
    # "C" alone (1 answer) could be worked out from the total: B goes with it.
    assert kept == [Group("A", 8, 30), Group("Other", 7, 25)]
    assert all(group.answers >= 5 for group in kept)


def test_the_rule_puts_everything_in_other_when_only_that_is_safe():
    kept = suppress_small_groups([Group("A", 5, 20), Group("B", 2, 4)], other="Other")
    assert kept == [Group("Other", 7, 24)]


def test_a_track_with_four_ratings_is_hidden_and_with_five_shown(fair):
    track = TrackFactory(edition=fair, name_en="Export")
    session = SessionFactory(edition=fair, track=track)
    rate(session, 5, 4, 4, 3)

    hidden = indicators.indicator("feedback_tracks", fair)
    rate(session, 4)
    shown = indicators.indicator("feedback_tracks", fair)

    assert hidden.rows == [] and hidden.headline is None
    assert shown.rows == [("Export (5 answers)", 4.0)]
    assert shown.headline.value == 4.0


def test_session_ratings_show_each_session_with_enough_answers_and_merge_the_rest(fair):
    busy = SessionFactory(edition=fair, title_en="Cooperatives and export")
    quiet = SessionFactory(edition=fair, title_en="Honey labels")
    other = SessionFactory(edition=fair, title_en="Argan")
    rate(busy, 5, 5, 4, 4, 2)
    rate(quiet, 1, 2, 3)
    rate(other, 5, 5)

    rows = dict(indicators.indicator("feedback_sessions", fair).rows)

    assert rows == {"Cooperatives and export (5 answers)": 4.0, "Other sessions (5 answers)": 3.2}
    assert not indicators.CATALOGUE["feedback_sessions"].public


def test_test_badges_ratings_are_not_counted(fair):
    session = SessionFactory(edition=fair)
    rate(session, 5, 5, 5, 5)
    SessionRating.objects.create(
        session=session, attendee=AttendeeFactory(edition=fair, category="test"), score=1
    )
    assert indicators.indicator("feedback_tracks", fair).rows == []


def test_visitor_satisfaction_from_five_answers(fair):
    for satisfaction, again in [(5, "yes"), (4, "yes"), (4, "no"), (3, "maybe")]:
        VisitorSurvey.objects.create(
            attendee=AttendeeFactory(edition=fair),
            edition=fair,
            satisfaction=satisfaction,
            come_again=again,
        )
    assert indicators.indicator("feedback_visitors", fair).rows == []

    VisitorSurvey.objects.create(
        attendee=AttendeeFactory(edition=fair), edition=fair, satisfaction=4, come_again="yes"
    )
    rows = dict(indicators.indicator("feedback_visitors", fair).rows)

    assert rows == {
        "Answers": 5,
        "Average satisfaction (out of 5)": 4.0,
        "Would come again (%)": 60.0,
    }


def test_sales_by_province_never_name_a_province_with_fewer_than_five(fair):
    for amount in (1000, 2000, 3000, 4000, 5000, 6000):
        exhibitor_answer(fair, province="berkane", sales=amount)
    exhibitor_answer(fair, province="figuig", sales=90_000)

    indicator = indicators.indicator("feedback_sales_province", fair)

    # Figuig alone would tell its cooperative's sales; Berkane shown beside the total would too.
    assert indicator.rows == [("Other (7 answers)", 111_000.0)]
    assert not indicator.public
    assert "feedback_sales_province" not in dict(indicators.catalogue_choices())
    assert "feedback_sales_sector" not in dict(indicators.catalogue_choices())


def test_sales_by_sector_shows_sectors_with_five_answers(fair):
    for _n in range(5):
        exhibitor_answer(fair, sector="agri_food", sales=1000)
    for _n in range(5):
        exhibitor_answer(fair, sector="crafts", sales=500)
    exhibitor_answer(fair, sector="crafts")  # no sales given: not counted

    rows = indicators.indicator("feedback_sales_sector", fair).rows

    assert rows == [("Agri-food (5 answers)", 5000.0), ("Crafts (5 answers)", 2500.0)]


def test_exhibitor_satisfaction_and_contacts_hidden_below_five(fair):
    for contacts in (3, 10, 7, 0):
        exhibitor_answer(fair, contacts=contacts, satisfaction=5)
    assert indicators.indicator("feedback_exhibitors", fair).rows == []
    assert indicators.indicator("feedback_contacts", fair).rows == []

    exhibitor_answer(fair, contacts=5, satisfaction=3)

    assert dict(indicators.indicator("feedback_contacts", fair).rows) == {
        "Exhibitors who answered": 5,
        "Contacts made": 25,
        "Contacts by exhibitor": 5.0,
    }
    assert (
        dict(indicators.indicator("feedback_exhibitors", fair).rows)[
            "Average satisfaction (out of 5)"
        ]
        == 4.6
    )


def _queries(edition, key) -> int:
    with CaptureQueriesContext(connection) as captured:
        indicators.indicator(key, edition)
    return len(captured)


def _answers(edition, n):
    tracks = [TrackFactory(edition=edition) for _i in range(3)]
    for index in range(n):
        session = SessionFactory(edition=edition, track=tracks[index % 3])
        rate(session, 4, 5, 3, 4, 5)
        VisitorSurvey.objects.create(
            attendee=AttendeeFactory(edition=edition),
            edition=edition,
            satisfaction=4,
            come_again="yes",
        )
        exhibitor_answer(
            edition,
            province=["berkane", "nador", "oujda_angad"][index % 3],
            sector=["agri_food", "crafts"][index % 2],
            sales=1000 * index,
            contacts=index,
        )


@pytest.mark.parametrize("key", FEEDBACK_KEYS)
def test_query_count_flat_in_the_number_of_answers(key):
    small, large = EditionFactory(), EditionFactory()
    _answers(small, 5)
    _answers(large, 20)

    assert _queries(small, key) == _queries(large, key)
    assert indicators.indicator(key, large).rows
