"""The role matrix (fairsite.roles.ROLE_MATRIX) is what the groups hold, and what the admin
answers over HTTP: for every role, for a signed-in person with no role and for a visitor,
every address under /admin/ (found from Django's URL resolver, so a new screen is checked as
soon as it exists) answers where fairsite.admin_access says the matrix allows it, and refuses
everywhere else. An address that fairsite.admin_access does not classify fails the walk."""

import datetime
import io
import json
import urllib.parse

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.viewsets import viewsets
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Page,
    UploadedFile,
    Workflow,
    WorkflowTask,
)

from b2b.models import B2BRegionPriority, B2BUnavailability, MeetingFeedback
from events.models import BadgePrintJob, GateDevice, OpeningHours
from events.services.devices import device_pairing_start
from exhibitors.models import Product
from fairsite.admin_access import (
    ADMIN_URLS,
    BULK_ACTIONS,
    NOBODY,
    VIEWSET_ACTIONS,
    role_may_open,
)
from fairsite.models import SiteSettings
from fairsite.roles import ORGANISERS, ROLES, role_allows, role_permission_names
from feedback.models import ExhibitorSurvey, SessionRating, VisitorSurvey
from observatory.selectors import indicators
from partnerships.models import Decision
from privacy.models import DataRequest, RetentionSweep
from proposals.models import CallQuestion
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
from tests.proposals.conftest import CallFactory, make_proposal

pytestmark = pytest.mark.django_db

NO_ROLE = "signed-in exhibitor, no role"
ANONYMOUS = "anonymous visitor"
EVERYONE = [*ROLES, NO_ROLE, ANONYMOUS]

# What an allowed request answers when it is not 200: the error page kept to test error
# reporting, "not found" for an address the admin does not know, the way to allauth's log-in.
ANSWER_OF = {"wagtailadmin_error_test": 500, "admin/^.*/$": "not found", "wagtailadmin_login": 302}


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


def viewset_areas() -> dict[str, str]:
    """The URL namespace of every admin screen of a model, and the model's area."""
    areas = {}
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if model is None or isinstance(model, str):
            continue
        try:
            namespace = viewset.url_namespace
        except Exception:  # Wagtail's page listing has no namespace of its own
            continue
        areas[namespace] = model._meta.label_lower
    return areas


