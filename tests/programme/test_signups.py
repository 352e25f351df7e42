import pytest

from events.models import Attendee
from events.services.badges import attendee_register
from fairsite.models import OutboundEmail
from programme.choices import SignupStatus
from programme.errors import ProgrammeError
from programme.models import SessionSignup
from programme.services.sessions import session_save
from programme.services.signups import attendee_for_user, seats_left, session_signup, signup_cancel
from tests.factories import EditionFactory, RoomFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db


def visitor(edition, name, language="fr"):
    return attendee_register(
        edition=edition,
        category="visitor",
        full_name=name,
        email=f"{name.lower()}@fair.example",
        language=language,
    )[0]


@pytest.fixture
def workshop(fair_today):
    return SessionFactory(edition=fair_today, ahead=True, capacity=2, signup_required=True)


def test_places_then_the_waiting_list(workshop):
    people = [visitor(workshop.edition, name) for name in ("Salma", "Omar", "Nadia")]

    signups = [session_signup(session=workshop, attendee=person) for person in people]

    assert [s.status for s in signups] == ["confirmed", "confirmed", "waiting"]
    assert seats_left(workshop) == 0
    assert sorted(mail.subject for mail in OutboundEmail.objects.all()) == [
        "Liste d'attente : " + workshop.title_fr,
        "Votre place : " + workshop.title_fr,
        "Votre place : " + workshop.title_fr,
    ]


def test_signing_up_twice_gives_back_the_same_sign_up(workshop):
    salma = visitor(workshop.edition, "Salma")

    first = session_signup(session=workshop, attendee=salma)
    again = session_signup(session=workshop, attendee=salma)

    assert first == again and SessionSignup.objects.count() == 1


def test_a_cancellation_promotes_the_next_person_and_tells_them(workshop):
    salma, omar, nadia, yassine = (
        visitor(workshop.edition, n) for n in ("Salma", "Omar", "Nadia", "Yassine")
    )
    first = session_signup(session=workshop, attendee=salma)
    session_signup(session=workshop, attendee=omar)
    session_signup(session=workshop, attendee=nadia)
    session_signup(session=workshop, attendee=yassine)
    OutboundEmail.objects.all().delete()

    signup_cancel(signup=first)
    signup_cancel(signup=first)  # twice: nothing more happens

    statuses = dict(
        SessionSignup.objects.values_list("attendee__full_name", "status").order_by("pk")
    )
    assert statuses == {
        "Salma": "cancelled",
        "Omar": "confirmed",
        "Nadia": "confirmed",
        "Yassine": "waiting",
    }
    assert list(OutboundEmail.objects.values_list("to", flat=True)) == [["nadia@fair.example"]]


def test_more_places_promote_the_people_waiting(workshop):
    for name in ("Salma", "Omar", "Nadia", "Yassine"):
        session_signup(session=workshop, attendee=visitor(workshop.edition, name))

    workshop.capacity = 3
    session_save(session=workshop)

    assert SessionSignup.objects.filter(status=SignupStatus.CONFIRMED).count() == 3


def test_no_sign_up_where_none_is_taken(fair_today):
    open_talk = SessionFactory(edition=fair_today, ahead=True, signup_required=False)
    draft = SessionFactory(edition=fair_today, ahead=True, signup_required=True, status="draft")
    other_edition = visitor(EditionFactory(), "Karim")

    for session, person in [
        (open_talk, visitor(fair_today, "Salma")),
        (draft, visitor(fair_today, "Omar")),
        (SessionFactory(edition=fair_today, ahead=True, signup_required=True), other_edition),
    ]:
        with pytest.raises(ProgrammeError):
            session_signup(session=session, attendee=person)
    assert not SessionSignup.objects.exists()


def test_a_session_without_a_limit_confirms_everyone(fair_today):
    session = SessionFactory(edition=fair_today, ahead=True, room=None, signup_required=True)

    signups = [
        session_signup(session=session, attendee=visitor(fair_today, f"V{n}")) for n in range(5)
    ]

    assert {s.status for s in signups} == {"confirmed"} and seats_left(session) is None


def test_the_room_s_seats_are_the_default_limit(fair_today):
    room = RoomFactory(venue=fair_today.venue, capacity=1)
    session = SessionFactory(edition=fair_today, ahead=True, room=room, signup_required=True)

    statuses = [
        session_signup(session=session, attendee=visitor(fair_today, n)).status
        for n in ("Salma", "Omar")
    ]

    assert statuses == ["confirmed", "waiting"]


def test_an_account_holder_is_registered_once_with_a_badge(fair_today):
    user = UserFactory(email="hind@fair.example", language="fr")

    first = attendee_for_user(user=user, edition=fair_today)
    again = attendee_for_user(user=user, edition=fair_today)

    assert first == again and first.user == user and first.badges.count() == 1
    badge_mail = OutboundEmail.objects.get()
    assert badge_mail.to == ["hind@fair.example"] and badge_mail.language == "fr"


def test_an_account_holder_who_registered_at_the_gate_page_keeps_that_badge(fair_today):
    registered = visitor(fair_today, "Hind")
    user = UserFactory(email="HIND@fair.example")

    assert attendee_for_user(user=user, edition=fair_today) == registered
    assert Attendee.objects.get(pk=registered.pk).user == user


def test_an_account_holder_s_sign_up_goes_into_their_agenda(workshop):
    from programme.services.signups import session_signup_for_user

    user = UserFactory(email="hind@fair.example")

    signup = session_signup_for_user(user=user, session=workshop)

    assert signup.attendee.user == user and signup.status == "confirmed"
    assert list(user.agenda.sessions.all()) == [workshop]


def test_a_refused_sign_up_leaves_no_registration(fair_today):
    from programme.services.signups import session_signup_for_user

    talk = SessionFactory(edition=fair_today, ahead=True, signup_required=False)

    with pytest.raises(ProgrammeError):
        session_signup_for_user(user=UserFactory(), session=talk)

    assert not Attendee.objects.exists() and not OutboundEmail.objects.exists()
