import datetime

import pytest
from django.utils import timezone

from events.services.badge_links import badge_link_token
from programme.models import SessionAttendance, SessionSignup
from tests.factories import EditionFactory, SessionFactory
from tests.factories.records import BadgeFactory


@pytest.fixture
def fair_yesterday(db):
    """An edition that began yesterday and ends in two days: yesterday's sessions are over,
    the surveys not yet open."""
    today = timezone.localdate()
    return EditionFactory(
        is_current=True,
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=2),
    )


@pytest.fixture
def past_session(fair_yesterday):
    return SessionFactory(
        edition=fair_yesterday, title_ar="ورشة التعبئة", title_fr="Atelier emballage"
    )


@pytest.fixture
def future_session(fair_yesterday):
    today = timezone.localdate()
    starts = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time(10), tzinfo=fair_yesterday.zone
    )
    return SessionFactory(
        edition=fair_yesterday, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    )


def make_badge(edition, **attendee):
    return BadgeFactory(
        attendee__edition=edition, **{f"attendee__{k}": v for k, v in attendee.items()}
    )


def attend(session, attendee):
    return SessionAttendance.objects.create(
        session=session, attendee=attendee, via="walk_in", admitted_at=session.starts_at
    )


def sign_up(session, attendee, status="confirmed"):
    return SessionSignup.objects.create(session=session, attendee=attendee, status=status)


def token(badge):
    return badge_link_token(badge)