def admin_routes():
    """(route, URL name or None, the pattern's converters' names) of every address under
    /admin/, as the resolver holds them."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                name = pattern.name and (
                    f"{namespace}:{pattern.name}" if namespace else pattern.name
                )
                regex = pattern.pattern.regex
                yield prefix + str(pattern.pattern), name, list(regex.groupindex)

    return [route for route in walk(get_resolver().url_patterns) if route[0].startswith("admin/")]


def tiny_png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()


def build_objects(homes) -> dict:
    """One object of every kind an admin address names, made once for a role's walk."""
    edition = EditionFactory(is_current=True)
    cooperative = CooperativeFactory()
    stand_type = StandTypeFactory(edition=edition)
    Product.objects.create(cooperative=cooperative, name_ar="عسل", name_fr="Miel", category="honey")
    badge = BadgeFactory(edition=edition)
    agreement = AgreementFactory()
    meeting = PartnershipMeetingFactory()
    organiser = UserFactory(groups=[ORGANISERS])
    VenueFactory()
    OpeningHours.objects.create(
        edition=edition, date=edition.starts_on, opens=datetime.time(10), closes=datetime.time(20)
    )
    AttendeeFactory(edition=edition)
    gate_device, _code = device_pairing_start(model=GateDevice, post=GateFactory(), by=None)
    CheckInFactory(badge=badge)
    RoomFactory()
    TrackFactory()
    SpeakerFactory()
    SessionFactory(status="draft")  # a published one is cancelled, not deleted
    SessionChangeFactory()
    StandFactory(stand_type=stand_type)
    ApplicationFactory(
        edition=edition, cooperative=cooperative, stand_type=stand_type, status="submitted"
    )
    PartnerRegionFactory()
    CommitmentFactory(agreement=agreement)
    B2BParticipantFactory()
    MeetingRequestFactory()
    B2BBlockFactory()
    B2BMeetingFactory()
    feedback_meeting = B2BMeetingFactory(request__requester__partner_region=PartnerRegionFactory())
    MeetingFeedback.objects.create(
        meeting=feedback_meeting,
        participant=feedback_meeting.request.requester,
        held="held",
        outcome="partnership",
    )
    B2BRegionPriority.objects.create(
        edition=edition, partner_region=PartnerRegionFactory(), weight=3
    )
    B2BUnavailability.objects.create(
        participant=B2BParticipantFactory(),
        starts_at=timezone.now(),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    SupportRequestFactory()
    call = CallFactory(edition=edition)
    CallQuestion.objects.create(call=call, text_ar="سؤال", text_fr="Question")
    make_proposal(call, UserFactory())
    rated = SessionFactory(edition=edition)
    SessionRating.objects.create(session=rated, attendee=AttendeeFactory(edition=edition), score=4)
    VisitorSurvey.objects.create(
        attendee=AttendeeFactory(edition=edition), edition=edition, satisfaction=4, come_again="yes"
    )
    ExhibitorSurvey.objects.create(
        application=ApplicationFactory(edition=edition, status="confirmed"),
        satisfaction=4,
        come_again="yes",
    )
    DataRequest.objects.create(attendee=badge.attendee)
    RetentionSweep.objects.create(outcome={"attendees": 0})

    decision = Decision.objects.create(meeting=meeting, text="Un comité de suivi")
    BadgePrintJob.objects.create(
        edition=edition,
        badge_ids=[badge.pk],
        status=BadgePrintJob.Status.DONE,
        file=ContentFile(b"%PDF-1.4\n", name="badges.pdf"),
    )

    home = homes["ar"]
    revision = home.save_revision(user=organiser)
    workflow = Workflow.objects.create(name="Relecture")
    task = GroupApprovalTask.objects.create(name="Valider")
    task.groups.set([Group.objects.get(name=ORGANISERS)])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow_state = workflow.start(home, organiser)
    image = get_image_model().objects.create(
        title="Logo", file=ImageFile(io.BytesIO(tiny_png()), name="logo.png")
    )
    document = get_document_model().objects.create(
        title="Convention", file=ContentFile(b"%PDF-1.4\n", name="convention.pdf")
    )
    uploaded = UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(get_image_model()),
        file=ContentFile(tiny_png(), name="upload.png"),
        uploaded_by_user=organiser,
    )
    collection = Collection.get_first_root_node().add_child(name="Presse")
    redirect = Redirect.objects.create(old_path="/ancien", redirect_link="https://example.org/")
    editing = EditingSession.objects.create(
        user=organiser,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(home.pk),
        last_seen_at=timezone.now(),
    )
    site_settings = SiteSettings.for_site(home.get_site())
    return {
        "edition": edition,
        "home": home,
        "revision": revision,
        "workflow": workflow,
        "task": task,
        "workflow_state": workflow_state,
        "task_state": workflow_state.current_task_state,
        "image": image,
        "document": document,
        "uploaded": uploaded,
        "redirect": redirect,
        "collection": collection,
        "decision": decision,
        "editing": editing,
        "settings": site_settings,
        "organiser": organiser,
        "gate_device": gate_device,
    }


def first(area: str):
    return apps.get_model(area).objects.order_by("pk").first()


