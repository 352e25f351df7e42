import datetime

import factory
import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from proposals.models import CallForProposals, CallQuestion
from proposals.services import proposal_create, proposal_submit, speaker_confirm, speaker_invite
from tests.factories import EditionFactory, UserFactory


class CallFactory(factory.django.DjangoModelFactory):
    """A call open since yesterday and for a month more, for an edition with two reviews
    needed on a scale of 1 to 5, reviewed anonymously."""

    class Meta:
        model = CallForProposals

    edition = factory.SubFactory(EditionFactory, is_current=True)
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    intro_ar = "ندعوكم إلى اقتراح ورشات ومداخلات حول الاقتصاد الاجتماعي والتضامني."
    intro_fr = "Proposez des ateliers et des interventions sur l'économie sociale et solidaire."


def grant(user, *codenames):
    """Give `user` these proposals permissions (what the roles will give)."""
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="proposals", codename__in=codenames)
    )
    return type(user).objects.get(pk=user.pk)  # a fresh permission cache


@pytest.fixture
def call(db):
    call = CallFactory()
    CallQuestion.objects.create(
        call=call,
        text_ar="لمن توجه هذه الورشة؟",
        text_fr="À qui s'adresse cet atelier ?",
        text_en="Who is this workshop for?",
        required=True,
        sort_order=0,
    )
    return call


@pytest.fixture
def submitter(db):
    return UserFactory(language="ar", first_name="Hajar", last_name="Bennani")


@pytest.fixture
def organiser(db):
    return grant(
        UserFactory(language="fr", is_staff=True),
        "view_proposal",
        "change_proposal",
        "review_proposal",
    )


@pytest.fixture
def reviewers(db):
    return [grant(UserFactory(language="fr"), "view_proposal", "review_proposal") for _ in range(2)]


def make_proposal(call, submitter, *, submit=True, **fields):
    question = call.questions.first()
    values = {
        "title": "التسويق الرقمي للتعاونيات",
        "abstract": "ورشة تطبيقية حول البيع عبر الإنترنت.",
        "kind": "workshop",
        "language": "ar",
        "written_in": "ar",
        "duration": 90,
        **fields,
    }
    proposal = proposal_create(
        call=call, by=submitter, answers={question.pk: "للتعاونيات النسائية"}, **values
    )
    if submit:
        proposal = proposal_submit(proposal=proposal, by=submitter)
    return proposal


def confirmed_speaker(proposal, submitter, *, email="speaker@fair.example", name="سعاد المرابط"):
    invited, token = speaker_invite(
        proposal=proposal, by=submitter, name=name, email=email, language="ar"
    )
    speaker_confirm(invited=invited, by=None, name_ar=name, name_latin="Souad El Merabet")
    invited.refresh_from_db()
    return invited, token


@pytest.fixture
def proposal(call, submitter):
    return make_proposal(call, submitter)
