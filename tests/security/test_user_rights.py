"""Only a superuser makes superusers, gives rights it has not got, or manages an account that
may do more than it may: an organiser managing accounts cannot raise anyone, itself included,
above itself, over HTTP, whatever the form posts."""

import pytest
from django.contrib.auth.models import Group, Permission

from fairsite.models import User
from fairsite.roles import GATE_STAFF, ORGANISERS, PROGRAMME_EDITORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, homes):
    user = UserFactory(groups=[ORGANISERS])
    client.force_login(user)
    return user


@pytest.fixture
def mightier_group(db):
    """A group giving one right the organisers have not got."""
    group = Group.objects.create(name="Group managers")
    group.permissions.add(Permission.objects.get(codename="change_group"))
    return group


def refused(response) -> bool:
    """Wagtail refuses with 403, or sends back to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def new_user_form(**extra):
    return {
        "email": "new.person@fair.example",
        "first_name": "Yassine",
        "last_name": "Berrada",
        "password1": "a-long-enough-Passw0rd!",
        "password2": "a-long-enough-Passw0rd!",
        **extra,
    }


def edit_form(user, **extra):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "groups": [group.pk for group in user.groups.all()],
        **extra,
    }


def test_the_administrator_box_is_not_shown_to_an_organiser(client, organiser):
    response = client.get("/admin/users/new/")

    assert response.status_code == 200
    assert b'name="is_superuser"' not in response.content


def test_a_superuser_still_sees_it(client, homes):
    client.force_login(UserFactory(is_superuser=True))

    assert b'name="is_superuser"' in client.get("/admin/users/new/").content


def test_an_organiser_posting_is_superuser_creates_an_ordinary_user(client, organiser):
    response = client.post("/admin/users/new/", new_user_form(is_superuser="on"))

    assert response.status_code == 302
    created = User.objects.get(email="new.person@fair.example")
    assert not created.is_superuser


def test_an_organiser_cannot_make_an_existing_user_a_superuser(client, organiser):
    colleague = UserFactory(groups=[PROGRAMME_EDITORS])

    client.post(f"/admin/users/edit/{colleague.pk}/", edit_form(colleague, is_superuser="on"))

    colleague.refresh_from_db()
    assert not colleague.is_superuser


def test_an_organiser_cannot_make_themselves_a_superuser(client, organiser):
    client.post(f"/admin/users/edit/{organiser.pk}/", edit_form(organiser, is_superuser="on"))

    organiser.refresh_from_db()
    assert not organiser.is_superuser


@pytest.mark.parametrize("path", ["edit/{pk}/", "delete/{pk}/", "copy/{pk}/"])
def test_a_superuser_is_out_of_an_organisers_reach(client, organiser, path):
    superuser = UserFactory(is_superuser=True, first_name="Root")
    url = "/admin/users/" + path.format(pk=superuser.pk)

    assert refused(client.get(url))
    assert refused(client.post(url, edit_form(superuser, first_name="Changed")))

    superuser.refresh_from_db()
    assert superuser.first_name == "Root" and superuser.is_active


def test_a_user_with_more_rights_is_out_of_reach_too(client, organiser, mightier_group):
    other = UserFactory(groups=[GATE_STAFF])
    other.groups.add(mightier_group)

    assert refused(client.get(f"/admin/users/edit/{other.pk}/"))
    assert refused(client.post(f"/admin/users/delete/{other.pk}/"))
    assert User.objects.filter(pk=other.pk).exists()


def test_an_organiser_still_manages_the_users_within_their_rights(client, organiser):
    colleague = UserFactory(groups=[PROGRAMME_EDITORS])

    response = client.post(
        f"/admin/users/edit/{colleague.pk}/", edit_form(colleague, first_name="Khadija")
    )

    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.first_name == "Khadija"


def test_adding_oneself_to_a_mightier_group_is_refused(client, organiser, mightier_group):
    form = edit_form(organiser)
    form["groups"] = [*form["groups"], mightier_group.pk]

    response = client.post(f"/admin/users/edit/{organiser.pk}/", form)

    assert response.status_code == 200
    assert not organiser.groups.filter(pk=mightier_group.pk).exists()
    assert f'value="{mightier_group.pk}"'.encode() not in response.content


def test_creating_a_user_in_a_mightier_group_is_refused(client, organiser, mightier_group):
    client.post("/admin/users/new/", new_user_form(groups=[mightier_group.pk]))

    assert not User.objects.filter(email="new.person@fair.example").exists()


def test_the_bulk_role_action_gives_no_mightier_group(client, organiser, mightier_group):
    colleague = UserFactory(groups=[PROGRAMME_EDITORS])
    url = f"/admin/bulk/fairsite/user/assign_role/?id={colleague.pk}&id={organiser.pk}"

    client.post(url, {"role": mightier_group.pk})
    assert not mightier_group.user_set.exists()

    # The control: a group within the organiser's rights is given.
    gate = Group.objects.get(name=GATE_STAFF)
    client.post(url, {"role": gate.pk})
    assert set(gate.user_set.all()) == {colleague, organiser}


def test_bulk_actions_leave_a_superuser_alone(client, organiser):
    superuser = UserFactory(is_superuser=True)
    colleague = UserFactory(groups=[PROGRAMME_EDITORS])
    ids = f"?id={superuser.pk}&id={colleague.pk}"

    client.post(f"/admin/bulk/fairsite/user/set_active_state/{ids}", {"mark_as_active": "False"})
    superuser.refresh_from_db()
    colleague.refresh_from_db()
    assert superuser.is_active and not colleague.is_active

    # Organisers delete no account at all (the role matrix gives them no delete_user).
    client.post(f"/admin/bulk/fairsite/user/delete/{ids}")
    assert User.objects.filter(pk=superuser.pk).exists()


def test_organisers_do_not_edit_groups(client, organiser, mightier_group):
    """Groups are the superusers' (the role matrix gives organisers no group rights)."""
    organisers = Group.objects.get(name=ORGANISERS)

    for url in ["/admin/groups/", f"/admin/groups/edit/{organisers.pk}/", "/admin/groups/new/"]:
        assert refused(client.get(url)), url


