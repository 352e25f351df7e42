"""The room scanners: pairing from the room's admin page, the scan, sync and status API, and
the scanner page in room mode."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from events.services.badges import attendee_register, badge_revoke
from events.services.devices import device_pair, device_pairing_start
from programme.models import RoomDevice, SessionAttendance
from tests.factories import PASSWORD, RoomFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(fair_today):
    starts = timezone.now() - datetime.timedelta(minutes=5)
    return SessionFactory(
        edition=fair_today,
        room=RoomFactory(venue=fair_today.venue, name_fr="Salle Argan", capacity=1),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
    )


@pytest.fixture
def token(session):
    _device, code = device_pairing_start(model=RoomDevice, post=session.room, by=None)
    _device, token = device_pair(model=RoomDevice, code=code)
    return token


def post(client, url, body, token, **headers):
    return client.post(
        url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}", **headers
    )


def test_a_scan_admits_and_says_how_many_seats_are_taken(client, session, token, fair_today):
    _nadia, first = attendee_register(
        edition=fair_today, category="visitor", full_name="Nadia", organisation="Coop Zitoun"
    )
    _omar, second = attendee_register(edition=fair_today, category="visitor", full_name="Omar")

    admitted = post(client, "/api/rooms/scan", {"code": first.code, "scan_id": "a"}, token)
    full = post(client, "/api/rooms/scan", {"code": second.code, "scan_id": "b"}, token)
    again = post(client, "/api/rooms/scan", {"code": first.code, "scan_id": "c"}, token)

    assert admitted.status_code == 200
    answer = admitted.json()
    assert (answer["result"], answer["tone"]) == ("ok", "ok")
    assert answer["badge"]["name"] == "Nadia" and answer["badge"]["organisation"] == "Coop Zitoun"
    assert answer["seats"] == {"taken": 1, "places": 1}
    assert answer["session"]["title"] == session.title
    assert (full.json()["result"], full.json()["tone"]) == ("full", "refused")
    assert (again.json()["result"], again.json()["tone"]) == ("already_in", "warning")
    assert SessionAttendance.objects.count() == 1


def test_answers_are_in_the_device_language(client, session, token, fair_today):
    _attendee, badge = attendee_register(edition=fair_today, category="visitor", full_name="R")
    badge_revoke(badge=badge)

    answer = post(
        client, "/api/rooms/scan", {"code": badge.code}, token, HTTP_ACCEPT_LANGUAGE="fr"
    ).json()

    assert answer["result"] == "revoked"
    assert answer["message"] == "Ce badge a été révoqué."


def test_a_scan_id_reused_for_another_badge_is_refused(client, session, token, fair_today):
    session.capacity = 5
    session.save()
    first, second = (
        attendee_register(edition=fair_today, category="visitor", full_name=name)[1]
        for name in ("A", "B")
    )
    post(client, "/api/rooms/scan", {"code": first.code, "scan_id": "same"}, token)

    response = post(client, "/api/rooms/scan", {"code": second.code, "scan_id": "same"}, token)

    assert response.status_code == 409


def test_only_a_paired_device_scans(client, session, token, fair_today):
    _attendee, badge = attendee_register(edition=fair_today, category="visitor", full_name="A")
    device = RoomDevice.objects.get()

    assert post(client, "/api/rooms/scan", {"code": badge.code}, "nope").status_code == 401
    assert client.post("/api/rooms/scan", {"code": badge.code}).status_code == 401
    device.revoked_at = timezone.now()
    device.save()
    assert post(client, "/api/rooms/scan", {"code": badge.code}, token).status_code == 401
    assert not SessionAttendance.objects.exists()


def test_bad_requests_are_refused_with_a_reason(client, session, token):
    not_json = client.post(
        "/api/rooms/scan",
        "{",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    no_code = post(client, "/api/rooms/scan", {"scan_id": "x"}, token)
    undated = post(client, "/api/rooms/sync", {"scans": [{"code": "X", "scan_id": "1"}]}, token)

    assert [r.status_code for r in (not_json, no_code, undated)] == [400, 400, 400]
    assert all("error" in r.json() for r in (not_json, no_code, undated))


def test_offline_scans_sync_in_the_order_they_were_made(client, session, token, fair_today):
    first, second = (
        attendee_register(edition=fair_today, category="visitor", full_name=name)[1]
        for name in ("First", "Second")
    )
    now = timezone.now()
    scans = [
        {"code": second.code, "scan_id": "2", "scanned_at": now.isoformat(), "admitted": False},
        {
            "code": first.code,
            "scan_id": "1",
            "scanned_at": (now - datetime.timedelta(minutes=1)).isoformat(),
            "admitted": False,
        },
    ]

    results = post(client, "/api/rooms/sync", {"scans": scans}, token).json()["results"]

    assert [r["result"] for r in results] == ["full", "ok"]
    assert [r["badge"]["name"] for r in results] == ["Second", "First"]


def test_the_status_names_the_room_the_session_and_its_seats(client, session, token):
    answer = client.get("/api/rooms/status", HTTP_AUTHORIZATION=f"Bearer {token}").json()

    assert answer["post"]["name"] == session.room.name
    assert answer["session"]["title"] == session.title
    assert answer["seats"] == {"taken": 0, "places": 1}


def test_the_status_between_sessions(client, session, token):
    session.starts_at += datetime.timedelta(hours=3)
    session.ends_at += datetime.timedelta(hours=3)
    session.save()

    answer = client.get("/api/rooms/status", HTTP_AUTHORIZATION=f"Bearer {token}").json()

    assert answer["session"] is None and "seats" not in answer


def test_test_badges_pass_only_during_a_rehearsal_and_take_no_seat(
    client, session, token, fair_today
):
    _attendee, badge = attendee_register(edition=fair_today, category="test", full_name="Test")

    refused = post(client, "/api/rooms/scan", {"code": badge.code}, token).json()
    fair_today.rehearsal = True
    fair_today.save()
    rehearsed = post(client, "/api/rooms/scan", {"code": badge.code}, token).json()

    assert refused["result"] == "rehearsal_over"
    assert (rehearsed["result"], rehearsed["rehearsal"]) == ("ok", True)
    assert rehearsed["seats"] == {"taken": 0, "places": 1}
    assert not SessionAttendance.objects.exists()


def test_the_room_scanner_page_is_for_scanning_staff(client, fair_today):
    assert client.get("/ar/room/").status_code == 302  # to the log-in
    UserFactory(email="visitor@fair.example")
    client.login(email="visitor@fair.example", password=PASSWORD)
    assert client.get("/ar/room/").status_code == 403

    UserFactory(email="gate@fair.example", groups=["Gate staff"])
    client.login(email="gate@fair.example", password=PASSWORD)
    page = client.get("/fr/room/").content.decode()

    found = re.search(r'<script id="gate-config" [^>]*>(.*?)</script>', page, re.S)
    config = json.loads(found.group(1))
    assert config["mode"] == "room"
    assert config["urls"]["scan"] == "/api/rooms/scan"
    assert config["urls"]["pair"] == "/api/rooms/pair"
    assert config["urls"]["status"] == "/api/rooms/status"
    assert config["results"]["full"] and config["results"]["no_session"]


def test_organisers_pair_room_devices_and_unpair_them(client, session, fair_today, homes):
    client.force_login(UserFactory(groups=["Organisers"]))
    room = session.room
    _attendee, badge = attendee_register(edition=fair_today, category="visitor", full_name="A")

    page = client.post(f"/admin/programme/rooms/{room.pk}/pair/", {"name": "Tablette porte"})
    text = page.content.decode()
    code = text.split('<code dir="ltr" style="font-size:1.5em;letter-spacing:.1em">')[1]
    code = code.split("</code>")[0]
    paired = client.post("/api/rooms/pair", {"code": code}, content_type="application/json")
    token = paired.json()["token"]

    assert "<svg" in text
    assert paired.json()["post"]["name"] == room.name
    assert post(client, "/api/rooms/scan", {"code": badge.code}, token).json()["result"] == "ok"
    inspect = client.get(reverse("rooms:inspect", args=[room.pk])).content.decode()
    assert "Tablette porte" in inspect
    device = RoomDevice.objects.get(room=room, name="Tablette porte")
    client.post(f"/admin/programme/rooms/{room.pk}/devices/{device.pk}/unpair/")
    assert post(client, "/api/rooms/scan", {"code": badge.code}, token).status_code == 401
