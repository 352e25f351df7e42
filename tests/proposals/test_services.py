"""A proposal's states and moves, its reviews and what acceptance makes in the programme."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from fairsite.models import OutboundEmail, OutboundSms
from programme.choices import SessionStatus
from programme.models import Session, Speaker
from proposals import services
from proposals.choices import ProposalStatus
from proposals.errors import InvalidTransition, ProposalError
from proposals.models import Proposal, token_hash
from proposals.selectors import names_visible, proposals_for_staff
from tests.factories import TrackFactory, UserFactory
from tests.proposals.conftest import confirmed_speaker, grant, make_proposal

pytestmark = pytest.mark.django_db


def reviewed(proposal, reviewers, scores=(4, 5)):
    for reviewer, score in zip(reviewers, scores, strict=False):
        services.review_save(proposal=proposal, by=reviewer, score=score, comment="واضح ومفيد")
    return Proposal.objects.get(pk=proposal.pk)


def logged(proposal, action):
    return ModelLogEntry.objects.filter(object_id=str(proposal.pk), action=action)


def test_proposal_submit_tells_the_submitter_in_arabic(call, submitter):
    draft = make_proposal(call, submitter, submit=False)
    assert draft.status == ProposalStatus.DRAFT
    assert not OutboundEmail.objects.exists()

    proposal = services.proposal_submit(proposal=draft, by=submitter)

    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.submitted_at is not None
    email = OutboundEmail.objects.get()
    assert email.to == [submitter.email]
    assert email.language == "ar"
    assert "التسويق الرقمي للتعاونيات" in email.subject
    assert "/ar/proposals/" in email.body_text
    entry = logged(proposal, "proposals.proposal.submit").get()
    assert entry.user_id == submitter.pk


def test_proposal_submit_refused_with_a_required_answer_missing(call, submitter):
    draft = services.proposal_create(
        call=call,
        by=submitter,
        title="Atelier",
        abstract="Un atelier.",
        kind="workshop",
        language="fr",
        written_in="fr",
        duration=60,
    )
    with pytest.raises(ProposalError) as refused:
        services.proposal_submit(proposal=draft, by=submitter)
    assert refused.value.code == "answers_missing"
    assert Proposal.objects.get(pk=draft.pk).status == ProposalStatus.DRAFT


def test_proposal_submit_refused_once_the_call_closed(call, submitter):
    draft = make_proposal(call, submitter, submit=False)
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save()
    with pytest.raises(ProposalError) as refused:
        services.proposal_submit(proposal=draft, by=submitter)
    assert refused.value.code == "call_closed"


def test_proposal_create_refused_for_a_kind_the_call_does_not_take(call, submitter):
    with pytest.raises(ProposalError) as refused:
        make_proposal(call, submitter, kind="b2b_block")
    assert refused.value.code == "wrong_kind"
    assert not Proposal.objects.exists()


def test_proposal_create_refused_for_a_track_of_another_edition(call, submitter):
    with pytest.raises(ProposalError) as refused:
        make_proposal(call, submitter, track=TrackFactory())
    assert refused.value.code == "wrong_track"


def test_proposal_submit_and_withdraw_refused_to_another_person(proposal, call):
    stranger = UserFactory()
    with pytest.raises(ProposalError) as refused:
        services.proposal_withdraw(proposal=proposal, by=stranger)
    assert refused.value.code == "not_yours"
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.SUBMITTED


def test_proposal_submit_refused_twice(proposal, submitter):
    with pytest.raises(InvalidTransition):
        services.proposal_submit(proposal=proposal, by=submitter)


def test_proposal_withdraw_from_review(proposal, submitter, reviewers):
    reviewed(proposal, reviewers[:1])
    withdrawn = services.proposal_withdraw(proposal=proposal, by=submitter)
    assert withdrawn.status == ProposalStatus.WITHDRAWN
    assert logged(proposal, "proposals.proposal.withdraw").get().user_id == submitter.pk
    with pytest.raises(InvalidTransition):
        services.review_save(proposal=withdrawn, by=reviewers[1], score=3)


def test_proposal_update_only_while_a_draft(call, submitter, proposal):
    with pytest.raises(InvalidTransition):
        services.proposal_update(proposal=proposal, by=submitter, title="Autre")
    draft = make_proposal(call, submitter, submit=False)
    services.proposal_update(proposal=draft, by=submitter, title="عنوان جديد")
    assert Proposal.objects.get(pk=draft.pk).title == "عنوان جديد"


def test_first_review_puts_the_proposal_under_review(proposal, reviewers):
    review = services.review_save(proposal=proposal, by=reviewers[0], score=4, comment="جيد")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.UNDER_REVIEW
    assert review.score == 4
    assert logged(proposal, "proposals.proposal.review_start").get().user_id == reviewers[0].pk
    assert logged(proposal, "proposals.proposal.reviewed").get().data["score"] == 4


def test_review_once_per_reviewer_a_second_one_changes_it(proposal, reviewers):
    services.review_save(proposal=proposal, by=reviewers[0], score=2)
    services.review_save(proposal=proposal, by=reviewers[0], score=5, comment="Après relecture")
    assert [(r.score, r.comment) for r in proposal.reviews.all()] == [(5, "Après relecture")]


def test_review_refused_outside_the_calls_scale(proposal, reviewers):
    for score in (0, 6):
        with pytest.raises(ProposalError) as refused:
            services.review_save(proposal=proposal, by=reviewers[0], score=score)
        assert refused.value.code == "score_out_of_range"
    assert not proposal.reviews.exists()


def test_review_refused_to_someone_without_the_permission(proposal):
    with pytest.raises(ProposalError) as refused:
        services.review_save(proposal=proposal, by=UserFactory(), score=3)
    assert refused.value.code == "not_a_reviewer"


def test_reviewer_cannot_review_their_own_proposal(call):
    reviewer = grant(UserFactory(), "view_proposal", "review_proposal")
    own = make_proposal(call, reviewer)
    with pytest.raises(ProposalError) as refused:
        services.review_save(proposal=own, by=reviewer, score=5)
    assert refused.value.code == "own_proposal"
    assert not own.reviews.exists()


def test_reviewer_cannot_review_a_proposal_they_speak_in(proposal, submitter):
    reviewer = grant(UserFactory(email="Reviewer@fair.example"), "review_proposal")
    services.speaker_invite(
        proposal=proposal,
        by=submitter,
        name="Reviewer",
        email="reviewer@fair.example",
        language="fr",
    )
    with pytest.raises(ProposalError) as refused:
        services.review_save(proposal=proposal, by=reviewer, score=5)
    assert refused.value.code == "own_proposal"


def test_review_is_refused_on_a_draft(call, submitter, reviewers):
    draft = make_proposal(call, submitter, submit=False)
    with pytest.raises(InvalidTransition):
        services.review_save(proposal=draft, by=reviewers[0], score=3)
    assert not proposals_for_staff().filter(pk=draft.pk).exists()


def test_anonymous_reviews_hide_names_from_reviewers_not_from_organisers(
    proposal, reviewers, organiser
):
    assert not names_visible(proposal, reviewers[0])
    assert names_visible(proposal, organiser)
    proposal.call.anonymous_reviews = False
    proposal.call.save()
    assert names_visible(Proposal.objects.get(pk=proposal.pk), reviewers[0])


def test_accept_refused_without_the_reviews_the_call_needs(proposal, reviewers, organiser):
    reviewed(proposal, reviewers[:1])
    with pytest.raises(ProposalError) as refused:
        services.proposal_accept(proposal=proposal, by=organiser)
    assert refused.value.code == "reviews_missing"
    assert not Session.objects.exists()


def test_accept_refused_to_a_reviewer(proposal, reviewers):
    proposal = reviewed(proposal, reviewers)
    with pytest.raises(ProposalError) as refused:
        services.proposal_accept(proposal=proposal, by=reviewers[0])
    assert refused.value.code == "not_a_decider"


def test_accept_makes_a_draft_session_with_its_confirmed_speakers(
    proposal, submitter, reviewers, organiser
):
    invited, _token = confirmed_speaker(proposal, submitter)
    services.speaker_invite(
        proposal=proposal, by=submitter, name="Not yet", email="later@fair.example", language="fr"
    )
    proposal = reviewed(proposal, reviewers)
    OutboundEmail.objects.all().delete()

    accepted = services.proposal_accept(proposal=proposal, by=organiser, note="مبروك")

    assert accepted.status == ProposalStatus.ACCEPTED
    session = accepted.session
    assert session.status == SessionStatus.DRAFT
    assert session.edition == proposal.call.edition
    assert session.title_ar == "التسويق الرقمي للتعاونيات"
    assert session.type == "workshop"
    assert session.ends_at - session.starts_at == datetime.timedelta(minutes=90)
    assert list(session.speakers.all()) == [invited.speaker]
    assert not Session.objects.published().exists()
    assert logged(accepted, "proposals.proposal.accept").get().user_id == organiser.pk
    email = OutboundEmail.objects.get(to=[submitter.email])
    assert email.language == "ar"
    assert "مبروك" in email.body_text


def test_speaker_confirming_after_acceptance_joins_the_session(
    proposal, submitter, reviewers, organiser
):
    invited, token = services.speaker_invite(
        proposal=proposal, by=submitter, name="Omar", email="omar@fair.example", language="fr"
    )
    proposal = services.proposal_accept(proposal=reviewed(proposal, reviewers), by=organiser)
    assert not proposal.session.speakers.exists()

    speaker = services.speaker_confirm(
        invited=services.invitation_by_token(token),
        by=None,
        name_latin="Omar Alaoui",
        bio="Chercheur",
    )

    assert list(proposal.session.speakers.all()) == [speaker]
    assert speaker.bio_fr == "Chercheur"


def test_reject_tells_the_submitter_and_reopen_takes_it_back(proposal, reviewers, organiser):
    proposal = reviewed(proposal, reviewers[:1])
    OutboundEmail.objects.all().delete()
    rejected = services.proposal_reject(proposal=proposal, by=organiser, note="Hors sujet")
    assert rejected.status == ProposalStatus.REJECTED
    assert OutboundEmail.objects.get().language == "ar"
    with pytest.raises(InvalidTransition):
        services.proposal_accept(proposal=rejected, by=organiser)
    reopened = services.proposal_reopen(proposal=rejected, by=organiser)
    assert reopened.status == ProposalStatus.UNDER_REVIEW
    assert reopened.decided_at is None


@pytest.mark.parametrize("move", ["accept", "reject", "reopen", "review_start"])
def test_decisions_refused_on_an_accepted_proposal(proposal, reviewers, organiser, move):
    proposal = services.proposal_accept(proposal=reviewed(proposal, reviewers), by=organiser)
    with pytest.raises(InvalidTransition):
        getattr(services, f"proposal_{move}")(proposal=proposal, by=organiser)
    with pytest.raises(InvalidTransition):
        services.proposal_withdraw(proposal=proposal, by=proposal.submitter)
    assert Session.objects.count() == 1


def invite_and_confirm(proposal, submitter, *, name, language, email="", phone=""):
    invited, _token = services.speaker_invite(
        proposal=proposal, by=submitter, name=name, email=email, phone=phone, language=language
    )
    services.speaker_confirm(invited=invited, by=None, name_latin=name)
    return invited


def test_accept_tells_each_confirmed_speaker_in_their_own_language(
    proposal, submitter, reviewers, organiser
):
    invite_and_confirm(
        proposal, submitter, name="Claire", email="claire@fair.example", language="fr"
    )
    invite_and_confirm(proposal, submitter, name="Souad", email="souad@fair.example", language="ar")
    invite_and_confirm(proposal, submitter, name="Yassine", phone="+212612345678", language="fr")
    services.speaker_invite(
        proposal=proposal, by=submitter, name="Not yet", email="later@fair.example", language="fr"
    )
    proposal = reviewed(proposal, reviewers)
    OutboundEmail.objects.all().delete()
    OutboundSms.objects.all().delete()

    services.proposal_accept(proposal=proposal, by=organiser, note="Pour la porteuse seulement")

    emails = {email.to[0]: email for email in OutboundEmail.objects.all()}
    assert sorted(emails) == sorted(["claire@fair.example", "souad@fair.example", submitter.email])
    claire, souad = emails["claire@fair.example"], emails["souad@fair.example"]
    assert claire.language == "fr" and "retenue" in claire.subject
    assert "Bonjour Claire," in claire.body_text
    assert "التسويق الرقمي للتعاونيات" in claire.body_text
    assert souad.language == "ar" and "قُبلت الجلسة" in souad.subject
    assert "مرحبا Souad" in souad.body_text
    # The programme team's note is written to the proposer.
    assert not any("porteuse" in email.body_text for email in (claire, souad))
    sms = OutboundSms.objects.get()
    assert sms.to == "+212612345678" and sms.language == "fr"
    assert "retenue" in sms.body


def test_reject_tells_each_confirmed_speaker_once_in_their_own_language(
    proposal, submitter, reviewers, organiser
):
    invite_and_confirm(
        proposal, submitter, name="Claire", email="claire@fair.example", language="fr"
    )
    invite_and_confirm(proposal, submitter, name="Yassine", phone="+212612345678", language="ar")
    # The proposer who names themself as a speaker gets the proposer's message only.
    invite_and_confirm(proposal, submitter, name="Hajar", email=submitter.email, language="fr")
    services.speaker_invite(
        proposal=proposal, by=submitter, name="Not yet", phone="+212698765432", language="fr"
    )
    proposal = reviewed(proposal, reviewers[:1])
    OutboundEmail.objects.all().delete()
    OutboundSms.objects.all().delete()

    services.proposal_reject(proposal=proposal, by=organiser)

    emails = sorted((email.to[0], email.language) for email in OutboundEmail.objects.all())
    assert emails == sorted([("claire@fair.example", "fr"), (submitter.email, "ar")])
    claire = OutboundEmail.objects.get(to=["claire@fair.example"])
    assert "n'a pas pu retenir cette séance" in claire.body_text
    sms = OutboundSms.objects.get()
    assert sms.to == "+212612345678" and sms.language == "ar"
    assert "لم تُقبل الجلسة" in sms.body


def test_invitation_by_phone_goes_by_text_message_in_its_language(proposal, submitter):
    invited, token = services.speaker_invite(
        proposal=proposal, by=submitter, name="Yassine", phone="+212612345678", language="fr"
    )
    sms = OutboundSms.objects.get()
    assert sms.to == "+212612345678" and sms.language == "fr"
    assert f"/fr/proposals/speaker/{token}/" in sms.body
    assert invited.token_hash == token_hash(token) and token not in invited.token_hash


def test_invitation_by_email_in_the_speakers_language(proposal, submitter):
    OutboundEmail.objects.all().delete()
    _invited, token = services.speaker_invite(
        proposal=proposal, by=submitter, name="Claire", email="claire@fair.example", language="fr"
    )
    email = OutboundEmail.objects.get()
    assert email.to == ["claire@fair.example"] and email.language == "fr"
    assert "Vous êtes invitée" in email.subject or "invit" in email.subject.lower()
    assert f"/fr/proposals/speaker/{token}/" in email.body_text


def test_same_person_invited_twice_keeps_one_speaker_profile(call, submitter):
    first, _ = confirmed_speaker(make_proposal(call, submitter), submitter)
    second, _ = confirmed_speaker(make_proposal(call, submitter, title="ورشة ثانية"), submitter)
    assert first.speaker == second.speaker
    assert Speaker.objects.count() == 1


def test_invitation_refused_twice_for_the_same_address(proposal, submitter):
    services.speaker_invite(
        proposal=proposal, by=submitter, name="A", email="a@fair.example", language="ar"
    )
    with pytest.raises(ProposalError) as refused:
        services.speaker_invite(
            proposal=proposal, by=submitter, name="A", email="A@fair.example", language="ar"
        )
    assert refused.value.code == "already_invited"


def test_invitation_link_closes_with_the_proposal(proposal, submitter):
    _invited, token = services.speaker_invite(
        proposal=proposal, by=submitter, name="A", email="a@fair.example", language="ar"
    )
    assert services.invitation_by_token(token) is not None
    services.proposal_withdraw(proposal=proposal, by=submitter)
    assert services.invitation_by_token(token) is None
    assert services.invitation_by_token("not-a-token") is None