def param_values(objects) -> dict:
    """The value of every parameter an admin address names, from the walk's objects."""
    home, image, document = objects["home"], objects["image"], objects["document"]
    print_job = BadgePrintJob.objects.first()
    pk_of = {
        "badges:print_job": print_job,
        "badges:print_job_file": print_job,
        "partnership_meetings:decision_commitment": objects["decision"],
        "wagtailadmin_api:pages:detail": home,
        "wagtailadmin_api:pages:action": home,
        "wagtailadmin_api:images:detail": image,
        "wagtailadmin_api:documents:detail": document,
        "wagtailimages_chooser:chosen": image,
        "wagtaildocs_chooser:chosen": document,
        "wagtailadmin_collections:edit": objects["collection"],
        "wagtailadmin_collections:delete": objects["collection"],
        "wagtailadmin_workflows:enable": objects["workflow"],
        "wagtailadmin_workflows:disable": objects["workflow"],
        "wagtailadmin_workflows:edit": objects["workflow"],
        "wagtailadmin_workflows:usage": objects["workflow"],
        "wagtailadmin_workflows:usage_results": objects["workflow"],
        "wagtailadmin_workflows:edit_task": objects["task"],
        "wagtailadmin_workflows:enable_task": objects["task"],
        "wagtailadmin_workflows:disable_task": objects["task"],
        "wagtailadmin_pages:revisions_compare": home,
        "simple_translation:submit_snippet_translation": first("partnerships.partnerregion"),
    }
    page_type = next(
        model for model in home.specific_class.allowed_subpage_models() if model is not Page
    )._meta
    return {
        "page_id": home.pk,
        "parent_page_id": home.pk,
        "page_to_move_id": home.pk,
        "page_pk": home.pk,
        "destination_id": home.get_parent().pk,
        "revision_id": objects["revision"].pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "workflow_pk": objects["workflow"].pk,
        "workflow_state_id": objects["workflow_state"].pk,
        "task_state_id": objects["task_state"].pk,
        "task_id": objects["task"].pk,
        "action_name": "approve",
        "page_type": page_type,
        "pk_of": pk_of,
        "firsts": {},
        "content_type_app_name": page_type.app_label,
        "content_type_model_name": page_type.model_name,
        "image_id": objects["image"].pk,
        "doc_id": objects["document"].pk,
        "document_id": objects["document"].pk,
        "uploaded_file_id": objects["uploaded"].pk,
        "filter_spec": "original",
        "collection_id": objects["collection"].pk,
        "redirect_id": objects["redirect"].pk,
        "device_pk": objects["gate_device"].pk,
        "key": indicators(objects["edition"])[0].key,
        "uidb64": "MQ",
        "token": "set-password",
        "session_id": objects["editing"].pk,
        "object_id": home.pk,
    }


def address(route, name, params, objects, areas, values):
    """The URL of one admin address with its parameters filled in, or None when the walk
    cannot make one (which fails the walk)."""
    if name is None:
        return {"admin/test404/": "/admin/test404/", "admin/^.*/$": "/admin/no-such-screen/"}.get(
            route
        )
    namespace = name.rpartition(":")[0]
    pk_of, firsts = values["pk_of"], values["firsts"]

    def first_of(area):
        if area not in firsts:
            firsts[area] = first(area)
        return firsts[area]

    if name in pk_of:
        pk_object = pk_of[name]
    elif namespace in areas:
        pk_object = first_of(areas[namespace])
    elif name in ADMIN_URLS and len(ADMIN_URLS[name]) > 1 and "." in ADMIN_URLS[name][0]:
        try:
            pk_object = first_of(ADMIN_URLS[name][0])
        except LookupError:
            pk_object = None
    else:
        pk_object = None
    page_type = values["page_type"]
    values = {**values, "pk": pk_object and pk_object.pk}
    by_name = {
        "wagtailadmin_pages:choose_parent": {
            "app_label": page_type.app_label,
            "model_name": page_type.model_name,
        },
        "wagtailadmin_workflows:add_task": {
            "app_label": "wagtailcore",
            "model_name": "groupapprovaltask",
        },
        "wagtailadmin_tag_model_autocomplete": {"app_name": "wagtailimages", "model_name": "image"},
        "wagtailsettings:edit": {"app_name": "fairsite", "model_name": "sitesettings"},
        "wagtailsettings:preview_on_edit": {"app_name": "fairsite", "model_name": "sitesettings"},
        "simple_translation:submit_snippet_translation": {
            "app_label": "partnerships",
            "model_name": "partnerregion",
        },
        "wagtailadmin_editing_sessions:ping": {"app_label": "wagtailcore", "model_name": "page"},
        "wagtailadmin_api:pages:action": {"action_name": "copy"},
    }.get(name, {})
    if name.startswith("wagtailsettings:"):
        by_name["pk"] = objects["settings"].pk
    kwargs = {}
    for param in params:
        value = by_name.get(param, values.get(param))
        if value is None:
            return None
        kwargs[param] = value
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def requirement_of(key: str, areas: dict[str, str]):
    """What fairsite.admin_access says the address asks for, or None: not classified."""
    if key in ADMIN_URLS:
        return ADMIN_URLS[key]
    namespace, _colon, name = key.rpartition(":")
    if namespace in areas and name in VIEWSET_ACTIONS:
        return (areas[namespace], *VIEWSET_ACTIONS[name])
    return None