def test_a_group_manager_cannot_give_a_group_rights_it_lacks(client, homes, mightier_group):
    """Should a role ever manage groups, it still cannot give them more than it has."""
    manager = UserFactory(groups=[GATE_STAFF])
    manager.groups.add(mightier_group)
    for codename in ("access_admin", "add_group", "view_group"):
        manager.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(manager)
    organisers = Group.objects.get(name=ORGANISERS)
    gate = Group.objects.get(name=GATE_STAFF)
    gate_rights = set(gate.permissions.all())
    mine = list(mightier_group.permissions.values_list("pk", flat=True))
    superuser_only = Permission.objects.get(codename="add_user")

    assert refused(client.get(f"/admin/groups/edit/{organisers.pk}/"))
    client.post(
        "/admin/groups/new/",
        {
            "name": "Too much",
            "permissions": [*mine, superuser_only.pk],
            "page_permissions-TOTAL_FORMS": "0",
            "page_permissions-INITIAL_FORMS": "0",
        },
    )
    assert not Group.objects.filter(name="Too much").exists()
    assert set(gate.permissions.all()) == gate_rights


def test_an_account_with_a_phone_and_no_e_mail_is_made_and_edited_in_the_admin(client, organiser):
    created = client.post(
        "/admin/users/new/",
        new_user_form(email="", phone="06 61 23 45 67", language="fr"),
    )
    assert created.status_code == 302
    user = User.objects.get(phone="+212661234567")
    assert (user.email, user.language) == (None, "fr")

    edited = client.post(
        f"/admin/users/edit/{user.pk}/",
        edit_form(user, email="", phone="+212661234567", language="ar"),
    )
    assert edited.status_code == 302
    user.refresh_from_db()
    assert (user.email, user.language) == (None, "ar")


def test_an_account_needs_an_e_mail_or_a_phone(client, organiser):
    response = client.post("/admin/users/new/", new_user_form(email=""))

    assert response.status_code == 200
    assert not User.objects.filter(first_name="Yassine").exists()
