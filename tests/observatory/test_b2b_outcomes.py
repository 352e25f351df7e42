"""What came of the B2B meetings as indicators: meetings held and no-shows by both sides'
answers, outcomes by kind and by partner region, and the declared value, counted once a
meeting and kept off the public pages."""

import datetime
import decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from b2b.services.outcomes import meeting_feedback_give
from observatory import selectors as indicators
from observatory.forms import PublishedFiguresForm
from observatory.models import PublishedFigures
from observatory.presenting import published_keys
from tests.factories import B2BParticipantFactory, EditionFactory, PartnerRegionFactory
from tests.factories.records import AttendeeFactory, B2BMeetingFactory, MeetingRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def fair(db):
    return EditionFactory(is_current=True, year=2031)


def meeting(edition, first=None, second=None, *, hours=-1, **request):
    first = first or B2BParticipantFactory(edition=edition)
    second = second or B2BParticipantFactory(edition=edition)
    starts = timezone.now() + datetime.timedelta(hours=hours)
    return B2BMeetingFactory(
        request=MeetingRequestFactory(
            edition=edition, requester=first, recipient=second, status="accepted", **request
        ),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=20),
    )


def say(meeting, side, held, outcome="none", amount=None):
    by = meeting.request.requester if side == 0 else meeting.request.recipient
    amount = decimal.Decimal(amount) if amount is not None else None
    return meeting_feedback_give(meeting=meeting, by=by, held=held, outcome=outcome, amount=amount)


def test_meetings_held_no_shows_and_outcomes_by_both_sides_answers(fair):
    both_held = meeting(fair)
    say(both_held, 0, "held", "order")
    say(both_held, 1, "held", "partnership")  # counted once, for the most either reports
    one_held = meeting(fair)
    say(one_held, 0, "held", "follow_up")
    no_show = meeting(fair)
    say(no_show, 0, "other_absent")
    say(no_show, 1, "held", "order")  # the one said absent: a no-show, no outcome
    missed = meeting(fair)
    say(missed, 0, "other_absent")
    say(missed, 1, "other_absent")
    meeting(fair)  # nobody answered
    meeting(fair, hours=2)  # not begun: not counted
    called_off = meeting(fair)
    say(called_off, 0, "held", "order")
    called_off.cancelled_at = timezone.now()
    called_off.save()
    rehearsal = meeting(
        fair, B2BParticipantFactory(edition=fair, attendee=AttendeeFactory(category="test"))
    )
    say(rehearsal, 0, "held", "order")
    meeting(EditionFactory(), hours=-1)  # another edition's

    held = indicators.indicator("b2b_held", fair)
    outcomes = indicators.indicator("b2b_outcomes", fair)

    assert held.rows == [
        ("Took place", 2),
        ("One side did not come", 1),
        ("Did not take place", 1),
        ("Not reported yet", 1),
    ]
    assert held.headline == ("B2B meetings reported held", 2, "")
    assert outcomes.rows == [
        ("No follow-up", 0),
        ("Follow-up planned", 1),
        ("Samples or an order", 0),
        ("Distribution agreement", 0),
        ("Partnership project", 1),
    ]
    assert outcomes.headline == ("B2B meetings followed up", 2, "")


def test_outcomes_by_partner_region_of_either_side_confidential_ones_unnamed(fair):
    occitanie = PartnerRegionFactory(name_fr="Occitanie", name_en="Occitania")
    senegal = PartnerRegionFactory(name_fr="Dakar", name_en="Dakar")
    secret = PartnerRegionFactory(name_fr="Secrète", name_en="Secret", is_public=False)

    def delegate(region):
        return B2BParticipantFactory(edition=fair, partner_region=region)

    between = meeting(fair, delegate(occitanie), delegate(senegal))  # counts for both
    say(between, 0, "held", "partnership")
    for _n in range(2):
        say(meeting(fair, None, delegate(occitanie)), 1, "held", "follow_up")
    say(meeting(fair, delegate(occitanie)), 0, "held", "none")  # nothing came of it
    say(meeting(fair, delegate(secret)), 0, "held", "order")

    by_region = indicators.indicator("b2b_outcomes_region", fair)

    assert by_region.rows == [("Occitania", 3), ("Dakar", 1), ("Confidential partners", 1)]
    assert "Secret" not in str(by_region.rows)


def test_declared_value_once_a_meeting_the_smaller_of_two_internal(fair):
    two = meeting(fair)
    say(two, 0, "held", "order", "10000")
    say(two, 1, "held", "order", "12000")  # the same deal: 10,000 counted
    say(meeting(fair), 0, "held", "distribution", "5000.50")
    one = meeting(fair)
    say(one, 0, "held", "partnership")
    say(one, 1, "held", "partnership", "2000")
    absent = meeting(fair)
    say(absent, 0, "other_absent")
    say(absent, 1, "held", "order", "999999")  # a no-show declares nothing

    value = indicators.indicator("b2b_value", fair)

    assert value.rows == [("Meetings with a declared value", 3), ("Declared value (MAD)", 17000.5)]
    assert value.headline is None
    assert not value.public


def test_a_declared_value_of_fewer_meetings_is_not_shown(fair):
    say(meeting(fair), 0, "held", "order", "40000")
    say(meeting(fair), 0, "held", "order", "1000")
    value = indicators.indicator("b2b_value", fair)
    assert value.rows == [("Meetings with a declared value", 2)]


def test_the_declared_value_is_never_offered_nor_published(fair):
    assert "b2b_value" not in dict(indicators.catalogue_choices())
    assert "b2b_outcomes" in dict(indicators.catalogue_choices())
    offered = PublishedFiguresForm.base_fields["indicators"].choices
    assert "b2b_value" not in dict(offered) and "b2b_held" in dict(offered)
    # Even one chosen before it was kept for the dashboard stays off the public pages.
    figures = PublishedFigures.load()
    figures.indicators = ["b2b_held", "b2b_value"]
    figures.save()
    assert published_keys() == ["b2b_held"]


def test_the_outcome_indicators_count_in_the_same_queries_whatever_the_meetings(fair):
    keys = ["b2b_held", "b2b_outcomes", "b2b_outcomes_region", "b2b_value"]
    region = PartnerRegionFactory()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            for key in keys:
                indicators.indicator(key, fair)
        return len(captured)

    say(
        meeting(fair, B2BParticipantFactory(edition=fair, partner_region=region)),
        0,
        "held",
        "order",
        "10",
    )
    few = queries()
    for n in range(12):
        held = meeting(fair, B2BParticipantFactory(edition=fair, partner_region=region))
        say(held, 0, ["held", "other_absent", "not_held"][n % 3], "order", "10")
        say(held, 1, "held", "distribution")
        PartnerRegionFactory()
    assert queries() == few
