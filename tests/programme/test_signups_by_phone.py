"""An account reached only by phone signs up for sessions like any other: its registration is
made with its number (the badge link goes by SMS), or found when the number registered first."""

import pytest

from events.models import Attendee
from events.services.badges import visitor_register
from fairsite.sms import outbox
from programme.services.signups import session_signup_for_user
from tests.factories import SessionFactory, UserFactory

pytestmark = pytest.mark.django_db

PHONE = "+212661112233"


def phone_account():
    return UserFactory(email=None, phone=PHONE, phone_verified=True, verified=False)


def test_a_phone_only_account_signs_up_and_gets_its_badge_by_sms(
    fair_today, django_capture_on_commit_callbacks
):
    workshop = SessionFactory(edition=fair_today, ahead=True, signup_required=True, capacity=5)
    outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        signup = session_signup_for_user(user=phone_account(), session=workshop)

    assert signup.attendee.phone == PHONE and signup.attendee.email == ""
    assert [message.to for message in outbox] == [PHONE]


def test_the_number_s_earlier_registration_is_found(fair_today):
    workshop = SessionFactory(edition=fair_today, ahead=True, signup_required=True, capacity=5)
    badge, _new = visitor_register(edition=fair_today, full_name="Fatima", phone=PHONE)
    user = phone_account()

    signup = session_signup_for_user(user=user, session=workshop)

    assert signup.attendee == badge.attendee
    assert Attendee.objects.get(pk=badge.attendee.pk).user == user
