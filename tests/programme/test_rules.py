import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import translation

from programme.choices import SessionStatus
from programme.errors import ProgrammeError
from programme.models import RoomAvailability, SessionChange
from programme.services.sessions import (
    programme_clashes,
    session_cancel,
    session_clashes,
    session_publish,
    session_save,
)
from programme.services.signups import session_signup
from tests.factories import RoomFactory, SessionFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

FAIR = ZoneInfo("Africa/Casablanca")


@pytest.fixture(autouse=True)
def in_french():
    with translation.override("fr"):
        yield


def at(edition, hour, minute=0, day=0):
    date = edition.starts_on + datetime.timedelta(days=day)
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=FAIR)


@pytest.fixture
def room(fair_today):
    return RoomFactory(venue=fair_today.venue, capacity=40)


def draft(edition, room, hour=10, minutes=60, day=0, **fields):
    return SessionFactory(
        edition=edition,
        room=room,
        starts_at=at(edition, hour, day=day),
        ends_at=at(edition, hour, day=day) + datetime.timedelta(minutes=minutes),
        status=SessionStatus.DRAFT,
        **fields,
    )


def hard(clashes):
    return [clash.message for clash in clashes if clash.hard]


def test_a_room_with_two_sessions_at_once_is_a_hard_clash_naming_both(fair_today, room):
    first = draft(fair_today, room, title_fr="Ouverture officielle")
    second = draft(fair_today, room, hour=10, minutes=30, title_fr="Atelier étiquetage")

    with pytest.raises(ProgrammeError) as refused:
        session_publish(session=second)

    assert "Ouverture officielle" in str(refused.value)
    assert "Atelier étiquetage" in str(refused.value)
    assert refused.value.clashes[0].other == first
    second.refresh_from_db()
    assert second.status == SessionStatus.DRAFT


def test_back_to_back_sessions_do_not_clash(fair_today, room):
    draft(fair_today, room, hour=10)
    later = draft(fair_today, room, hour=11)

    assert hard(session_clashes(later)) == []


def test_a_speaker_in_two_rooms_at_once(fair_today, room):
    speaker = SpeakerFactory(name_latin="Aïcha Diop")
    draft(fair_today, room, speakers=[speaker])
    elsewhere = draft(fair_today, RoomFactory(venue=fair_today.venue), hour=10, minutes=15)

    assert hard(session_clashes(elsewhere)) == []
    clashes = hard(session_clashes(elsewhere, speakers=[speaker]))

    assert len(clashes) == 1 and "Aïcha Diop" in clashes[0]


def test_a_cancelled_session_frees_its_room(fair_today, room):
    first = draft(fair_today, room)
    session_publish(session=first)
    session_cancel(session=first)

    assert hard(session_clashes(draft(fair_today, room))) == []


def test_outside_the_edition_s_days(fair_today, room):
    session = draft(fair_today, room)
    session.starts_at = at(fair_today, 10, day=-1)
    session.ends_at = at(fair_today, 11, day=-1)

    assert "en dehors des jours de l'édition" in hard(session_clashes(session))[0]


def test_a_session_ending_at_midnight_after_the_last_day_is_inside(fair_today, room):
    last = (fair_today.ends_on - fair_today.starts_on).days
    session = draft(fair_today, room)
    session.starts_at = at(fair_today, 22, day=last)
    session.ends_at = at(fair_today, 0, day=last + 1)

    assert hard(session_clashes(session)) == []


def test_outside_the_room_s_availability(fair_today, room):
    RoomAvailability.objects.create(
        room=room, starts_at=at(fair_today, 9), ends_at=at(fair_today, 13)
    )
    morning = draft(fair_today, room, hour=11)
    evening = draft(fair_today, room, hour=14)

    assert hard(session_clashes(morning)) == []
    assert "disponible" in hard(session_clashes(evening))[0]


def test_soft_warnings_do_not_block_publishing(fair_today, room):
    session = draft(fair_today, room, capacity=60)

    warnings = session_publish(session=session)

    assert session.status == SessionStatus.PUBLISHED
    assert [clash.hard for clash in warnings] == [False]
    assert "60" in warnings[0].message and "40" in warnings[0].message


