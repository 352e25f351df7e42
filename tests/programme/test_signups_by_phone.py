"""An account reached only by phone signs up for sessions like any other: its registration is
made with its number (the badge link goes by SMS), or found when the number registered first."""

import pytest

from events.models import Attendee
from events.services.badges import visitor_register
from fairsite.sms import outbox
from programme.models import SessionChange
from programme.services.sessions import session_change_notify
from programme.services.signups import session_signup, session_signup_for_user
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
    # The badge link, and the place: both to the number.
    assert {message.to for message in outbox} == {PHONE} and len(outbox) == 2
    assert any("/visit/badge/" in message.body for message in outbox)


def test_the_number_s_earlier_registration_is_found(fair_today):
    workshop = SessionFactory(edition=fair_today, ahead=True, signup_required=True, capacity=5)
    badge, _new = visitor_register(edition=fair_today, full_name="Fatima", phone=PHONE)
    user = phone_account()

    signup = session_signup_for_user(user=user, session=workshop)

    assert signup.attendee == badge.attendee
    assert Attendee.objects.get(pk=badge.attendee.pk).user == user


def test_a_phone_only_visitor_is_told_of_a_change_by_sms_in_their_language(
    fair_today, django_capture_on_commit_callbacks
):
    workshop = SessionFactory(edition=fair_today, ahead=True, signup_required=True, capacity=5)
    badge, _new = visitor_register(
        edition=fair_today, full_name="Fatima", phone=PHONE, language="fr"
    )
    session_signup(session=workshop, attendee=badge.attendee)
    outbox.clear()
    change = SessionChange.objects.create(
        session=workshop, kind="moved", sequence=1, previous_starts_at=workshop.starts_at
    )

    with django_capture_on_commit_callbacks(execute=True):
        told = session_change_notify(change_id=change.pk)

    assert told == 1
    [message] = outbox
    assert message.to == PHONE
    assert workshop.title_fr in message.body and "a été modifiée" in message.body
    assert "\n\n\n" not in message.body
