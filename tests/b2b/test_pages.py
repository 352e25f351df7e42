"""The participants' pages of the B2B meetings: joining, people to meet, requests, the agenda
as a page, a PDF and a calendar feed."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from b2b.models import B2BMeeting, B2BParticipant, MeetingRequest
from b2b.services.meetings import meeting_request_answer, meeting_request_make
from events.services.consents import consent_give
from fairsite.models import OutboundEmail
from tests.factories import (
    ApplicationFactory,
    B2BBlockFactory,
    B2BParticipantFactory,
    CooperativeFactory,
    EditionFactory,
    UserFactory,
)
from tests.pdfs import pdf_font_names, pdf_text

pytestmark = pytest.mark.django_db

FAIR = ZoneInfo("Africa/Casablanca")


@pytest.fixture(autouse=True)
def server_in_utc(settings):
    """The server's own zone is not the fair's: every time shown must be converted."""
    settings.TIME_ZONE = "UTC"


@pytest.fixture
def fair(homes):
    """The current edition, 13–16 May 2031 (no Ramadan: the fair's zone is UTC+1), with
    one block of six 20-minute slots at three tables from 15:00 on the first day."""
    edition = EditionFactory(is_current=True, year=2031)
    B2BBlockFactory(edition=edition, place_fr="Espace B2B")
    return edition


def join(user, edition, *, findable=True, **fields):
    """The user takes part; unless told otherwise, they agreed that the others find them."""
    if findable:
        consent_give(kind="findable", language="fr", user=user)
    return B2BParticipantFactory(edition=edition, user=user, email=user.email, **fields)


@pytest.fixture
def salma(fair):
    user = UserFactory(email="salma@fair.example", language="fr")
    user.participant = join(
        user,
        fair,
        name="Salma Idrissi",
        organisation="Coopérative Argane Berkane",
        language="fr",
        offers="Huile d'argan, amlou",
        seeks="Distributeurs en Europe",
    )
    return user


@pytest.fixture
def omar(fair):
    user = UserFactory(email="omar@fair.example", language="ar")
    user.participant = join(
        user,
        fair,
        kind="buyer",
        name="عمر الفاسي",
        organisation="Épicerie fine Toulouse",
        language="ar",
        offers="Réseau de boutiques",
        seeks="Produits du terroir, miel",
    )
    return user


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_pages_ask_to_sign_in_then_to_join(client, fair):
    response = client.get("/fr/meetings/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/?next=/fr/meetings/")

    for path in ["/fr/meetings/", "/fr/meetings/requests/", "/fr/meetings/agenda/"]:
        response = signed_in(UserFactory()).get(path)
        assert (response.status_code, response["Location"]) == (302, "/fr/meetings/join/")


def test_an_exhibitor_of_a_confirmed_application_joins_for_the_cooperative(fair):
    user = UserFactory(first_name="Khadija", last_name="Amrani")
    cooperative = CooperativeFactory(name="Cooperative Nakhil Figuig", managers=[user])
    ApplicationFactory(edition=fair, cooperative=cooperative, status="confirmed")
    client = signed_in(user)

    form = client.get("/fr/meetings/join/").context["form"]
    assert [value for value, _label in form.fields["kind"].choices] == [
        "exhibitor",
        "buyer",
        "partner",
    ]
    assert form.initial["kind"] == "exhibitor"
    assert form.initial["cooperative"] == cooperative.pk
    assert form.initial["organisation"] == "Cooperative Nakhil Figuig"
    assert form.initial["name"] == "Khadija Amrani"

    response = client.post(
        "/fr/meetings/join/",
        {
            "kind": "exhibitor",
            "cooperative": cooperative.pk,
            "name": "Khadija Amrani",
            "organisation": "Cooperative Nakhil Figuig",
            "language": "fr",
            "offers": "Dattes Aziza, pâte de dattes",
            "seeks": "Grossistes, conditionnement",
        },
    )

    assert response["Location"] == "/fr/meetings/suggestions/"
    participant = B2BParticipant.objects.get()
    assert (participant.kind, participant.cooperative, participant.user) == (
        "exhibitor",
        cooperative,
        user,
    )
    assert (participant.edition, participant.email) == (fair, user.email)


def test_without_a_confirmed_application_one_joins_as_buyer_or_partner(fair):
    user = UserFactory()
    cooperative = CooperativeFactory(managers=[user])
    ApplicationFactory(edition=fair, cooperative=cooperative, status="accepted")
    client = signed_in(user)
    profile = {
        "name": "Yassine Berrada",
        "organisation": "Centrale d'achat Rabat",
        "language": "ar",
        "offers": "Distribution nationale",
        "seeks": "Huile d'olive, couscous",
    }

    page = client.get("/ar/meetings/join/")
    assert [v for v, _l in page.context["form"].fields["kind"].choices] == ["buyer", "partner"]
    assert "cooperative" not in page.context["form"].fields
    refused = client.post(
        "/ar/meetings/join/", {**profile, "kind": "exhibitor", "cooperative": cooperative.pk}
    )
    assert refused.status_code == 200 and not B2BParticipant.objects.exists()

    client.post("/ar/meetings/join/", {**profile, "kind": "buyer"})
    participant = B2BParticipant.objects.get()
    assert (participant.kind, participant.cooperative, participant.seeks) == (
        "buyer",
        None,
        "Huile d'olive, couscous",
    )


def test_joining_again_updates_the_one_profile(fair, salma):
    client = signed_in(salma)

    page = client.get("/fr/meetings/join/")
    assert page.context["form"].initial["name"] == "Salma Idrissi"
    response = client.post(
        "/fr/meetings/join/",
        {
            "kind": "partner",
            "name": "Salma Idrissi",
            "organisation": "Réseau Argane",
            "language": "fr",
            "offers": "Formation",
            "seeks": "",
        },
    )

    assert response["Location"] == "/fr/meetings/join/"
    participant = B2BParticipant.objects.get(user=salma)
    assert (participant.pk, participant.kind, participant.organisation) == (
        salma.participant.pk,
        "partner",
        "Réseau Argane",
    )


def test_the_directory_lists_the_others_searchable_and_filtered(fair, salma, omar):
    join(UserFactory(), fair, name="Inactive", is_active=False)
    B2BParticipantFactory(name="Of another edition")
    nadia = join(
        UserFactory(),
        fair,
        kind="partner",
        name="Nadia",
        organisation="Région Occitanie",
        offers="Miel",
    )
    client = signed_in(salma)

    def names(query=""):
        response = client.get(f"/fr/meetings/{query}")
        return [other.name for other in response.context["page_obj"]]

    assert sorted(names()) == sorted(["عمر الفاسي", "Nadia"])
    assert sorted(names("?q=miel")) == sorted(["عمر الفاسي", "Nadia"])  # seeks / offers
    assert names("?q=toulouse") == ["عمر الفاسي"]  # organisation
    assert names("?q=miel&kind=partner") == ["Nadia"]
    assert names("?kind=exhibitor") == []
    page = client.get("/fr/meetings/")
    assert f'action="/fr/meetings/participants/{nadia.pk}/request/"' in page.content.decode()
    assert "csrfmiddlewaretoken" in page.content.decode()


def test_ask_then_accept_places_the_meeting_on_both_agendas(fair, salma, omar):
    asking = signed_in(salma)

    response = asking.post(
        f"/fr/meetings/participants/{omar.participant.pk}/request/",
        {"message": "Votre réseau de boutiques nous intéresse.", "next": "/fr/meetings/?q=miel"},
    )

    assert response["Location"] == "/fr/meetings/?q=miel"
    meeting_request = MeetingRequest.objects.get()
    assert (meeting_request.requester, meeting_request.recipient, meeting_request.status) == (
        salma.participant,
        omar.participant,
        "pending",
    )
    directory = asking.get("/fr/meetings/")
    assert "request-state--asked" in directory.content.decode()
    assert (
        f'action="/fr/meetings/participants/{omar.participant.pk}/request/"'
        not in directory.content.decode()
    )

    answering = signed_in(omar)
    requests_page = answering.get("/ar/meetings/requests/")
    assert list(requests_page.context["received"]) == [meeting_request]
    assert "Votre réseau de boutiques nous intéresse." in requests_page.content.decode()
    assert requests_page.context["participant"].waiting_answers == 1
    accepted = answering.post(
        f"/ar/meetings/requests/{meeting_request.pk}/answer/", {"answer": "accept"}
    )

    assert accepted["Location"] == "/ar/meetings/agenda/"
    meeting = B2BMeeting.objects.get()
    assert meeting.starts_at == datetime.datetime(2031, 5, 13, 15, tzinfo=FAIR)
    for client, other in [(asking, "عمر الفاسي"), (answering, "Salma Idrissi")]:
        agenda = client.get("/fr/meetings/agenda/")
        text = agenda.content.decode()
        assert "15:00–15:20" in text  # the fair's time, not the server's (14:00 in UTC)
        assert "Table 1" in text and "Espace B2B" in text and other in text
    assert "request-state--accepted" in asking.get("/fr/meetings/").content.decode()


def test_a_declined_request_shows_as_declined_to_the_one_who_asked(fair, salma, omar):
    meeting_request = meeting_request_make(requester=salma.participant, recipient=omar.participant)

    signed_in(omar).post(
        f"/fr/meetings/requests/{meeting_request.pk}/answer/", {"answer": "decline"}
    )

    meeting_request.refresh_from_db()
    assert meeting_request.status == "declined" and not B2BMeeting.objects.exists()
    sent = signed_in(salma).get("/fr/meetings/requests/")
    assert list(sent.context["sent"]) == [meeting_request]
    assert "status--declined" in sent.content.decode()


def test_nobody_sees_or_answers_someone_elses_requests(fair, salma, omar):
    nadia_user = UserFactory()
    nadia = join(nadia_user, fair, name="Nadia")
    to_omar = meeting_request_make(requester=nadia, recipient=omar.participant)
    by_omar = meeting_request_make(requester=omar.participant, recipient=nadia)
    salma_client = signed_in(salma)

    page = salma_client.get("/fr/meetings/requests/")
    assert list(page.context["received"]) == list(page.context["sent"]) == []
    for meeting_request in (to_omar, by_omar):
        response = salma_client.post(
            f"/fr/meetings/requests/{meeting_request.pk}/answer/", {"answer": "accept"}
        )
        assert response.status_code == 404
    # Nor can the one who asked answer their own request.
    response = signed_in(nadia_user).post(
        f"/fr/meetings/requests/{to_omar.pk}/answer/", {"answer": "accept"}
    )
    assert response.status_code == 404
    assert set(MeetingRequest.objects.values_list("status", flat=True)) == {"pending"}


def test_answering_is_a_post_with_a_csrf_token(fair, salma, omar):
    meeting_request = meeting_request_make(requester=salma.participant, recipient=omar.participant)
    client = Client(enforce_csrf_checks=True)
    client.force_login(omar)

    assert client.get(f"/fr/meetings/requests/{meeting_request.pk}/answer/").status_code == 405
    refused = client.post(
        f"/fr/meetings/requests/{meeting_request.pk}/answer/", {"answer": "accept"}
    )
    assert refused.status_code == 403
    for path in [
        f"/fr/meetings/participants/{salma.participant.pk}/request/",
        "/fr/meetings/agenda/calendar/reset/",
        "/fr/meetings/join/",
    ]:
        assert client.post(path, {}).status_code == 403
    meeting_request.refresh_from_db()
    assert meeting_request.status == "pending"


def test_requests_close_on_the_eve_of_the_fair(fair, salma, omar):
    meeting_request = meeting_request_make(requester=salma.participant, recipient=omar.participant)
    nadia = join(UserFactory(), fair, name="Nadia")
    fair.starts_on = timezone.localdate() + datetime.timedelta(days=1)
    fair.ends_on = fair.starts_on + datetime.timedelta(days=3)
    fair.save()
    closed = "Meeting requests are closed: the fair is about to start."

    directory = signed_in(salma).get("/en/meetings/")
    assert directory.context["closed_reason"] == closed
    assert (
        closed in directory.content.decode() and "<fieldset disabled>" in directory.content.decode()
    )
    asked = signed_in(salma).post(f"/en/meetings/participants/{nadia.pk}/request/", follow=True)
    assert closed in messages_of(asked)
    assert MeetingRequest.objects.count() == 1

    omar_client = signed_in(omar)
    assert "<fieldset disabled>" in omar_client.get("/en/meetings/requests/").content.decode()
    answered = omar_client.post(
        f"/en/meetings/requests/{meeting_request.pk}/answer/", {"answer": "accept"}, follow=True
    )
    assert closed in messages_of(answered)
    meeting_request.refresh_from_db()
    assert meeting_request.status == "pending"


def accepted_meeting(asking, asked) -> B2BMeeting:
    meeting_request = meeting_request_make(requester=asking, recipient=asked)
    meeting_request_answer(meeting_request=meeting_request, by=asked, accept=True)
    return B2BMeeting.objects.get(request=meeting_request)


def test_the_agenda_pdf_has_the_meetings_time_table_and_the_other_person(fair, salma, omar):
    accepted_meeting(omar.participant, salma.participant)

    response = signed_in(omar).get("/ar/meetings/agenda/meetings.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "15:00–15:20" in text
    assert "Salma Idrissi" in text and "Coopérative Argane Berkane" in text
    assert all(word in text for word in ["فضاء", "لقاءات", "الأعمال"])  # the place in Arabic

    french = pdf_text(signed_in(salma).get("/fr/meetings/agenda/meetings.pdf").content)
    assert "15:00–15:20" in french and "Épicerie fine Toulouse" in french
    assert "mardi 13 mai 2031" in french


def test_the_agenda_pdf_is_set_in_the_bundled_fonts_only(fair, salma, omar):
    accepted_meeting(omar.participant, salma.participant)

    for language in ("ar", "fr"):
        content = signed_in(omar).get(f"/{language}/meetings/agenda/meetings.pdf").content

        assert pdf_font_names(content) <= {
            "Noto-Naskh-Arabic",
            "Noto-Naskh-Arabic-Bold",
            "Noto-Sans",
            "Noto-Sans-Bold",
        }


def test_the_pdf_is_ones_own_agenda_only(fair, salma, omar):
    nadia = B2BParticipantFactory(edition=fair, name="Nadia Cherkaoui")
    accepted_meeting(omar.participant, nadia)
    outsider = signed_in(UserFactory())

    assert Client().get("/fr/meetings/agenda/meetings.pdf").status_code == 302
    assert outsider.get("/fr/meetings/agenda/meetings.pdf")["Location"] == "/fr/meetings/join/"
    text = pdf_text(signed_in(salma).get("/fr/meetings/agenda/meetings.pdf").content)
    assert "Nadia Cherkaoui" not in text and "15:00" not in text


def feed(client, participant, **params):
    return client.get(f"/ical/b2b/{participant.secret}.ics", params)


def test_the_feed_holds_each_meeting_with_a_stable_uid_in_the_fairs_zone(client, fair, salma, omar):
    meeting = accepted_meeting(salma.participant, omar.participant)

    response = feed(client, salma.participant, lang="en")  # no log-in: the address is the key

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Africa/Casablanca"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"b2b-{meeting.request_id}@testserver"
    assert event["DTSTART"].params["TZID"] == "Africa/Casablanca"
    assert event.decoded("DTSTART").astimezone(datetime.UTC) == datetime.datetime(
        2031, 5, 13, 14, tzinfo=datetime.UTC
    )
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(minutes=20)
    assert str(event["SUMMARY"]) == "Meeting with عمر الفاسي"
    assert str(event["LOCATION"]) == "Espace B2B, Table 1"
    assert (str(event["STATUS"]), int(event["SEQUENCE"])) == ("CONFIRMED", 0)
    assert "DTSTAMP" in event
    # Without ?lang=, in the participant's own language.
    [own] = icalendar.Calendar.from_ical(feed(client, salma.participant).content).walk("VEVENT")
    with translation.override("fr"):
        assert str(own["SUMMARY"]) == gettext("Meeting with %(name)s") % {"name": "عمر الفاسي"}

    # The other side's feed names the other person, with the same UID.
    [theirs] = icalendar.Calendar.from_ical(feed(client, omar.participant).content).walk("VEVENT")
    assert str(theirs["UID"]) == str(event["UID"])
    assert "Salma Idrissi" in str(theirs["SUMMARY"])

    # Moved by the organisers: the same event, a higher sequence.
    B2BMeeting.objects.filter(pk=meeting.pk).update(sequence=2)
    [moved] = icalendar.Calendar.from_ical(feed(client, salma.participant).content).walk("VEVENT")
    assert (str(moved["UID"]), int(moved["SEQUENCE"])) == (str(event["UID"]), 2)


def test_a_cancelled_request_keeps_its_event_as_cancelled(client, fair, salma, omar):
    meeting = accepted_meeting(salma.participant, omar.participant)
    MeetingRequest.objects.filter(pk=meeting.request_id).update(status="cancelled")

    calendar = icalendar.Calendar.from_ical(feed(client, salma.participant, lang="en").content)

    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"b2b-{meeting.request_id}@testserver"
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == "Cancelled meeting with عمر الفاسي"
    agenda = signed_in(salma).get("/fr/meetings/agenda/").content.decode()
    assert "meeting-card--cancelled" in agenda


def test_unknown_and_reset_secrets_answer_404(client, fair, salma):
    old = salma.participant.secret
    assert client.get("/ical/b2b/not-a-secret.ics").status_code == 404

    page = signed_in(salma).get("/fr/meetings/agenda/")
    assert page.context["feed_https"] == f"http://testserver/ical/b2b/{old}.ics?lang=fr"
    assert page.context["feed_webcal"] == f"webcal://testserver/ical/b2b/{old}.ics?lang=fr"
    response = signed_in(salma).post("/fr/meetings/agenda/calendar/reset/")

    assert response["Location"] == "/fr/meetings/agenda/"
    salma.participant.refresh_from_db()
    assert salma.participant.secret != old
    assert client.get(f"/ical/b2b/{old}.ics").status_code == 404
    assert client.get(f"/ical/b2b/{salma.participant.secret}.ics").status_code == 200


def test_a_delegation_member_edits_the_profile_and_stays_in_the_delegation(fair):
    user = UserFactory()
    member = join(user, fair, kind="delegation", name="Aminata Diallo", organisation="Région")

    form = signed_in(user).get("/fr/meetings/join/").context["form"]
    assert "kind" not in form.fields and "cooperative" not in form.fields
    signed_in(user).post(
        "/fr/meetings/join/",
        {
            "name": "Aminata Diallo",
            "organisation": "Conseil régional de Dakar",
            "language": "fr",
            "offers": "Coopération décentralisée",
            "seeks": "Coopératives de femmes",
        },
    )

    member.refresh_from_db()
    assert (member.kind, member.organisation) == ("delegation", "Conseil régional de Dakar")


def test_either_side_calls_a_meeting_off_and_the_other_is_told(fair, salma, omar):
    meeting_request = meeting_request_make(requester=salma.participant, recipient=omar.participant)
    meeting_request_answer(meeting_request=meeting_request, by=omar.participant, accept=True)
    stranger = UserFactory()
    join(stranger, fair, name="Nadia")
    page = signed_in(omar).get("/fr/meetings/requests/").content.decode()
    assert f"/fr/meetings/requests/{meeting_request.pk}/call-off/" in page
    OutboundEmail.objects.all().delete()

    refused = signed_in(stranger).post(f"/fr/meetings/requests/{meeting_request.pk}/call-off/")
    response = signed_in(omar).post(f"/fr/meetings/requests/{meeting_request.pk}/call-off/")

    assert refused.status_code == 404
    assert response.status_code == 302
    meeting_request.refresh_from_db()
    assert meeting_request.status == "cancelled"
    assert meeting_request.meeting.cancelled_at is not None
    assert list(OutboundEmail.objects.values_list("to", flat=True)) == [["salma@fair.example"]]
