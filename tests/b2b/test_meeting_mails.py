"""Every e-mail about a B2B meeting goes to the person concerned, in their own language, with
the link to the page where they act on it: the request received opens on its answer buttons,
an acceptance waiting for a time on the times one blocked, a placed meeting on the agenda, a
refusal or a call-off on the list of people to meet."""

import re

import pytest
from django.core import mail
from django.test import Client

from b2b import scheduler
from b2b.models import B2BUnavailability, MeetingRequest
from b2b.services.meetings import (
    meeting_request_answer,
    meeting_request_cancel,
    meeting_request_make,
    meeting_video_set,
)
from events.services.consents import consent_give
from fairsite.models import OutboundEmail
from fairsite.services.site import public_base_url
from tests.factories import B2BBlockFactory, B2BParticipantFactory, EditionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair(homes):
    edition = EditionFactory(is_current=True, year=2031)
    B2BBlockFactory(edition=edition)
    return edition


def person(edition, *, email, language, name, organisation):
    user = UserFactory(email=email, language=language)
    consent_give(kind="findable", language=language, user=user)
    user.participant = B2BParticipantFactory(
        edition=edition,
        user=user,
        email=email,
        name=name,
        organisation=organisation,
        language=language,
    )
    return user


@pytest.fixture
def salma(fair):
    return person(
        fair,
        email="salma@fair.example",
        language="fr",
        name="Salma Idrissi",
        organisation="Coopérative Argane Berkane",
    )


@pytest.fixture
def omar(fair):
    return person(
        fair,
        email="omar@fair.example",
        language="ar",
        name="عمر الفاسي",
        organisation="Épicerie fine Toulouse",
    )


@pytest.fixture
def nadia(fair):
    return person(
        fair,
        email="nadia@fair.example",
        language="fr",
        name="Nadia Cherkaoui",
        organisation="Région Occitanie",
    )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def told(user) -> tuple[mail.EmailMessage, str, str]:
    """The one e-mail sent to the user, the language it was written in, and the path of its
    link into the meetings (checked to start with the site's public address)."""
    [message] = [message for message in mail.outbox if message.to == [user.email]]
    language = OutboundEmail.objects.get(to=[user.email], body_text=message.body).language
    [path] = re.findall(re.escape(public_base_url()) + r"(/[a-z]{2}/meetings/\S*)", message.body)
    return message, language, path


