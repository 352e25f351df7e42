"""The role matrix (fairsite.roles.ROLE_MATRIX) is what the groups hold, and what the admin
answers over HTTP: for every role, every address of every admin screen of the fair's models
(found from Django's URL resolver, so a new screen is checked as soon as it exists), choosers
included, answers 200 where the matrix allows it and refuses everywhere else."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import URLResolver, get_resolver
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from exhibitors.models import Product
from fairsite.roles import ROLE_MATRIX, ROLES, role_allows, role_permission_names
from tests.factories import (
    AgreementFactory,
    ApplicationFactory,
    B2BBlockFactory,
    B2BParticipantFactory,
    CommitmentFactory,
    CooperativeFactory,
    EditionFactory,
    GateFactory,
    PartnerRegionFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    StandFactory,
    StandTypeFactory,
    TrackFactory,
    UserFactory,
    VenueFactory,
)
from tests.factories.records import (
    AttendeeFactory,
    B2BMeetingFactory,
    BadgeFactory,
    CheckInFactory,
    MeetingRequestFactory,
    PartnershipMeetingFactory,
    SessionChangeFactory,
    SupportRequestFactory,
)

pytestmark = pytest.mark.django_db

LISTING = ("view", "add", "change", "delete")
# What each standard address of a screen asks for; None: any of the listing's permissions.
ACTION_OF_NAME = {
    "index": None,
    "index_results": None,
    "list": None,
    "list_results": None,
    "inspect": None,
    # Wagtail shows an object's history and where it is used to those who may change it.
    "history": "change",
    "history_results": "change",
    "usage": "change",
    "choose": None,
    "choose_results": None,
    "chosen": None,
    "add": "add",
    "copy": "add",
    "edit": "change",
    "delete": "delete",
}


def test_the_groups_hold_exactly_the_matrix():
    for role in ROLES:
        group = Group.objects.get(name=role)
        held = {
            f"{app_label}.{codename}"
            for app_label, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert held == role_permission_names(role), role


def role_may(role: str, area: str, action) -> bool:
    if action is None:
        return any(role_allows(role, area, listing) for listing in LISTING)
    return role_allows(role, area, action)


def model_areas() -> set[str]:
    return {area for areas in ROLE_MATRIX.values() for area in areas}


def admin_screens():
    """(route prefix, area) of every admin screen of a model in the matrix, and of its
    chooser when it has one."""
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if not isinstance(viewset, ModelViewSet) or model is None:
            continue
        area = f"{model._meta.app_label}.{model._meta.model_name}"
        if area not in model_areas():
            continue
        yield f"admin/{viewset.url_prefix}/", area
        chooser = getattr(viewset, "chooser_viewset", None)
        if chooser is not None:
            yield f"admin/{chooser.url_prefix}/", area


def admin_routes():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern.name

    return list(walk(get_resolver().url_patterns))


@pytest.fixture
def objects(homes):
    edition = EditionFactory(is_current=True)
    cooperative = CooperativeFactory()
    stand_type = StandTypeFactory(edition=edition)
    Product.objects.create(cooperative=cooperative, name_ar="عسل", name_fr="Miel", category="honey")
    badge = BadgeFactory(edition=edition)
    agreement = AgreementFactory()
    made = [
        edition,
        VenueFactory(),
        AttendeeFactory(edition=edition),
        badge,
        GateFactory(),
        CheckInFactory(badge=badge),
        RoomFactory(),
        TrackFactory(),
        SpeakerFactory(),
        SessionFactory(status="draft"),  # a published one is cancelled, not deleted
        SessionChangeFactory(),
        cooperative,
        stand_type,
        StandFactory(stand_type=stand_type),
        ApplicationFactory(edition=edition, cooperative=cooperative, stand_type=stand_type),
        PartnerRegionFactory(),
        agreement,
        CommitmentFactory(agreement=agreement),
        PartnershipMeetingFactory(),
        B2BParticipantFactory(),
        MeetingRequestFactory(),
        B2BBlockFactory(),
        B2BMeetingFactory(),
        SupportRequestFactory(),
        UserFactory(),
    ]
    return made


def addresses():
    """(url, area, action) of every standard address of the fair's screens, pk filled in."""
    routes = admin_routes()
    for prefix, area in admin_screens():
        model = apps.get_model(area)
        for route, name in routes:
            if not route.startswith(prefix) or name not in ACTION_OF_NAME:
                continue
            rest = route[len(prefix):]
            if "<" in rest:
                instance = model.objects.order_by("pk").first()
                if instance is None:
                    continue
                rest = rest.replace("<int:pk>", str(instance.pk)).replace(
                    "<str:pk>", str(instance.pk)
                )
            if "<" in rest:
                continue
            yield "/" + prefix + rest, area, ACTION_OF_NAME[name]


@pytest.mark.parametrize("role", ROLES)
def test_every_screen_answers_as_the_matrix_says(client, objects, role):
    client.force_login(UserFactory(groups=[role]))
    checked, wrong = 0, []
    for url, area, action in addresses():
        response = client.get(url)
        checked += 1
        if role_may(role, area, action) and role_may(role, "wagtailadmin.admin", "access"):
            if response.status_code != 200:
                wrong.append(("should answer", url, response.status_code))
        elif not (response.status_code == 403 or response.status_code == 302):
            wrong.append(("should refuse", url, response.status_code))
    assert checked > 200
    assert not wrong, "\n".join(map(str, wrong))


@pytest.mark.parametrize("role", ROLES)
def test_a_chooser_gives_no_title_to_a_role_that_may_not_list(client, objects, role):
    client.force_login(UserFactory(groups=[role]))
    application = objects[14]
    base = "/admin/snippets/choose/exhibitors/application/"
    listing = client.get(base)
    chosen = client.get(f"{base}chosen/{application.pk}/")
    name = application.cooperative.name.encode()
    if role_may(role, "exhibitors.application", None):
        assert listing.status_code == 200 and name in listing.content
        assert chosen.status_code == 200 and name in chosen.content
    else:
        assert name not in listing.content and listing.status_code in (302, 403)
        assert name not in chosen.content and chosen.status_code in (302, 403)