def bulk_addresses(objects):
    """(url, key) of every registered bulk action, asked for one object of its model."""
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            model = apps.get_model(app_label, model_name)
            instance = objects["home"] if model is Page else model.objects.order_by("pk").first()
            for action in actions:
                url = reverse(
                    "wagtail_bulk_action",
                    kwargs={"app_label": app_label, "model_name": model_name, "action": action},
                )
                yield (
                    f"{url}?id={instance.pk if instance else ''}",
                    f"{app_label}.{model_name}.{action}",
                )


def walk_plan(objects):
    """(url, key, requirement) of every address under /admin/; the addresses the walk cannot
    fill in or classify, apart."""
    areas = viewset_areas()
    plan, unknown, seen = [], [], set()
    values = param_values(objects)
    for route, name, params in admin_routes():
        if name == "wagtail_bulk_action":
            continue
        url = address(route, name, params, objects, areas, values)
        if url is None:
            unknown.append(("cannot fill in", route, name))
            continue
        if url in seen:  # a pattern shadowed by an earlier one (Wagtail's log-in form)
            continue
        seen.add(url)
        match = resolve(url.split("?")[0])
        key = match.view_name if match.url_name else route
        requirement = requirement_of(key, areas)
        if requirement is None:
            unknown.append(("not classified", route, key))
            continue
        plan.append((url, key, requirement))
    # Bulk actions are classified apart from their address (one address serves them all).
    for url, key in bulk_addresses(objects):
        if key not in BULK_ACTIONS:
            unknown.append(("bulk action not classified", url, key))
            continue
        plan.append((url, key, BULK_ACTIONS[key]))
    return plan, unknown


def is_refusal(response) -> bool:
    """403; or a redirect to the log-in page; or a redirect to the admin's home with an
    error message (Wagtail's answer to a role without the permission)."""
    if response.status_code == 403:
        return True
    if response.status_code != 302:
        return False
    target = urllib.parse.urlsplit(response["Location"]).path
    try:
        match = resolve(target)
    except Resolver404:
        return False
    if match.url_name in ("account_login", "wagtailadmin_login"):
        return True
    if match.url_name == "wagtailadmin_home":
        return any(m.level_tag == "error" for m in get_messages(response.wsgi_request))
    return False


def is_not_found(response) -> bool:
    """404; or, from an address outside the languages' prefixes, Django's redirect to the same
    address in the visitor's language, where the public site answers 404."""
    if response.status_code == 404:
        return True
    request_path = response.wsgi_request.path
    return (
        response.status_code == 302
        and response["Location"].endswith(request_path)
        and (response["Location"].split("/")[1] in {code for code, _name in settings.LANGUAGES})
    )


def wagtails_own(url: str) -> bool:
    """Whether Wagtail's own view answers the address (not one of the fair's)."""
    view = resolve(url.split("?")[0]).func
    while hasattr(view, "__wrapped__"):
        view = view.__wrapped__
    module = getattr(getattr(view, "view_class", None), "__module__", view.__module__)
    return module.startswith("wagtail.")


def bulk_refused(response) -> bool:
    """A bulk action lists the object it may not act on apart, and acts on nothing."""
    if is_refusal(response):
        return True
    context = response.context
    return (
        response.status_code == 200
        and not context["items"]
        and bool(context.get("items_with_no_access"))
    )


def signed_in(client, role):
    if role == ANONYMOUS:
        return None
    user = UserFactory(groups=[role] if role in ROLES else [])
    if role == NO_ROLE:
        CooperativeFactory(managers=[user])
    client.force_login(user)
    return user


