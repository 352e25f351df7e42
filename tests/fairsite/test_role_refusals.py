"""A role the matrix does not allow a write action is refused when it posts to it, and the
post changes nothing: every hand-written admin view that takes a POST, and some bulk actions,
each for a role that may see the admin but not take that action (and, for the export support
actions, the organisers, who may only read those requests)."""

import datetime

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from exhibitors.models import ApplicationStatus
from fairsite.admin_access import ADMIN_URLS, BULK_ACTIONS, role_may_open
from fairsite.roles import (
    APPLICATION_REVIEWERS,
    LOGISTICS_UNIT,
    ORGANISERS,
    PARTNERSHIPS_OFFICERS,
    PROGRAMME_EDITORS,
)
from tests.factories import UserFactory
from tests.fairsite.test_role_matrix import build_objects, first, is_refusal

pytestmark = pytest.mark.django_db

WATCHED = (
    "events.attendee",
    "events.badge",
    "events.badgeprintjob",
    "events.gate",
    "events.gatedevice",
    "programme.session",
    "exhibitors.application",
    "exhibitors.stand",
    "partnerships.agreement",
    "partnerships.commitment",
    "b2b.b2bmeeting",
    "exportsupport.supportrequest",
    "exportsupport.supportmessage",
)


def state() -> dict:
    """Every row of the models a write action touches, field by field."""
    return {label: list(apps.get_model(label).objects.order_by("pk").values()) for label in WATCHED}


def csv_upload():
    return SimpleUploadedFile(
        "people.csv",
        b"full_name,organisation,email,language\nSalma Idrissi,Coop,salma@example.org,fr\n",
        content_type="text/csv",
    )


# (URL name, how the URL is made, what is posted, a role the matrix refuses it to)
CASES = [
    ("badges:revoke", lambda: [first("events.badge").pk], {}, PROGRAMME_EDITORS),
    ("badges:reissue", lambda: [first("events.badge").pk], {}, APPLICATION_REVIEWERS),
    ("gates:pair", lambda: [first("events.gate").pk], {}, PARTNERSHIPS_OFFICERS),
    (
        "gates:unpair",
        lambda: [first("events.gatedevice").gate_id, first("events.gatedevice").pk],
        {},
        PARTNERSHIPS_OFFICERS,
    ),
    (
        "attendees:import",
        list,
        lambda: {"category": "visitor", "file": csv_upload()},
        LOGISTICS_UNIT,
    ),
    ("badges:print_jobs", list, {"category": "", "unprinted_only": "on"}, PROGRAMME_EDITORS),
    (
        "applications:decide",
        lambda: [first("exhibitors.application").pk],
        {"decision": ApplicationStatus.ACCEPTED, "note": "Bienvenue"},
        PARTNERSHIPS_OFFICERS,
    ),
    (
        "applications:assign",
        lambda: [first("exhibitors.application").pk],
        lambda: {"stand": first("exhibitors.stand").pk},
        LOGISTICS_UNIT,
    ),
    ("sessions:publish", lambda: [first("programme.session").pk], {}, PARTNERSHIPS_OFFICERS),
    (
        "sessions:cancel",
        lambda: [first("programme.session").pk],
        {"reason": "Orage"},
        APPLICATION_REVIEWERS,
    ),
    (
        "agreements:terminate",
        lambda: [first("partnerships.agreement").pk],
        {"on": datetime.date.today().isoformat()},
        PROGRAMME_EDITORS,
    ),
    ("agreements:renew", lambda: [first("partnerships.agreement").pk], {}, APPLICATION_REVIEWERS),
    (
        "partnership_meetings:badges",
        lambda: [first("partnerships.partnershipmeeting").pk],
        {},
        PROGRAMME_EDITORS,
    ),
    (
        "partnership_meetings:decision_commitment",
        lambda: [first("partnerships.decision").pk],
        {},
        LOGISTICS_UNIT,
    ),
    ("b2b_placement:index", list, {"reshuffle": "on"}, APPLICATION_REVIEWERS),
    (
        "exportsupport_requests:assign",
        lambda: [first("exportsupport.supportrequest").pk],
        lambda: {"officer": UserFactory(groups=[LOGISTICS_UNIT]).pk},
        ORGANISERS,
    ),
    (
        "exportsupport_requests:status",
        lambda: [first("exportsupport.supportrequest").pk],
        {"status": "in_progress", "message": "Nous étudions la demande."},
        ORGANISERS,
    ),
    (
        "exportsupport_requests:message",
        lambda: [first("exportsupport.supportrequest").pk],
        {"text": "Voici le projet d'étiquette."},
        ORGANISERS,
    ),
    (
        "exportsupport_requests:outcome",
        lambda: [first("exportsupport.supportrequest").pk],
        {"outcome": "Étiquetage conforme."},
        ORGANISERS,
    ),
]