def test_the_request_e_mail_opens_the_request_with_its_answer_buttons(
    fair, salma, omar, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(salma).post(
            f"/fr/meetings/participants/{omar.participant.pk}/request/",
            {"message": "Vos boutiques nous intéressent."},
        )

    meeting_request = MeetingRequest.objects.get()
    message, language, path = told(omar)
    assert [m.to for m in mail.outbox] == [[omar.email]]
    assert language == "ar"
    assert "اقبلوا الطلب أو ارفضوه" in message.body  # Omar reads Arabic, Salma French
    assert path == f"/ar/meetings/requests/#request-{meeting_request.pk}"

    # Not signed in, the link asks him to sign in, then leads back to it.
    anonymous = Client().get(path)
    assert anonymous.status_code == 302
    assert anonymous["Location"] == "/ar/accounts/login/?next=/ar/meetings/requests/"
    page = signed_in(omar).get(path).content.decode()
    request_item = page.split(f'id="request-{meeting_request.pk}"', 1)[1].split("</li>", 1)[0]
    assert "Salma Idrissi" in request_item
    assert 'name="answer" value="accept"' in request_item
    assert 'name="answer" value="decline"' in request_item


def test_a_refusal_leads_the_one_who_asked_to_the_others(
    fair, salma, omar, nadia, django_capture_on_commit_callbacks
):
    meeting_request = meeting_request_make(requester=salma.participant, recipient=omar.participant)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(omar).post(
            f"/ar/meetings/requests/{meeting_request.pk}/answer/", {"answer": "decline"}
        )

    message, language, path = told(salma)
    assert [m.to for m in mail.outbox] == [[salma.email]]
    assert (language, path) == ("fr", "/fr/meetings/")
    assert "a décliné votre demande" in message.body
    page = signed_in(salma).get(path).content.decode()
    assert "Nadia Cherkaoui" in page
    assert f'action="/fr/meetings/participants/{nadia.participant.pk}/request/"' in page


def test_a_placed_meeting_leads_both_to_their_agenda(
    fair, salma, omar, django_capture_on_commit_callbacks
):
    meeting_request = meeting_request_make(requester=salma.participant, recipient=omar.participant)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_request_answer(meeting_request=meeting_request, by=omar.participant, accept=True)

    for user, language, words in [
        (salma, "fr", "Le rendez-vous entre"),
        (omar, "ar", "اللقاء بين"),
    ]:
        message, written_in, path = told(user)
        assert (written_in, path) == (language, f"/{language}/meetings/agenda/")
        assert words in message.body
        page = signed_in(user).get(path).content.decode()
        assert 'class="meeting-card' in page


def test_an_acceptance_with_no_time_free_leads_to_the_blocked_times(
    fair, salma, omar, django_capture_on_commit_callbacks
):
    meeting_request = meeting_request_make(requester=salma.participant, recipient=omar.participant)
    B2BUnavailability.objects.bulk_create(
        B2BUnavailability(
            participant=salma.participant, starts_at=slot.starts_at, ends_at=slot.ends_at
        )
        for slot in scheduler.slots_of(fair.b2b_blocks.all())
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_request_answer(meeting_request=meeting_request, by=omar.participant, accept=True)

    message, language, path = told(salma)
    assert (language, path) == ("fr", "/fr/meetings/availability/")
    assert "Décochez-la sur cette page" in message.body
    page = signed_in(salma).get(path).content.decode()
    assert 'class="availability-form"' in page and 'name="blocked"' in page
    message, language, path = told(omar)
    assert (language, path) == ("ar", "/ar/meetings/availability/")
    assert "أزيلوا عنه العلامة" in message.body


def test_a_call_off_leads_the_other_to_the_people_to_meet(
    fair, salma, omar, nadia, django_capture_on_commit_callbacks
):
    meeting_request = meeting_request_make(requester=salma.participant, recipient=omar.participant)
    meeting_request_answer(meeting_request=meeting_request, by=omar.participant, accept=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(salma).post(f"/fr/meetings/requests/{meeting_request.pk}/call-off/")

    message, language, path = told(omar)
    assert [m.to for m in mail.outbox] == [[omar.email]]
    assert (language, path) == ("ar", "/ar/meetings/")
    assert "قد يسعد مشاركون آخرون بلقائكم" in message.body
    page = signed_in(omar).get(path).content.decode()
    assert f'action="/ar/meetings/participants/{nadia.participant.pk}/request/"' in page


def test_a_video_link_leads_the_other_to_the_agenda(
    fair, salma, omar, django_capture_on_commit_callbacks
):
    meeting_request = meeting_request_make(requester=salma.participant, recipient=omar.participant)
    meeting_request_answer(meeting_request=meeting_request, by=omar.participant, accept=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_video_set(
            meeting=meeting_request.meeting, by=salma.participant, url="https://visio.example/b2b"
        )

    _message, language, path = told(omar)
    assert (language, path) == ("ar", "/ar/meetings/agenda/")
    assert "https://visio.example/b2b" in signed_in(omar).get(path).content.decode()


def test_a_withdrawn_request_by_the_organisers_tells_both_with_their_link(
    fair, salma, omar, django_capture_on_commit_callbacks
):
    meeting_request = meeting_request_make(requester=salma.participant, recipient=omar.participant)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_request_cancel(meeting_request=meeting_request, by=None)

    assert told(salma)[1:] == ("fr", "/fr/meetings/")
    assert told(omar)[1:] == ("ar", "/ar/meetings/")
