"""One person, one registration: an account finds the badge registered with its address or
number, and two registrations of the same person become one."""

import pytest

from events.models import Attendee, Badge, Consent
from events.services.badges import attendee_register
from events.services.consents import consent_give
from events.services.people import attendee_of_account, attendees_merge
from fairsite.models import OutboundEmail
from programme.models import SessionSignup
from programme.services.signups import attendee_for_user, session_signup
from tests.factories import SessionFactory, UserFactory

pytestmark = pytest.mark.django_db


def visitor(edition, *, email="", phone="", name="Salma Alaoui"):
    return attendee_register(
        edition=edition, category="visitor", full_name=name, email=email, phone=phone
    )


def test_an_account_finds_the_badge_registered_with_its_address(fair_today):
    attendee, badge = visitor(fair_today, email="salma@fair.example")
    user = UserFactory(email="SALMA@fair.example")

    assert attendee_of_account(user=user, edition=fair_today) == attendee
    assert Attendee.objects.get(pk=attendee.pk).user == user
    assert attendee_for_user(user=user, edition=fair_today).badges.get() == badge


def test_a_number_counts_only_once_verified(fair_today):
    attendee, _badge = visitor(fair_today, phone="+212612345678")
    user = UserFactory(email="another@fair.example", phone="+212612345678", phone_verified=False)

    assert attendee_of_account(user=user, edition=fair_today) is None
    user.phone_verified = True
    assert attendee_of_account(user=user, edition=fair_today) == attendee


def test_another_account_s_registration_is_never_taken(fair_today):
    attendee, _badge = visitor(fair_today, email="salma@fair.example")
    owner = UserFactory(email="owner@fair.example")
    attendee.user = owner
    attendee.save()
    someone = UserFactory(email="salma@fair.example")

    assert attendee_of_account(user=someone, edition=fair_today) is None


def test_a_person_registered_by_address_and_by_number_becomes_one(fair_today):
    """Salma signed up for a session with her account (a badge by e-mail), and her phone was
    registered at the desk: once her account's number is verified, she is one registration,
    with one badge that opens the gates and both sign-ups."""
    workshop = SessionFactory(edition=fair_today, ahead=True, signup_required=True, capacity=5)
    talk = SessionFactory(edition=fair_today, ahead=True, signup_required=True, capacity=5)
    user = UserFactory(email="salma@fair.example", first_name="Salma", last_name="Alaoui")
    kept = attendee_for_user(user=user, edition=fair_today)
    session_signup(session=workshop, attendee=kept)
    by_phone, phone_badge = visitor(fair_today, phone="+212612345678", name="Salma A.")
    session_signup(session=workshop, attendee=by_phone)  # the same session twice
    session_signup(session=talk, attendee=by_phone)
    consent_give(attendee=by_phone, kind="photos", language="fr")
    OutboundEmail.objects.all().delete()

    user.phone, user.phone_verified = "+212612345678", True
    user.save()
    found = attendee_of_account(user=user, edition=fair_today)

    assert found == kept and not Attendee.objects.filter(pk=by_phone.pk).exists()
    kept.refresh_from_db()
    assert (kept.phone, kept.full_name) == ("+212612345678", "Salma Alaoui")
    assert sorted(s.session_id for s in SessionSignup.objects.filter(attendee=kept)) == sorted(
        [workshop.pk, talk.pk]
    )
    assert Consent.objects.filter(attendee=kept, kind="photos").exists()
    badges = Badge.objects.filter(attendee=kept)
    assert badges.count() == 2 and badges.active().count() == 1
    assert Badge.objects.get(pk=phone_badge.pk).status == "revoked"
    assert [mail.to for mail in OutboundEmail.objects.all()] == [["salma@fair.example"]]


def test_two_editions_are_never_merged(fair_today):
    from tests.factories import EditionFactory

    one, _ = visitor(fair_today, email="a@fair.example")
    other, _ = visitor(EditionFactory(year=2031), email="a@fair.example")

    with pytest.raises(ValueError):
        attendees_merge(keep=one, duplicate=other)


def test_the_agenda_links_to_the_account_s_badge(client, homes, fair_today):
    from programme.services.pages import programme_pages_ensure

    programme_pages_ensure(homes=homes)
    attendee, badge = visitor(fair_today, email="salma@fair.example")
    user = UserFactory(email="salma@fair.example")
    client.force_login(user)

    page = client.get("/fr/programme/agenda/", follow=True).content.decode()

    assert "Mon badge" in page and "/fr/visit/badge/" in page
