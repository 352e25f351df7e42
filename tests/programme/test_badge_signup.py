"""A visitor who registered at /visit/ signs up for sessions from their badge's page, with
the badge's link as their key: no account, no second registration."""

import pytest
from django.urls import reverse

from events.services.badge_links import badge_link_token
from events.services.badges import attendee_register, badge_reissue
from programme.models import SessionSignup
from tests.factories import EditionFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(fair_today):
    return SessionFactory(edition=fair_today, ahead=True, capacity=1, signup_required=True)


def registered(edition, name):
    _attendee, badge = attendee_register(
        edition=edition,
        category="visitor",
        full_name=name,
        email=f"{name.lower()}@fair.example",
        language="fr",
    )
    return badge, badge_link_token(badge)


def page(client, token):
    return reverse("events:visitor_badge", args=[token])


def post(client, token, **data):
    return client.post(reverse("attendance:badge_signup", args=[token]), data, follow=True)


def test_the_badge_s_page_signs_its_holder_up_and_lets_them_give_the_place_up(
    client, homes, workshop
):
    badge, token = registered(workshop.edition, "Salma")
    talk = SessionFactory(edition=workshop.edition, ahead=True, signup_required=False)
    shown = client.get(page(client, token)).content.decode()
    assert workshop.title_ar in shown and talk.title_ar not in shown  # only those with sign-up

    signed = post(client, token, session=str(workshop.uid))

    signup = SessionSignup.objects.get(attendee=badge.attendee, session=workshop)
    assert signup.status == "confirmed"
    assert signed.redirect_chain[-1][0].endswith(page(client, token) + "#sessions")
    assert "لكم مقعد محجوز" in signed.content.decode()  # "You have a place", in Arabic

    post(client, token, cancel=str(signup.pk))
    signup.refresh_from_db()
    assert signup.status == "cancelled"


def test_a_full_session_puts_the_holder_on_the_waiting_list(client, homes, workshop):
    first, first_token = registered(workshop.edition, "Omar")
    second, second_token = registered(workshop.edition, "Nadia")
    post(client, first_token, session=str(workshop.uid))

    post(client, second_token, session=str(workshop.uid))

    assert SessionSignup.objects.get(attendee=second.attendee).status == "waiting"


def test_a_badge_reaches_only_its_own_sign_ups_and_edition(client, homes, workshop):
    badge, token = registered(workshop.edition, "Hind")
    other, other_token = registered(workshop.edition, "Karim")
    post(client, other_token, session=str(workshop.uid))
    theirs = SessionSignup.objects.get(attendee=other.attendee)
    elsewhere = SessionFactory(edition=EditionFactory(year=2031), ahead=True, signup_required=True)

    assert post(client, token, cancel=str(theirs.pk)).status_code == 404
    refused = post(client, token, session=str(elsewhere.uid)).content.decode()
    assert post(client, "forged-token", session=str(workshop.uid)).status_code == 404
    assert post(client, token, session="not-a-uid").status_code == 404

    theirs.refresh_from_db()
    assert theirs.status == "confirmed"
    assert "هذه الشارة خاصة بدورة أخرى." in refused
    assert not SessionSignup.objects.filter(attendee=badge.attendee).exists()


def test_a_replaced_badge_s_link_signs_nobody_up(client, homes, workshop):
    badge, token = registered(workshop.edition, "Aicha")
    badge_reissue(badge=badge)

    assert post(client, token, session=str(workshop.uid)).status_code == 404
    assert not SessionSignup.objects.exists()