BULK_CASES = [
    ("programme", "session", "publish_sessions", PARTNERSHIPS_OFFICERS),
    ("programme", "session", "cancel_sessions", APPLICATION_REVIEWERS),
    ("exhibitors", "application", "accept_applications", PROGRAMME_EDITORS),
    ("b2b", "b2bmeeting", "confirm_b2b_meetings", LOGISTICS_UNIT),
]


@pytest.mark.parametrize(("name", "args", "data", "role"), CASES, ids=[c[0] for c in CASES])
def test_a_refused_role_posts_and_nothing_changes(homes, name, args, data, role):
    build_objects(homes)
    assert not role_may_open(role, ADMIN_URLS[name])
    url = reverse(name, args=args())
    payload = data() if callable(data) else data
    client = Client()
    client.force_login(UserFactory(groups=[role]))
    before = state()

    response = client.post(url, payload)

    assert is_refusal(response), (response.status_code, response.get("Location"))
    assert state() == before


@pytest.mark.parametrize(("app_label", "model_name", "action", "role"), BULK_CASES)
def test_a_refused_role_posts_a_bulk_action_and_nothing_changes(
    homes, app_label, model_name, action, role
):
    build_objects(homes)
    assert not role_may_open(role, BULK_ACTIONS[f"{app_label}.{model_name}.{action}"])
    instance = first(f"{app_label}.{model_name}")
    url = reverse(
        "wagtail_bulk_action",
        kwargs={"app_label": app_label, "model_name": model_name, "action": action},
    )
    client = Client()
    client.force_login(UserFactory(groups=[role]))
    before = state()

    response = client.post(f"{url}?id={instance.pk}", {"reason": "Orage"})

    assert state() == before
    # Wagtail acts on the objects the role may act on (none) and goes back where it came from.
    assert is_refusal(response) or response.status_code == 302 and response["Location"] == url, (
        response.status_code,
        response.get("Location"),
    )


# The role that may take each action, where the objects of the walk let the post above do
# something: it shows the post is one that would change the data.
ALLOWED = {
    "badges:revoke": ORGANISERS,
    "badges:reissue": ORGANISERS,
    "gates:pair": ORGANISERS,
    "gates:unpair": ORGANISERS,
    "attendees:import": ORGANISERS,
    "badges:print_jobs": ORGANISERS,
    "applications:decide": APPLICATION_REVIEWERS,
    "sessions:publish": PROGRAMME_EDITORS,
    "sessions:cancel": PROGRAMME_EDITORS,
    "agreements:terminate": PARTNERSHIPS_OFFICERS,
    "agreements:renew": PARTNERSHIPS_OFFICERS,
    "exportsupport_requests:assign": LOGISTICS_UNIT,
    "exportsupport_requests:status": LOGISTICS_UNIT,
    "exportsupport_requests:message": LOGISTICS_UNIT,
    "exportsupport_requests:outcome": LOGISTICS_UNIT,
}


@pytest.mark.parametrize(
    ("name", "args", "data", "role"),
    [case for case in CASES if case[0] in ALLOWED],
    ids=[case[0] for case in CASES if case[0] in ALLOWED],
)
def test_the_same_post_by_an_allowed_role_does_change_something(homes, name, args, data, role):
    build_objects(homes)
    allowed = ALLOWED[name]
    assert role_may_open(allowed, ADMIN_URLS[name])
    url = reverse(name, args=args())
    payload = data() if callable(data) else data
    client = Client()
    client.force_login(UserFactory(groups=[allowed]))
    before = state()

    response = client.post(url, payload)

    assert not is_refusal(response)
    assert state() != before
