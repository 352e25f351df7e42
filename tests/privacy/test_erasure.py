"""A person's data, exported whole and then erased everywhere: the database, the media and
private files, the outbox and the logs no longer hold their name, address or number, and the
observatory counts exactly what it counted before."""

import json
import logging
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.test import Client

from events.models import Badge, CheckIn, Consent
from events.services.badge_links import badge_link_token
from events.services.devices import gate_token_issue
from fairsite.audit import audit_log
from fairsite.models import OutboundSms
from privacy.models import DataRequest
from programme.services.agenda import agenda_star
from programme.services.signups import session_signup
from tests.factories import B2BParticipantFactory, GateFactory, SessionFactory, UserFactory
from tests.privacy.figures import observatory_figures

pytestmark = pytest.mark.django_db

NAME = "زينب الإدريسي"
LATIN_NAME = "Zineb Qadiri-Idrissi"
EMAIL = "zineb.qadiri7@example.ma"
PHONE = "+212661234987"
ORGANISATION = "تعاونية واحة فجيج للتمور"
OFFER = "Dattes Aziza de Figuig en vrac"
NEEDLES = [NAME, LATIN_NAME, EMAIL, PHONE, "0661234987", ORGANISATION, OFFER, "Qadiri"]


def _searchable_fields(model):
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | models.JSONField)
    ]


def found_in_database() -> list[str]:
    """Every row of every table that holds one of the needles, as 'model.field'."""
    hits = []
    for model in apps.get_models():
        if not model._meta.managed or model._meta.proxy:
            continue
        for name in _searchable_fields(model):
            query = Q()
            for needle in NEEDLES:
                query |= Q(**{f"{name}__icontains": needle})
                # JSON columns keep non-Latin letters escaped on SQLite ("\u0632...").
                query |= Q(**{f"{name}__icontains": json.dumps(needle)[1:-1]})
            if model._default_manager.filter(query).exists():
                hits.append(f"{model._meta.label}.{name}")
    return hits


def found_in_files() -> list[str]:
    hits = []
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        for path in Path(root).rglob("*"):
            if path.is_file():
                content = path.read_bytes()
                if any(needle.encode() in content for needle in NEEDLES):
                    hits.append(str(path))
    return hits


@pytest.fixture
def person(client, homes, registration_open):
    """Zineb, with every kind of data the site keeps: a visitor registration with choices,
    an account with the same address, a starred session and a sign-up, a business-meetings
    profile, an entry at the gate, her badge e-mail, and an organiser's edit in the history."""
    edition = registration_open
    response = client.post(
        "/ar/visit/",
        {
            "full_name": NAME,
            "email": EMAIL,
            "organisation": ORGANISATION,
            "how_heard": "",
            "language": "ar",
            "consent_news": "on",
            "consent_findable": "on",
        },
    )
    assert response.status_code == 302, response.content
    badge = Badge.objects.get(attendee__email=EMAIL)
    attendee = badge.attendee
    attendee.phone = PHONE
    attendee.save(update_fields=["phone"])
    user = UserFactory(email=EMAIL, first_name=LATIN_NAME.split()[0], last_name="Qadiri-Idrissi")
    session = SessionFactory(edition=edition, ahead=True, signup_required=True, capacity=10)
    agenda_star(user=user, session=session)
    session_signup(session=session, attendee=attendee)
    B2BParticipantFactory(
        edition=edition,
        user=user,
        name=LATIN_NAME,
        organisation=ORGANISATION,
        email=EMAIL,
        offers=OFFER,
    )
    gate = GateFactory()
    token = gate_token_issue(gate=gate)
    scanned = client.post(
        "/api/checkin/scan",
        {"code": badge.code},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    ).json()
    assert scanned["result"] == "ok"
    OutboundSms.objects.create(
        to=PHONE, body=f"{NAME}، شارتك: https://fair.example/", language="ar"
    )
    organiser = UserFactory(groups=["Organisers"])
    audit_log(instance=attendee, action="wagtail.edit", by=organiser)
    return {"edition": edition, "user": user, "badge": badge, "organiser": organiser}


