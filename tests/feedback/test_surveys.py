import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from fairsite.models import OutboundEmail
from fairsite.personal_data import Subject
from feedback.models import ExhibitorSurvey, Invitation, SessionRating, VisitorSurvey
from feedback.personal_data import FeedbackRecords
from feedback.selectors import survey_closes_at, survey_opens_at
from feedback.services import (
    Closed,
    NotYetOpen,
    session_invitations_send,
    survey_invitations_send,
    visitor_survey_save,
)
from tests.factories import ApplicationFactory, EditionFactory, UserFactory
from tests.feedback.conftest import attend, make_badge, token

pytestmark = pytest.mark.django_db

ANSWERS = {"satisfaction": "4", "come_again": "yes", "how_heard": "radio_tv", "improve": "Ombre"}


@pytest.fixture
def fair_over(db):
    """An edition whose last day was yesterday: the surveys are open."""
    today = timezone.localdate()
    return EditionFactory(
        is_current=True,
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today - datetime.timedelta(days=1),
    )


def test_survey_window_opens_on_the_last_day_and_closes_four_weeks_after(fair_over):
    attendee = make_badge(fair_over).attendee
    opens, closes = survey_opens_at(fair_over), survey_closes_at(fair_over)
    assert opens.astimezone(fair_over.zone).date() == fair_over.ends_on
    assert closes - opens == datetime.timedelta(weeks=4, days=1)

    with pytest.raises(NotYetOpen):
        visitor_survey_save(
            attendee=attendee,
            satisfaction=4,
            come_again="yes",
            at=opens - datetime.timedelta(seconds=1),
        )
    visitor_survey_save(attendee=attendee, satisfaction=4, come_again="yes", at=opens)
    visitor_survey_save(
        attendee=attendee,
        satisfaction=2,
        come_again="no",
        at=closes - datetime.timedelta(seconds=1),
    )
    with pytest.raises(Closed):
        visitor_survey_save(attendee=attendee, satisfaction=5, come_again="yes", at=closes)
    survey = VisitorSurvey.objects.get()
    assert (survey.satisfaction, survey.come_again) == (2, "no")


def test_visitor_answers_by_badge_link_and_changes_them(client, fair_over):
    badge = make_badge(fair_over)
    with translation.override("fr"):
        url = reverse("feedback:badge_survey", args=[token(badge)])

    page = client.get(url)
    client.post(url, ANSWERS)
    client.post(url, {**ANSWERS, "satisfaction": "5"})

    html = page.content.decode()
    assert 'lang="fr"' in html and 'dir="ltr"' in html and "<legend" in html
    survey = VisitorSurvey.objects.get()
    assert (survey.attendee, survey.satisfaction, survey.improve) == (badge.attendee, 5, "Ombre")


def test_visitor_survey_page_before_the_last_day_has_no_form(client, fair_yesterday):
    badge = make_badge(fair_yesterday)
    with translation.override("ar"):
        url = reverse("feedback:badge_survey", args=[token(badge)])

    html = client.get(url).content.decode()
    client.post(url, ANSWERS)

    assert 'dir="rtl"' in html and 'name="satisfaction"' not in html
    assert not VisitorSurvey.objects.exists()


def test_exhibitor_survey_for_a_manager_of_a_confirmed_application(client, fair_over):
    manager = UserFactory()
    application = ApplicationFactory(edition=fair_over, status="confirmed")
    application.cooperative.managers.add(manager)
    url = reverse("feedback:exhibitor_survey", args=[application.pk])
    answers = {"satisfaction": "5", "sales": "12500", "contacts": "8", "come_again": "yes"}

    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert client.post(url, answers).status_code == 404
    client.force_login(manager)
    portal = client.get(reverse("exhibitors:application_detail", args=[application.pk]))
    response = client.post(url, answers)

    assert url in portal.content.decode()
    assert response.status_code == 302
    survey = ExhibitorSurvey.objects.get()
    assert (survey.application, survey.sales, survey.contacts, survey.answered_by) == (
        application,
        12500,
        8,
        manager,
    )


def test_exhibitor_survey_refused_for_an_application_not_confirmed(client, fair_over):
    manager = UserFactory()
    application = ApplicationFactory(edition=fair_over, status="accepted")
    application.cooperative.managers.add(manager)
    client.force_login(manager)

    response = client.post(
        reverse("feedback:exhibitor_survey", args=[application.pk]),
        {"satisfaction": "5", "come_again": "yes"},
    )

    assert response.status_code == 404
    assert not ExhibitorSurvey.objects.exists()


def test_exhibitor_survey_refuses_negative_sales(client, fair_over):
    manager = UserFactory()
    application = ApplicationFactory(edition=fair_over, status="confirmed")
    application.cooperative.managers.add(manager)
    client.force_login(manager)

    response = client.post(
        reverse("feedback:exhibitor_survey", args=[application.pk]),
        {"satisfaction": "5", "sales": "-3", "come_again": "yes"},
    )

    assert response.status_code == 200
    assert not ExhibitorSurvey.objects.exists()


def test_session_invitations_one_email_a_person_a_day_once(past_session):
    badge = make_badge(past_session.edition, email="amina@fair.example", language="fr")
    attend(past_session, badge.attendee)
    make_badge(past_session.edition)  # came to nothing: not invited

    first = session_invitations_send()
    again = session_invitations_send()

    assert (first, again) == (1, 0)
    emails = list(OutboundEmail.objects.all())
    assert len(emails) == 1 and emails[0].to == ["amina@fair.example"]
    assert "/fr/feedback/badge/" in emails[0].body_text


def test_session_invitation_waits_for_the_days_last_session(past_session):
    badge = make_badge(past_session.edition)
    attend(past_session, badge.attendee)
    later = past_session.ends_at + datetime.timedelta(hours=1)
    from tests.factories import SessionFactory

    evening = SessionFactory(
        edition=past_session.edition, starts_at=later, ends_at=later + datetime.timedelta(hours=1)
    )
    attend(evening, badge.attendee)

    assert session_invitations_send(at=later) == 0
    assert session_invitations_send(at=evening.ends_at) == 1


def test_survey_invitations_after_the_fair_to_visitors_and_managers(fair_over):
    visitor = make_badge(fair_over, email="visiteur@fair.example")
    manager = UserFactory(email="gerant@fair.example")
    application = ApplicationFactory(edition=fair_over, status="confirmed")
    application.cooperative.managers.add(manager)
    ApplicationFactory(edition=fair_over, status="rejected")

    assert survey_invitations_send() == 2
    assert survey_invitations_send() == 0
    recipients = sorted(email.to[0] for email in OutboundEmail.objects.all())
    assert recipients == ["gerant@fair.example", "visiteur@fair.example"]
    assert Invitation.objects.filter(attendee=visitor.attendee).count() == 1


def test_no_survey_invitation_while_the_fair_is_on(fair_yesterday):
    make_badge(fair_yesterday)
    assert survey_invitations_send() == 0
    assert not mail.outbox and not OutboundEmail.objects.exists()


def test_personal_data_export_and_erasure_keep_the_marks(past_session):
    badge = make_badge(past_session.edition)
    rating = SessionRating.objects.create(
        session=past_session, attendee=badge.attendee, score=2, comment="Salle trop petite"
    )
    subject = Subject(attendee_ids={badge.attendee.pk})
    records = FeedbackRecords()

    exported = records.collect(subject)
    touched = records.erase(subject)

    assert any(("Salle trop petite" in value) for row in exported for _label, value in row)
    assert touched == 1
    rating.refresh_from_db()
    assert (rating.score, rating.comment) == (2, "")
