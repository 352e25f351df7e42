"""A meeting's video link, for a side that cannot travel: set by either side (or an
organiser), https only, told to the other side, in the agenda, the calendar feed and the
PDF."""

import icalendar
import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from b2b.errors import B2BError
from b2b.models import B2BMeeting
from b2b.services.meetings import (
    VIDEO_ACTION,
    meeting_request_answer,
    meeting_request_cancel,
    meeting_request_make,
    meeting_video_set,
)
from events.services.consents import consent_give
from fairsite.models import OutboundEmail
from tests.factories import B2BBlockFactory, B2BParticipantFactory, EditionFactory, UserFactory
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/b2b-salma-omar"


@pytest.fixture(autouse=True)
def server_in_utc(settings):
    settings.TIME_ZONE = "UTC"


@pytest.fixture
def fair(homes):
    edition = EditionFactory(is_current=True, year=2031)
    B2BBlockFactory(edition=edition, place_fr="Espace B2B")
    return edition


def person(edition, **fields):
    user = UserFactory(language=fields.get("language", "fr"))
    consent_give(kind="findable", language="fr", user=user)
    return B2BParticipantFactory(edition=edition, user=user, email=user.email, **fields)


@pytest.fixture
def salma(fair):
    return person(fair, name="Salma Idrissi", language="fr")


@pytest.fixture
def omar(fair):
    return person(fair, name="عمر الفاسي", language="ar", remote=True)


@pytest.fixture
def meeting(salma, omar) -> B2BMeeting:
    request = meeting_request_make(requester=salma, recipient=omar)
    meeting_request_answer(meeting_request=request, by=omar, accept=True)
    OutboundEmail.objects.all().delete()
    return B2BMeeting.objects.get(request=request)


def signed_in(participant) -> Client:
    client = Client()
    client.force_login(participant.user)
    return client


def test_either_side_sets_the_link_the_other_is_told_and_calendars_update(meeting, salma, omar):
    meeting_video_set(meeting=meeting, by=salma, url=f"  {LINK} ")

    meeting.refresh_from_db()
    assert (meeting.video_url, meeting.sequence) == (LINK, 1)
    [told] = OutboundEmail.objects.all()
    assert (told.to, told.language) == ([omar.email], "ar")
    assert LINK in told.body_text and "Salma Idrissi" in told.body_text
    entry = ModelLogEntry.objects.get(action=VIDEO_ACTION, object_id=str(meeting.pk))
    assert entry.user == salma.user and LINK not in str(entry.data)

    meeting_video_set(meeting=meeting, by=omar, url=LINK)  # the same: nothing happens
    meeting.refresh_from_db()
    assert meeting.sequence == 1 and OutboundEmail.objects.count() == 1

    meeting_video_set(meeting=meeting, by=omar, url="")  # removed, Salma told
    meeting.refresh_from_db()
    assert (meeting.video_url, meeting.sequence) == ("", 2)
    assert OutboundEmail.objects.latest("pk").to == [salma.email]


def test_an_organiser_sets_the_link_and_both_sides_are_told(meeting, salma, omar):
    organiser = UserFactory()

    meeting_video_set(meeting=meeting, by=organiser, url=LINK)

    told = sorted(
        email for to in OutboundEmail.objects.values_list("to", flat=True) for email in to
    )
    assert told == sorted([salma.email, omar.email])
    assert ModelLogEntry.objects.get(action=VIDEO_ACTION).user == organiser


@pytest.mark.parametrize(
    "url",
    [
        "http://meet.example.org/b2b",
        "javascript:alert(1)",
        "ftp://meet.example.org/b2b",
        "meet.example.org/b2b",
        "https://",
        "https://meet.example.org/" + "x" * 500,
    ],
)
def test_only_https_addresses_are_taken(meeting, salma, url):
    with pytest.raises(B2BError) as refused:
        meeting_video_set(meeting=meeting, by=salma, url=url)

    assert refused.value.code == "video_url_invalid"
    meeting.refresh_from_db()
    assert (meeting.video_url, meeting.sequence) == ("", 0)
    assert not OutboundEmail.objects.exists()