@pytest.mark.parametrize("role", EVERYONE)
def test_every_admin_address_answers_as_the_matrix_says(homes, role):
    objects = build_objects(homes)
    plan, unknown = walk_plan(objects)
    assert not unknown, "\n".join(map(str, unknown))
    assert len(plan) > 450

    client = Client(raise_request_exception=False)
    user = signed_in(client, role)
    matrix_role = role if role in ROLES else None
    wrong = []
    for url, key, requirement in plan:
        allowed = role_may_open(matrix_role, requirement)
        response = client.get(url)
        if user is not None and key == "wagtailadmin_logout":
            client.force_login(user)
        bulk = key in BULK_ACTIONS
        if allowed:
            expected = ANSWER_OF.get(key, 200)
            if bulk:
                ok = response.status_code == 200 and bool(response.context["items"])
            elif expected == "not found":
                ok = is_not_found(response)
            elif response.status_code == 405 or expected != 200:
                ok = response.status_code in (expected, 405)
            else:
                ok = response.status_code == 200 or (
                    response.status_code == 302 and not is_refusal(response)
                )
            if not ok:
                wrong.append(
                    ("should answer", url, key, response.status_code, response.get("Location", ""))
                )
            continue
        # Wagtail's own views answer "not found" for an object outside what a role may act on,
        # and so do the addresses switched off for everyone; the fair's views refuse.
        hidden = requirement == NOBODY or wagtails_own(url)
        refused = (
            bulk_refused(response)
            if bulk
            else is_refusal(response) or hidden and is_not_found(response)
        )
        if response.status_code == 405:
            # A POST-only address: a refused role's POST is refused too.
            response = client.post(url)
            refused = is_refusal(response) or hidden and is_not_found(response)
        if not refused:
            wrong.append(
                ("should refuse", url, key, response.status_code, response.get("Location", ""))
            )
    assert not wrong, "\n".join(map(str, wrong))


@pytest.mark.parametrize("role", ROLES)
def test_a_chooser_gives_no_title_to_a_role_that_may_not_list(client, homes, role):
    build_objects(homes)
    region = first("partnerships.partnerregion")
    client.force_login(UserFactory(groups=[role]))
    base = "/admin/snippets/choose/partnerships/partnerregion/"
    listing = client.get(base)
    chosen = client.get(f"{base}chosen/{region.pk}/")
    name = str(region)
    if any(role_allows(role, "partnerships.partnerregion", a) for a in VIEWSET_ACTIONS["choose"]):
        assert listing.status_code == 200 and name in shown(listing)
        assert chosen.status_code == 200 and name in shown(chosen)
    else:
        assert name not in shown(listing) and is_refusal(listing)
        assert name not in shown(chosen) and is_refusal(chosen)


def shown(response) -> str:
    """The text of an answer, JSON's escapes undone."""
    text = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


@pytest.mark.parametrize("role", ROLES)
def test_the_page_chooser_and_the_admin_api_answer_only_with_the_permission(homes, role):
    """The page chooser and the admin API list every page title, image and document: a role
    without a permission on them is refused, with nothing of theirs in the answer."""
    objects = build_objects(homes)
    home, image, document = objects["home"], objects["image"], objects["document"]
    client = Client()
    client.force_login(UserFactory(groups=[role]))
    title = home.title
    pages = [
        "/admin/choose-page/",
        f"/admin/choose-page/{home.pk}/",
        f"/admin/choose-page/search/?q={urllib.parse.quote(home.title[:6])}",
        f"/admin/api/main/pages/?child_of={home.get_parent().pk}&for_explorer=1",
        f"/admin/api/main/pages/{home.pk}/",
    ]
    for kind, urls, name, requirement in (
        ("page", pages, title, ADMIN_URLS["wagtailadmin_choose_page"]),
        (
            "image",
            ["/admin/api/main/images/", f"/admin/api/main/images/{image.pk}/"],
            image.title,
            ADMIN_URLS["wagtailadmin_api:images:listing"],
        ),
        (
            "document",
            ["/admin/api/main/documents/", f"/admin/api/main/documents/{document.pk}/"],
            document.title,
            ADMIN_URLS["wagtailadmin_api:documents:listing"],
        ),
    ):
        for url in urls:
            response = client.get(url)
            if role_may_open(role, requirement):
                assert response.status_code == 200, (kind, url)
                assert name in shown(response), (kind, url)
            else:
                assert is_refusal(response), (kind, url, response.status_code)
                assert name not in shown(response), (kind, url)
