"""The proposers' pages, the invitation link, and the admin's proposal page, over HTTP."""

import re

import pytest
from django.urls import reverse

from fairsite.models import OutboundEmail
from proposals import services
from proposals.choices import ProposalStatus
from proposals.models import InvitedSpeaker, Proposal
from tests.factories import UserFactory
from tests.proposals.conftest import grant, make_proposal

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_call_page_shows_the_open_call_in_arabic(client, call):
    response = client.get("/ar/proposals/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "ندعوكم إلى اقتراح ورشات" in body
    assert 'dir="rtl"' in body
    assert reverse("proposals:proposal_create") in body or "/ar/accounts/login/" in body


def test_proposal_form_submits_in_arabic(client, call, submitter):
    question = call.questions.get()
    response = signed_in(client, submitter).post(
        "/ar/proposals/new/",
        {
            "title": "الاقتصاد الدائري في الواحات",
            "abstract": "تجارب تعاونيات فكيك.",
            "kind": "talk",
            "language": "ar",
            "duration": "45",
            f"answer_{question.pk}": "الشباب",
            "action": "submit",
        },
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ar/proposals/{proposal.pk}/"
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.written_in == "ar"
    assert proposal.answers.get().text == "الشباب"
    page = client.get(response["Location"]).content.decode()
    assert "الاقتصاد الدائري في الواحات" in page
    assert "status--submitted" in page


def test_proposal_form_refuses_a_missing_required_answer_but_keeps_a_draft(client, call, submitter):
    data = {
        "title": "Atelier",
        "abstract": "Résumé",
        "kind": "workshop",
        "language": "fr",
        "duration": "60",
    }
    client = signed_in(client, submitter)
    response = client.post("/fr/proposals/new/", {**data, "action": "submit"})
    assert response.status_code == 200
    assert not Proposal.objects.exists()
    response = client.post("/fr/proposals/new/", {**data, "action": "draft"})
    assert Proposal.objects.get().status == ProposalStatus.DRAFT


def test_proposal_form_asks_to_sign_in(client, call):
    response = client.get("/ar/proposals/new/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("suffix", ["", "edit/", "submit/", "withdraw/", "speakers/"])
def test_another_persons_proposal_answers_404(client, proposal, suffix):
    stranger = UserFactory()
    client = signed_in(client, stranger)
    url = f"/fr/proposals/{proposal.pk}/{suffix}"
    response = (
        client.post(url, {"name": "X", "email": "x@fair.example", "language": "fr"})
        if suffix
        else client.get(url)
    )
    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert not proposal.speakers.exists()


def test_my_proposals_lists_only_mine(client, call, submitter):
    mine = make_proposal(call, submitter, title="عرضي")
    make_proposal(call, UserFactory(), title="عرض غيري")
    body = signed_in(client, submitter).get("/ar/proposals/mine/").content.decode()
    assert mine.title in body
    assert "عرض غيري" not in body


def test_withdraw_from_the_page(client, proposal, submitter):
    response = signed_in(client, submitter).post(f"/ar/proposals/{proposal.pk}/withdraw/")
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN


def test_invite_by_phone_from_the_page_in_arabic_digits(client, proposal, submitter):
    response = signed_in(client, submitter).post(
        f"/ar/proposals/{proposal.pk}/speakers/",
        {"name": "ياسين", "email": "", "phone": "٠٦١٢٣٤٥٦٧٨", "language": "ar"},
    )
    assert response.status_code == 302
    assert InvitedSpeaker.objects.get().phone == "+212612345678"


def _token_from_outbox() -> str:
    body = OutboundEmail.objects.filter(subject__icontains="").latest("pk").body_text
    return re.search(r"/proposals/speaker/([\w-]+)/", body).group(1)


def test_speaker_confirms_from_the_link_and_edits_later(client, proposal, submitter):
    services.speaker_invite(
        proposal=proposal, by=submitter, name="Souad", email="souad@fair.example", language="fr"
    )
    token = _token_from_outbox()
    url = f"/fr/proposals/speaker/{token}/"
    page = client.get(url)
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "same-origin"
    response = client.post(url, {"name_latin": "Souad Merabet", "organisation": "ENCG", "bio": ""})
    assert response.status_code == 302
    invited = InvitedSpeaker.objects.get()
    assert invited.is_confirmed and invited.speaker.name_latin == "Souad Merabet"
    client.post(url, {"name_latin": "Souad El Merabet", "bio": "Enseignante"})
    invited.speaker.refresh_from_db()
    assert invited.speaker.bio_fr == "Enseignante"


def test_invitation_token_misuse_answers_404(client, proposal, submitter):
    services.speaker_invite(
        proposal=proposal, by=submitter, name="Souad", email="souad@fair.example", language="fr"
    )
    token = _token_from_outbox()
    invited = InvitedSpeaker.objects.get()
    # A wrong token, the stored hash used as a token, a token cut short: nothing opens.
    for wrong in ["x" * 43, invited.token_hash, token[:-1]]:
        assert client.get(f"/fr/proposals/speaker/{wrong}/").status_code == 404
        assert (
            client.post(f"/fr/proposals/speaker/{wrong}/", {"name_latin": "Intrus"}).status_code
            == 404
        )
    assert not InvitedSpeaker.objects.get().is_confirmed
    # Once the proposal is withdrawn the genuine link is closed too.
    services.proposal_withdraw(proposal=proposal, by=submitter)
    assert client.get(f"/fr/proposals/speaker/{token}/").status_code == 404


def test_signed_in_speaker_links_their_account(client, proposal, submitter):
    person = UserFactory(email="souad@fair.example")
    services.speaker_invite(
        proposal=proposal, by=submitter, name="Souad", email="souad@fair.example", language="ar"
    )
    token = _token_from_outbox()
    signed_in(client, person).post(f"/ar/proposals/speaker/{token}/", {"name_ar": "سعاد"})
    assert InvitedSpeaker.objects.get().user == person


def test_admin_reviewer_sees_no_names_on_an_anonymous_call(client, proposal, reviewers):
    reviewer = grant(reviewers[0], "view_proposal")
    reviewer.is_staff = True
    reviewer.save()
    from django.contrib.auth.models import Permission

    reviewer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    services.speaker_invite(
        proposal=proposal,
        by=proposal.submitter,
        name="Nom Secret",
        email="secret@fair.example",
        language="fr",
    )
    client = signed_in(client, reviewer)
    url = reverse("proposals_proposals:inspect", args=[proposal.pk])
    body = client.get(url, follow=True).content.decode()
    assert proposal.title in body
    assert "Nom Secret" not in body
    assert proposal.submitter.last_name not in body
    listing = client.get(reverse("proposals_proposals:index"), follow=True).content.decode()
    assert proposal.title in listing and proposal.submitter.last_name not in listing

    response = client.post(
        reverse("proposals_proposals:review", args=[proposal.pk]), {"score": "4", "comment": "OK"}
    )
    assert response.status_code == 302
    assert proposal.reviews.get().reviewer == reviewer
    # The decision is not theirs: Wagtail sends them back to the dashboard, nothing changed.
    response = client.post(
        reverse("proposals_proposals:decide", args=[proposal.pk]), {"move": "reject"}
    )
    assert "/proposals/" not in response.get("Location", "")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.UNDER_REVIEW


def test_admin_organiser_accepts_from_the_proposal_page(client, proposal, reviewers, organiser):
    from django.contrib.auth.models import Permission

    organiser.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for reviewer in reviewers:
        services.review_save(proposal=proposal, by=reviewer, score=5)
    client = signed_in(client, organiser)
    body = client.get(
        reverse("proposals_proposals:inspect", args=[proposal.pk]), follow=True
    ).content.decode()
    assert proposal.submitter.last_name in body
    response = client.post(
        reverse("proposals_proposals:decide", args=[proposal.pk]), {"move": "accept", "note": ""}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED and proposal.session.status == "draft"


def test_admin_hides_drafts(client, call, submitter, organiser):
    from django.contrib.auth.models import Permission

    organiser.user_permissions.add(Permission.objects.get(codename="access_admin"))
    draft = make_proposal(call, submitter, submit=False)
    response = signed_in(client, organiser).get(
        reverse("proposals_proposals:inspect", args=[draft.pk]), follow=True
    )
    assert response.status_code == 404
