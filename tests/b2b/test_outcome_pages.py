"""What came of a meeting, over HTTP: the two sides answer and read each other; a third
participant, an organiser and a visitor read nothing; the partnerships officers list the
answers and follow them up in the register."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from b2b.models import B2BMeeting, MeetingFeedback
from b2b.services.outcomes import meeting_feedback_give
from fairsite.roles import ORGANISERS, PARTNERSHIPS_OFFICERS
from partnerships.models import Agreement, Commitment
from tests.factories import (
    AgreementFactory,
    B2BParticipantFactory,
    EditionFactory,
    PartnerRegionFactory,
    UserFactory,
)
from tests.factories.records import B2BMeetingFactory, MeetingRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair(homes):
    return EditionFactory(is_current=True, year=2031)


def person(edition, **fields):
    return B2BParticipantFactory(edition=edition, user=UserFactory(language="fr"), **fields)


def meeting_between(edition, first, second, *, hours=-1):
    starts = timezone.now() + datetime.timedelta(hours=hours)
    meeting_request = MeetingRequestFactory(
        edition=edition, requester=first, recipient=second, status="accepted"
    )
    return B2BMeetingFactory(
        request=meeting_request,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=20),
        table=B2BMeeting.objects.count() + 1,
    )


@pytest.fixture
def sides(fair):
    region = PartnerRegionFactory(name_fr="Occitanie")
    return (
        person(fair, name="Salma", organisation="Argane Berkane"),
        person(fair, name="Pierre", organisation="Épicerie Toulouse", partner_region=region),
    )


@pytest.fixture
def meeting(fair, sides):
    return meeting_between(fair, *sides)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(meeting) -> str:
    return f"/fr/meetings/meetings/{meeting.pk}/outcome/"


def test_a_side_answers_and_the_other_reads_it(meeting, sides):
    seller, buyer = sides
    page = signed_in(seller.user).get(url(meeting))
    assert page.status_code == 200
    assert (
        "Pierre n’a pas encore répondu" in page.content.decode() or page.context["theirs"] is None
    )

    answered = signed_in(seller.user).post(
        url(meeting),
        {"held": "held", "outcome": "order", "amount": "12 500,50", "note": "Échantillons en juin"},
    )
    assert answered.status_code == 302
    row = MeetingFeedback.objects.get()
    assert (row.participant, row.outcome, str(row.amount)) == (seller, "order", "12500.50")

    read = signed_in(buyer.user).get(url(meeting))
    assert read.context["theirs"] == row
    assert read.context["mine"] is None
    assert "Échantillons en juin" in read.content.decode()


def test_an_amount_without_a_deal_is_refused_on_the_form(meeting, sides):
    response = signed_in(sides[0].user).post(
        url(meeting), {"held": "held", "outcome": "follow_up", "amount": "100"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["amount"]
    assert not MeetingFeedback.objects.exists()


def test_a_third_participant_neither_reads_nor_answers(fair, meeting, sides):
    meeting_feedback_give(
        meeting=meeting, by=sides[0], held="held", outcome="order", note="Prix confidentiel"
    )
    third = signed_in(person(fair).user)

    read = third.get(url(meeting))
    posted = third.post(url(meeting), {"held": "other_absent", "outcome": "none"})

    assert (read.status_code, posted.status_code) == (404, 404)
    assert "Prix confidentiel" not in read.content.decode()
    assert MeetingFeedback.objects.count() == 1


def test_the_answer_waits_for_the_start_of_the_meeting(fair, sides):
    later = meeting_between(fair, *sides, hours=2)
    client = signed_in(sides[0].user)
    assert client.get(url(later)).context["open"] is False
    client.post(url(later), {"held": "held", "outcome": "none"})
    assert not MeetingFeedback.objects.exists()


def test_the_agenda_asks_once_started_and_shows_the_answer_in_flat_queries(fair, sides):
    seller = sides[0]
    client = signed_in(seller.user)

    def agenda():
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/fr/meetings/agenda/")
        return page.content.decode(), len(queries)

    first = meeting_between(fair, seller, sides[1])
    later = meeting_between(fair, seller, person(fair), hours=3)
    content, few = agenda()
    assert url(first) in content and url(later) not in content

    meeting_feedback_give(meeting=first, by=seller, held="held", outcome="order")
    for _n in range(4):
        meeting_feedback_give(
            meeting=meeting_between(fair, seller, person(fair)),
            by=seller,
            held="not_held",
            outcome="none",
        )
    content, many = agenda()
    answers = re.findall(r'class="meeting-card__outcome"', content)
    assert len(answers) == 5
    assert many <= few + 1, (few, many)


def admin(role) -> Client:
    return signed_in(UserFactory(groups=[role]))


def test_an_organiser_is_refused_the_outcomes(meeting, sides):
    statement = meeting_feedback_give(meeting=meeting, by=sides[0], held="held", outcome="order")
    client = admin(ORGANISERS)
    base = "/admin/partnerships/b2b/outcomes/"
    for address in (
        base,
        f"{base}inspect/{statement.pk}/",
        f"{base}commitment/{statement.pk}/",
        f"{base}agreement/{statement.pk}/",
    ):
        response = client.get(address)
        assert response.status_code in (302, 403), address
        assert "Argane" not in response.content.decode()
    client.post(f"{base}agreement/{statement.pk}/")
    assert not Agreement.objects.exists()


def test_an_officer_lists_an_outcome_and_follows_it_up(meeting, sides):
    statement = meeting_feedback_give(
        meeting=meeting, by=sides[1], held="held", outcome="partnership", amount=250000
    )
    agreement = AgreementFactory()
    client = admin(PARTNERSHIPS_OFFICERS)
    base = "/admin/partnerships/b2b/outcomes/"

    listing = client.get(base)
    assert listing.status_code == 200
    assert "Pierre" in listing.content.decode()
    assert str(sides[1].partner_region) in listing.content.decode()
    inspect = client.get(f"{base}inspect/{statement.pk}/")
    assert inspect.status_code == 200
    assert f"{base}commitment/{statement.pk}/" in inspect.content.decode()

    assert client.get(f"{base}commitment/{statement.pk}/").status_code == 200
    made = client.post(
        f"{base}commitment/{statement.pk}/",
        {"agreement": agreement.pk, "description": "Projet pilote", "due_on": "2031-09-01"},
    )
    assert made.status_code == 302
    commitment = Commitment.objects.get(description="Projet pilote")
    assert commitment.agreement == agreement

    started = client.post(f"{base}agreement/{statement.pk}/")
    draft = Agreement.objects.get(reference__startswith="B2B-")
    assert started["Location"] == f"/admin/partnerships/agreements/edit/{draft.pk}/"
    statement.refresh_from_db()
    assert (statement.commitment, statement.agreement) == (commitment, draft)
