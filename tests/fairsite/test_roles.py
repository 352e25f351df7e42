import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from fairsite.roles import (
    APPLICATION_REVIEWERS,
    GATE_STAFF,
    ORGANISERS,
    PARTNERSHIPS_OFFICERS,
    PROGRAMME_EDITORS,
    ROLES,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_exists_and_wagtails_sample_groups_are_gone():
    names = set(Group.objects.values_list("name", flat=True))

    assert set(ROLES) <= names
    assert not {"Editors", "Moderators"} & names


@pytest.mark.parametrize(
    ("role", "granted", "refused"),
    [
        (
            ORGANISERS,
            [
                "wagtailadmin.access_admin",
                "events.change_edition",
                "fairsite.change_sitesettings",
                "fairsite.add_user",
            ],
            [],
        ),
        (
            APPLICATION_REVIEWERS,
            ["wagtailadmin.access_admin", "events.view_edition"],
            ["events.change_edition", "fairsite.change_sitesettings"],
        ),
        (
            PROGRAMME_EDITORS,
            ["wagtailadmin.access_admin", "events.view_venue"],
            ["events.change_edition", "fairsite.add_user"],
        ),
        (
            PARTNERSHIPS_OFFICERS,
            ["wagtailadmin.access_admin"],
            ["events.change_edition", "fairsite.add_user"],
        ),
        (
            GATE_STAFF,
            ["events.scan_badges"],
            ["wagtailadmin.access_admin", "events.change_edition"],
        ),
    ],
)
def test_role_permissions(role, granted, refused):
    user = UserFactory(groups=[role])

    for permission in granted:
        assert user.has_perm(permission), permission
    for permission in refused:
        assert not user.has_perm(permission), permission


def test_only_organisers_edit_and_publish_pages(homes):
    organiser = UserFactory(groups=[ORGANISERS])
    reviewer = UserFactory(groups=[APPLICATION_REVIEWERS])
    home = homes["ar"]

    assert home.permissions_for_user(organiser).can_publish()
    assert Page.get_first_root_node().permissions_for_user(organiser).can_add_subpage()
    assert not home.permissions_for_user(reviewer).can_edit()


def test_admin_is_for_staff_roles_only(client, homes):
    gate = UserFactory(groups=[GATE_STAFF])
    reviewer = UserFactory(groups=[APPLICATION_REVIEWERS])

    client.force_login(gate)
    assert client.get("/admin/").status_code == 302
    client.force_login(reviewer)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{homes['ar'].pk}/edit/").status_code in (302, 403)


def test_reviewers_review_applications_but_do_not_edit_cooperatives():
    reviewer = UserFactory(groups=[APPLICATION_REVIEWERS])
    organiser = UserFactory(groups=[ORGANISERS])

    assert reviewer.has_perm("exhibitors.review_application")
    assert reviewer.has_perm("exhibitors.view_applicationdocument")
    assert not reviewer.has_perm("exhibitors.change_cooperative")
    assert organiser.has_perm("exhibitors.change_stand") and organiser.has_perm(
        "exhibitors.review_application"
    )
