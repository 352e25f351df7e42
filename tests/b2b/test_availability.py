"""A participant's own availability: the slots they block, kept free of meetings by
requests, acceptances and the organisers' run; the page that edits them."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from b2b import scheduler
from b2b.errors import B2BError
from b2b.models import B2BMeeting, B2BUnavailability, MeetingRequest
from b2b.services.availability import AVAILABILITY_ACTION, availability_set, slot_key
from b2b.services.meetings import (
    meeting_request_answer,
    meeting_request_make,
    meetings_schedule,
)
from events.services.consents import consent_give
from fairsite.models import OutboundEmail
from tests.factories import (
    B2BBlockFactory,
    B2BParticipantFactory,
    EditionFactory,
    SessionFactory,
    SpeakerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

FAIR = ZoneInfo("Africa/Casablanca")


@pytest.fixture(autouse=True)
def server_in_utc(settings):
    """The server's own zone is not the fair's: every time shown must be converted."""
    settings.TIME_ZONE = "UTC"


@pytest.fixture
def fair(homes):
    """The current edition, 13–16 May 2031 (the fair's zone is UTC+1 then), with one block
    of six 20-minute slots at three tables from 15:00 on the first day."""
    edition = EditionFactory(is_current=True, year=2031)
    B2BBlockFactory(edition=edition)
    return edition


def slots_of(edition) -> list[scheduler.Slot]:
    return scheduler.slots_of(edition.b2b_blocks.all())


def person(edition, **fields):
    user = UserFactory(language=fields.get("language", "fr"))
    consent_give(kind="findable", language="fr", user=user)
    participant = B2BParticipantFactory(edition=edition, user=user, email=user.email, **fields)
    participant.account = user
    return participant


def block(participant, *indexes):
    slots = slots_of(participant.edition)
    return availability_set(
        participant=participant,
        starts=[slots[n].starts_at for n in indexes],
        by=participant.user,
    )


def blocked(participant) -> list[int]:
    starts = [slot.starts_at for slot in slots_of(participant.edition)]
    return sorted(
        starts.index(s) for s in participant.unavailabilities.values_list("starts_at", flat=True)
    )


def slot_index(meeting) -> int:
    return [s.starts_at for s in slots_of(meeting.request.edition)].index(meeting.starts_at)


def signed_in(participant) -> Client:
    client = Client()
    client.force_login(participant.user)
    return client


def test_blocking_slots_replaces_the_previous_set_and_is_logged(fair):
    salma = person(fair)

    block(salma, 0, 1, 4)
    saved = block(salma, 1, 2)

    assert blocked(salma) == [1, 2] and saved.blocked == 2
    row = B2BUnavailability.objects.get(participant=salma, starts_at=slots_of(fair)[2].starts_at)
    assert row.ends_at - row.starts_at == datetime.timedelta(minutes=20)
    entries = ModelLogEntry.objects.filter(action=AVAILABILITY_ACTION, object_id=str(salma.pk))
    assert entries.count() == 2 and entries.latest("timestamp").user == salma.user
    assert block(salma).blocked == 0 and blocked(salma) == []


def test_a_time_that_is_not_a_slot_is_refused_and_nothing_changes(fair):
    salma = person(fair)
    block(salma, 3)

    with pytest.raises(B2BError) as refused:
        availability_set(
            participant=salma,
            starts=[slots_of(fair)[0].starts_at + datetime.timedelta(minutes=5)],
            by=salma.user,
        )

    assert refused.value.code == "not_a_slot"
    assert blocked(salma) == [3]


def test_a_slot_holding_a_meeting_cannot_be_blocked_and_the_meeting_is_named(fair):
    salma, omar = person(fair, name="Salma"), person(fair, name="عمر الفاسي")
    request = meeting_request_make(requester=salma, recipient=omar)
    meeting_request_answer(meeting_request=request, by=omar, accept=True)
    assert slot_index(request.meeting) == 0
    block(salma, 5)

    with pytest.raises(B2BError) as refused:
        block(salma, 0, 1)

    assert refused.value.code == "meeting_in_slot"
    assert "عمر الفاسي" in str(refused.value) and "15:00" in str(refused.value)
    assert blocked(salma) == [5]  # the previous set stays whole


def test_acceptance_and_the_organisers_run_skip_blocked_slots(fair):
    salma, omar, nadia, karim = (person(fair) for _n in range(4))
    block(omar, 0, 1)
    block(nadia, 2)

    asked = meeting_request_make(requester=salma, recipient=omar)
    meeting_request_answer(meeting_request=asked, by=omar, accept=True)
    assert slot_index(asked.meeting) == 2
    for requester, recipient in [(karim, nadia), (omar, nadia), (karim, omar)]:
        MeetingRequest.objects.create(
            edition=fair, requester=requester, recipient=recipient, status="accepted"
        )

    report = meetings_schedule(edition=fair, notify=False)

    assert report.placed == 3 and report.unplaced == []
    for participant, refused in [(omar, {0, 1}), (nadia, {2})]:
        meetings = B2BMeeting.objects.filter(
            request__in=MeetingRequest.objects.filter(requester=participant)
            | MeetingRequest.objects.filter(recipient=participant)
        )
        assert not {slot_index(m) for m in meetings} & refused


def test_a_request_is_refused_when_the_two_have_no_free_slot_in_common(fair):
    salma, omar = person(fair), person(fair, name="Omar")
    block(salma, 0, 1, 2)
    block(omar, 3, 4)
    speaker = SpeakerFactory()
    omar.speaker = speaker
    omar.save()
    starts = slots_of(fair)[5].starts_at
    SessionFactory(
        edition=fair,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=20),
        speakers=[speaker],
    )

    with pytest.raises(B2BError) as refused:
        meeting_request_make(requester=salma, recipient=omar)

    assert refused.value.code == "no_common_slot" and "Omar" in str(refused.value)
    assert not MeetingRequest.objects.exists()
    block(omar, 3)  # slot 4 free for both now
    assert meeting_request_make(requester=salma, recipient=omar).status == "pending"


def test_meetings_already_placed_count_as_busy_for_a_request(fair):
    one_slot = fair.b2b_blocks.get()
    one_slot.ends_at = one_slot.starts_at + datetime.timedelta(minutes=20)
    one_slot.save()
    salma, omar, nadia = person(fair), person(fair), person(fair)
    request = meeting_request_make(requester=salma, recipient=omar)
    meeting_request_answer(meeting_request=request, by=omar, accept=True)

    with pytest.raises(B2BError):
        meeting_request_make(requester=nadia, recipient=salma)


def test_an_acceptance_without_common_time_waits_and_freeing_a_slot_places_it(fair):
    salma, omar = person(fair, name="Salma"), person(fair, name="Omar", language="ar")
    request = meeting_request_make(requester=salma, recipient=omar)
    block(omar, 0, 1, 2, 3, 4, 5)

    meeting_request_answer(meeting_request=request, by=omar, accept=True)

    request.refresh_from_db()
    assert request.status == "accepted" and not B2BMeeting.objects.exists()
    OutboundEmail.objects.all().delete()

    saved = block(omar, 0, 1, 2, 4, 5)

    [meeting] = saved.placed
    assert slot_index(meeting) == 3 and B2BMeeting.objects.get() == meeting
    told = sorted(OutboundEmail.objects.values_list("language", flat=True))
    assert told == ["ar", "fr"]


def test_the_page_shows_the_slots_on_the_fair_s_clock_with_meetings_and_sessions(fair):
    salma, omar = person(fair), person(fair, name="Omar Fassi")
    attendee_speaker = SpeakerFactory()
    salma.speaker = attendee_speaker
    salma.save()
    slots = slots_of(fair)
    SessionFactory(
        edition=fair,
        title_fr="Table ronde ESS",
        starts_at=slots[4].starts_at,
        ends_at=slots[4].ends_at,
        speakers=[attendee_speaker],
    )
    request = meeting_request_make(requester=salma, recipient=omar)
    meeting_request_answer(meeting_request=request, by=omar, accept=True)
    block(salma, 2)

    response = signed_in(salma).get("/fr/meetings/availability/")

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<fieldset") == 1 and "<legend" in page and "mai 2031" in page
    assert "15:00–15:20" in page and "16:40–17:00" in page  # the fair's clock, not UTC
    assert "Meeting with" in page or "Rendez-vous avec" in page or "Omar Fassi" in page
    assert "Table ronde ESS" in page
    boxes = page.count('type="checkbox"')
    assert boxes == 4  # six slots less the meeting and the session
    assert (
        f'value="{slot_key(slots[2].starts_at)}" id="slot-{slot_key(slots[2].starts_at)}" checked'
        in page
    )
    for n in (0, 4):  # the meeting's and the session's slots cannot be ticked
        assert f'value="{slot_key(slots[n].starts_at)}"' not in page


def test_the_page_saves_the_signed_in_participant_s_own_set_only(fair):
    salma, omar = person(fair), person(fair)
    block(omar, 5)
    slots = slots_of(fair)
    client = signed_in(salma)

    response = client.post(
        "/fr/meetings/availability/",
        {
            "blocked": [slot_key(slots[1].starts_at), slot_key(slots[3].starts_at)],
            "participant": omar.pk,  # ignored: the page edits only one's own
        },
    )

    assert (response.status_code, response["Location"]) == (302, "/fr/meetings/availability/")
    assert blocked(salma) == [1, 3] and blocked(omar) == [5]
    response = client.post(
        "/fr/meetings/availability/", {"blocked": [slot_key(slots[3].starts_at)]}
    )
    assert blocked(salma) == [3]
    client.post("/fr/meetings/availability/", {})
    assert blocked(salma) == []


def test_the_page_refuses_a_slot_with_a_meeting_and_keeps_the_ticks(fair):
    salma, omar = person(fair), person(fair, name="Omar Fassi")
    request = meeting_request_make(requester=salma, recipient=omar)
    meeting_request_answer(meeting_request=request, by=omar, accept=True)
    slots = slots_of(fair)

    response = signed_in(salma).post(
        "/fr/meetings/availability/",
        {"blocked": [slot_key(slots[0].starts_at), slot_key(slots[2].starts_at)]},
    )

    assert response.status_code == 400
    messages = [str(m) for m in response.context["messages"]]
    assert any("Omar Fassi" in m for m in messages)
    assert f'id="slot-{slot_key(slots[2].starts_at)}" checked' in response.content.decode()
    assert blocked(salma) == []


def test_the_page_asks_to_sign_in_and_to_join(client, fair):
    response = client.get("/fr/meetings/availability/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    outsider = Client()
    outsider.force_login(UserFactory())
    response = outsider.post("/fr/meetings/availability/", {"blocked": []})
    assert (response.status_code, response["Location"]) == (302, "/fr/meetings/join/")


def test_the_page_in_arabic_is_right_to_left_with_a_label_for_every_box(fair):
    salma = person(fair, language="ar")

    page = signed_in(salma).get("/ar/meetings/availability/").content.decode()

    assert 'dir="rtl"' in page
    for slot in slots_of(fair):
        key = slot_key(slot.starts_at)
        assert f'<label for="slot-{key}"' in page