def test_a_person_is_exported_whole_then_erased_everywhere_and_the_figures_stay(person, caplog):
    caplog.set_level(logging.DEBUG)
    edition, user, badge = person["edition"], person["user"], person["badge"]
    assert found_in_database(), "the search must find the person before the erasure"
    before = observatory_figures(edition)

    me = Client()
    me.force_login(user)
    export = me.get("/ar/privacy/my-data/?download=json")
    assert export["Content-Disposition"].startswith("attachment;")
    text = json.dumps(export.json(), ensure_ascii=False)
    for needle in [NAME, EMAIL, PHONE, ORGANISATION, OFFER, LATIN_NAME.split()[0]]:
        assert needle in text, needle
    keys = {section["key"] for section in export.json()["sections"]}
    assert {"account", "attendees", "entries", "consents", "signups", "agenda", "b2b"} <= keys
    assert "outbox" in keys  # the badge e-mail
    readable = me.get("/ar/privacy/my-data/?download=html").content.decode()
    assert NAME in readable and 'dir="rtl"' in readable

    assert me.post("/ar/privacy/my-data/").status_code == 302
    data_request = DataRequest.objects.get()
    organisers = Client()
    organisers.force_login(person["organiser"])
    inspect = organisers.get(f"/admin/privacy/requests/inspect/{data_request.pk}/")
    assert inspect.status_code == 200 and NAME in inspect.content.decode()
    processed = organisers.post(f"/admin/privacy/requests/process/{data_request.pk}/")
    assert processed.status_code == 302

    data_request.refresh_from_db()
    assert data_request.status == "done" and data_request.user_id is None
    assert found_in_database() == []
    assert found_in_files() == []
    logged = "\n".join(record.getMessage() + repr(record.args) for record in caplog.records)
    assert not [needle for needle in NEEDLES if needle in logged]
    assert observatory_figures(edition) == before
    badge.refresh_from_db()
    assert badge.status == "revoked"
    assert CheckIn.objects.filter(badge=badge).count() == 1
    assert not Consent.objects.filter(attendee=badge.attendee, withdrawn_at=None).exists()
    assert me.get("/ar/privacy/my-data/").status_code == 302  # signed out: the account is closed
    assert Client().get(f"/ar/visit/badge/{badge_link_token(badge)}/").status_code == 404


def test_the_badge_link_holder_exports_and_asks_too(person):
    badge = person["badge"]
    token = badge_link_token(badge)
    page = Client().get(f"/fr/privacy/badge/{token}/")
    assert page.status_code == 200 and NAME in page.content.decode()
    export = Client().get(f"/fr/privacy/badge/{token}/?download=json").json()
    assert export["language"] == "fr"
    # The link proves the badge, not the account: the account's own records stay out.
    assert "account" not in {section["key"] for section in export["sections"]}
    Client().post(f"/fr/privacy/badge/{token}/")
    assert DataRequest.objects.get().attendee == badge.attendee


@pytest.mark.parametrize("who", ["anonymous", "another person"])
def test_nobody_else_sees_or_asks(person, who):
    other = Client()
    if who == "another person":
        other.force_login(UserFactory())
        mine = other.get("/ar/privacy/my-data/?download=json").json()
        assert NAME not in json.dumps(mine, ensure_ascii=False)
    else:
        assert other.get("/ar/privacy/my-data/").status_code == 302
    forged = badge_link_token(person["badge"])[:-2] + "xx"
    assert other.get(f"/ar/privacy/badge/{forged}/").status_code == 404
    assert other.post(f"/ar/privacy/badge/{forged}/").status_code == 404
    assert not DataRequest.objects.exists()


def test_only_organisers_process_requests(person):
    me = Client()
    me.force_login(person["user"])
    me.post("/ar/privacy/my-data/")
    data_request = DataRequest.objects.get()
    for user in [person["user"], UserFactory(groups=["Programme editors"])]:
        outsider = Client()
        outsider.force_login(user)
        outsider.post(f"/admin/privacy/requests/process/{data_request.pk}/")
    data_request.refresh_from_db()
    assert data_request.status == "pending"