def test_the_whole_programme_s_clashes_match_each_session_s(fair_today, room):
    speaker = SpeakerFactory()
    sessions = [
        draft(fair_today, room, hour=9),
        draft(fair_today, room, hour=9, minutes=90, speakers=[speaker]),
        draft(fair_today, RoomFactory(venue=fair_today.venue), hour=10, speakers=[speaker]),
        draft(fair_today, None, hour=15),
        draft(fair_today, room, hour=16),
    ]

    found = programme_clashes(fair_today)

    for session in sessions:
        expected = sorted(clash.message for clash in session_clashes(session))
        assert sorted(clash.message for clash in found.get(session.pk, [])) == expected
    assert set(found) == {sessions[0].pk, sessions[1].pk, sessions[2].pk, sessions[3].pk}


def test_a_change_to_a_published_session_bumps_its_revision(fair_today, room):
    session = draft(fair_today, room)
    session_publish(session=session)
    assert session.sequence == 0
    uid = session.uid

    session.title_fr = "Nouveau titre"
    session_save(session=session)
    session.refresh_from_db()

    assert (session.sequence, session.uid) == (1, uid)
    assert not SessionChange.objects.exists()  # a new title is not a move


def test_a_draft_s_changes_do_not_count(fair_today, room):
    session = draft(fair_today, room)
    session.title_fr = "Autre"
    session.starts_at += datetime.timedelta(hours=1)
    session.ends_at += datetime.timedelta(hours=1)
    session_save(session=session)

    assert session.sequence == 0 and not SessionChange.objects.exists()


def test_moving_a_published_session_is_listed_and_mailed_once(
    fair_today, room, django_capture_on_commit_callbacks
):
    from events.services.badges import attendee_register
    from programme.services.sessions import session_change_notify

    session = draft(fair_today, room, day=1, signup_required=True)  # tomorrow: still to come
    session_publish(session=session)
    for name, language in [("Salma", "ar"), ("Julien", "fr")]:
        attendee, _badge = attendee_register(
            edition=fair_today,
            category="visitor",
            full_name=name,
            email=f"{name.lower()}@fair.example",
            language=language,
        )
        session_signup(session=session, attendee=attendee)
    mail.outbox.clear()
    bigger = RoomFactory(venue=fair_today.venue, name_fr="Grande salle", name_ar="القاعة الكبرى")

    with django_capture_on_commit_callbacks(execute=True):
        session.room = bigger
        session.starts_at += datetime.timedelta(hours=2)
        session.ends_at += datetime.timedelta(hours=2)
        session_save(session=session)

    change = SessionChange.objects.get()
    assert (change.kind, change.sequence, change.previous_room) == ("moved", 1, room)
    assert change.notified_at is not None
    subjects = sorted(message.subject for message in mail.outbox)
    assert len(subjects) == 2
    assert any("Nouvel horaire ou nouvelle salle" in s for s in subjects)
    french = next(m for m in mail.outbox if m.to == ["julien@fair.example"])
    assert "Grande salle" in french.body and "12:00" in french.body
    assert session_change_notify(change_id=change.pk) == 0  # delivered twice: nothing more


def test_cancelling_is_listed_and_final(fair_today, room):
    session = draft(fair_today, room)
    session_publish(session=session)

    session_cancel(session=session)

    assert SessionChange.objects.get().kind == "cancelled"
    assert session.sequence == 1
    session.status = SessionStatus.PUBLISHED
    with pytest.raises(ProgrammeError):
        session_save(session=session)


def test_a_published_session_does_not_go_back_to_draft(fair_today, room):
    session = draft(fair_today, room)
    session_publish(session=session)
    session.status = SessionStatus.DRAFT

    with pytest.raises(ProgrammeError):
        session_save(session=session)


def test_editing_a_published_session_into_a_clash_is_refused(fair_today, room):
    session_publish(session=draft(fair_today, room, hour=9))
    session = draft(fair_today, room, hour=11)
    session_publish(session=session)

    session.starts_at = at(fair_today, 9, 30)
    with pytest.raises(ProgrammeError):
        session_save(session=session)

    session.refresh_from_db()
    assert session.starts_at == at(fair_today, 11) and session.sequence == 0
