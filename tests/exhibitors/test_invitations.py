import datetime
import re

import pytest
from django.core import mail

from exhibitors.errors import InvitationInvalid
from exhibitors.models import CooperativeInvitation
from exhibitors.services.cooperatives import cooperative_invitation_accept, cooperative_invite
from tests.factories import CooperativeFactory, UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://testserver(/\w\w/portal/invitations/[\w-]+/)")


def invite(client, cooperative, email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/portal/cooperatives/{cooperative.pk}/invite/", {"email": email})
    return LINK.search(mail.outbox[-1].body).group(1)


def test_an_invited_person_signs_in_and_becomes_a_manager(
    client, homes, cooperative, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    link = invite(client, cooperative, "Partner@Fair.example", django_capture_on_commit_callbacks)
    assert link.startswith("/fr/portal/invitations/")
    assert mail.outbox[-1].to == ["partner@fair.example"]
    assert "Invitation" in mail.outbox[-1].subject

    partner = UserFactory(email="partner@fair.example")
    client.force_login(partner)
    assert "Cooperative" in client.get(link).content.decode()
    response = client.post(link)

    assert response["Location"] == f"/fr/portal/cooperatives/{cooperative.pk}/"
    assert partner in cooperative.managers.all()
    assert client.post(link).status_code == 404  # used once only


def test_someone_else_cannot_use_the_link(
    client, homes, cooperative, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    link = invite(client, cooperative, "partner@fair.example", django_capture_on_commit_callbacks)
    intruder = UserFactory(email="intruder@fair.example")
    client.force_login(intruder)

    response = client.post(link, follow=True)

    assert "partner@fair.example" in response.content.decode()
    assert intruder not in cooperative.managers.all()


def test_an_unverified_address_cannot_accept(
    homes, cooperative, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cooperative_invite(
            cooperative=cooperative, email="late@fair.example", by=manager, language="ar"
        )
    token = LINK.search(mail.outbox[-1].body).group(1).rstrip("/").rsplit("/", 1)[-1]
    unverified = UserFactory(email="late@fair.example", verified=False)

    with pytest.raises(InvitationInvalid):
        cooperative_invitation_accept(token=token, user=unverified)

    assert unverified not in cooperative.managers.all()
    assert CooperativeInvitation.objects.get().accepted_at is None


def test_an_expired_link_is_refused(
    client, homes, cooperative, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    link = invite(client, cooperative, "partner@fair.example", django_capture_on_commit_callbacks)
    CooperativeInvitation.objects.update(
        created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    client.force_login(UserFactory(email="partner@fair.example"))

    assert client.get(link).status_code == 404


def test_only_a_manager_can_invite(client, homes, cooperative):
    client.force_login(UserFactory())

    response = client.post(
        f"/fr/portal/cooperatives/{cooperative.pk}/invite/", {"email": "x@fair.example"}
    )

    assert response.status_code == 404
    assert not CooperativeInvitation.objects.exists()


def test_the_token_is_not_stored(homes, cooperative, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        cooperative_invite(
            cooperative=cooperative, email="p@fair.example", by=manager, language="fr"
        )
    token = LINK.search(mail.outbox[-1].body).group(1).rstrip("/").rsplit("/", 1)[-1]

    assert token not in CooperativeInvitation.objects.get().token_hash


def test_one_account_holds_several_cooperatives(client, homes, manager):
    first, second = CooperativeFactory(managers=[manager]), CooperativeFactory(managers=[manager])
    client.force_login(manager)

    content = client.get("/fr/portal/").content.decode()

    assert first.name in content and second.name in content