def test_a_third_participant_cannot_set_the_link(fair, meeting):
    nadia = person(fair, name="Nadia")

    with pytest.raises(B2BError):
        meeting_video_set(meeting=meeting, by=nadia, url=LINK)
    response = signed_in(nadia).post(f"/fr/meetings/meetings/{meeting.pk}/video/", {"url": LINK})

    assert response.status_code == 404
    meeting.refresh_from_db()
    assert meeting.video_url == ""


def test_a_cancelled_meeting_takes_no_link(meeting, salma):
    meeting_request_cancel(meeting_request=meeting.request, by=salma)

    with pytest.raises(B2BError):
        meeting_video_set(meeting=meeting, by=salma, url=LINK)
    response = signed_in(salma).post(f"/fr/meetings/meetings/{meeting.pk}/video/", {"url": LINK})
    assert response.status_code == 404


def test_the_agenda_form_sets_the_link_and_shows_the_join_button(meeting, salma, omar):
    agenda = signed_in(salma).get("/fr/meetings/agenda/").content.decode()
    # Omar meets by video: Salma's agenda suggests adding a link, its form open.
    assert f'action="/fr/meetings/meetings/{meeting.pk}/video/"' in agenda
    assert "عمر الفاسي" in agenda and "meeting-video__hint" in agenda
    assert 'meeting-video__edit" open' in agenda

    response = signed_in(salma).post(f"/fr/meetings/meetings/{meeting.pk}/video/", {"url": LINK})

    assert response.status_code == 302
    assert response["Location"] == f"/fr/meetings/agenda/#meeting-{meeting.pk}-video"
    theirs = signed_in(omar).get("/ar/meetings/agenda/").content.decode()
    assert f'href="{LINK}"' in theirs and 'class="button"' in theirs
    refused = signed_in(salma).post(
        f"/fr/meetings/meetings/{meeting.pk}/video/", {"url": "http://insecure.example"}
    )
    assert refused.status_code == 302
    meeting.refresh_from_db()
    assert meeting.video_url == LINK
    assert signed_in(salma).get(f"/fr/meetings/meetings/{meeting.pk}/video/").status_code == 405


def test_the_feed_carries_url_and_conference(client, meeting, salma):
    meeting_video_set(meeting=meeting, by=salma, url=LINK)

    body = client.get(f"/ical/b2b/{salma.secret}.ics", {"lang": "en"}).content
    [event] = icalendar.Calendar.from_ical(body).walk("VEVENT")

    assert str(event["URL"]) == LINK
    [conference] = event.conferences
    assert conference.uri == LINK
    assert conference.feature == "VIDEO" and conference.label == "Video call"
    assert event["CONFERENCE"].params["VALUE"] == "URI"
    assert int(event["SEQUENCE"]) == 1
    assert LINK in str(event["DESCRIPTION"])


def test_the_feed_of_a_meeting_without_link_or_called_off_has_neither(client, meeting, salma):
    body = client.get(f"/ical/b2b/{salma.secret}.ics").content
    [event] = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert "URL" not in event and "CONFERENCE" not in event

    meeting_video_set(meeting=meeting, by=salma, url=LINK)
    meeting_request_cancel(meeting_request=meeting.request, by=salma)
    body = client.get(f"/ical/b2b/{salma.secret}.ics").content
    [event] = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert "URL" not in event and "CONFERENCE" not in event


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_pdf_prints_the_link(meeting, salma, omar, language):
    meeting_video_set(meeting=meeting, by=salma, url=LINK)

    text = pdf_text(signed_in(omar).get(f"/{language}/meetings/agenda/meetings.pdf").content)

    assert LINK in text.replace("\n", "")
