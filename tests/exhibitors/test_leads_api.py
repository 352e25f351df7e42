"""The stand scanner's API over HTTP: a paired phone's token, scans and their answers (a
visitor's name only if they share it), offline sync, the note typed after a scan, pairing."""

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from events.services.devices import device_pairing_start, device_unpair, gate_token_issue
from exhibitors.models import StandDevice, StandVisit
from tests.exhibitors.leads import paired_token, stand_at, visitor
from tests.factories import GateFactory

pytestmark = pytest.mark.django_db

API = "/en/portal/stand-scanner/"


@pytest.fixture
def stand(fair_today):
    return stand_at(fair_today)


@pytest.fixture
def phone(stand):
    """A client holding the token of a phone paired to the stand."""
    return Device(paired_token(stand))


class Device:
    def __init__(self, token):
        self.client = Client()
        self.auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    def post(self, path, data):
        return self.client.post(API + path, data, content_type="application/json", **self.auth)

    def get(self, path):
        return self.client.get(API + path, **self.auth)


def test_a_scan_of_a_visitor_who_shares_names_them(phone, stand):
    badge = visitor(stand.edition, findable=True, name="Salma Alaoui")

    answer = phone.post("scan", {"code": badge.code, "scan_id": "s-1"}).json()

    visit = StandVisit.objects.get()
    assert answer["result"] == "lead" and answer["tone"] == "ok"
    assert answer["badge"]["name"] == "Salma Alaoui"
    assert answer["badge"]["organisation"] == "Coopérative Nour"
    assert answer["message"] == "Contact saved: this visitor shares it with the stands."
    assert answer["lead"] == {
        "id": visit.pk,
        "note": "",
        "rating": None,
        "scans": 1,
        "url": f"/en/portal/stand-scanner/leads/{visit.pk}",
    }


def test_a_scan_of_a_visitor_who_does_not_share_names_nobody(phone, stand):
    badge = visitor(stand.edition, findable=False, name="Karim Benali")

    response = phone.post("scan", {"code": badge.code})

    answer = response.json()
    assert answer["result"] == "visit" and answer["tone"] == "ok"
    anonymous = {"name": "Anonymous visitor", "organisation": "", "category_label": ""}
    assert answer["badge"] == anonymous
    for personal in ("Karim", "Benali", "Nour", badge.attendee.email, badge.attendee.phone):
        assert personal not in response.content.decode()
    assert "lead" in answer  # the stand may still note the visit


def test_a_second_scan_says_so(phone, stand):
    badge = visitor(stand.edition, findable=True)
    phone.post("scan", {"code": badge.code, "scan_id": "a"})

    answer = phone.post("scan", {"code": badge.code, "scan_id": "b"}).json()

    assert answer["tone"] == "warning" and answer["lead"]["scans"] == 2
    assert answer["message"] == "Already scanned at this stand."


def test_refusals_name_nobody_and_count_nothing(phone, stand):
    badge = visitor(stand.edition, findable=True)

    answer = phone.post("scan", {"code": badge.code[:-4] + "AAAA"}).json()

    assert answer == {
        "result": "invalid",
        "message": "This is not a badge of the fair.",
        "tone": "refused",
    }
    assert not StandVisit.objects.exists()


def test_the_answer_is_in_the_language_of_the_address(stand):
    token = paired_token(stand)
    badge = visitor(stand.edition, findable=False)

    answer = Client().post(
        "/ar/portal/stand-scanner/scan",
        {"code": badge.code},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )

    with translation.override("ar"):
        assert answer.json()["badge"]["name"] == gettext("Anonymous visitor")


@pytest.mark.parametrize("token", ["", "not-a-token"])
def test_without_a_paired_token_nothing_is_scanned(client, stand, token):
    badge = visitor(stand.edition, findable=True)

    response = client.post(
        API + "scan",
        {"code": badge.code},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )

    assert response.status_code == 401 and "name" not in response.content.decode()
    assert not StandVisit.objects.exists()


def test_an_unpaired_phone_is_refused_at_once(phone, stand):
    badge = visitor(stand.edition, findable=True)
    device_unpair(device=StandDevice.objects.get(application=stand), by=None)

    assert phone.post("scan", {"code": badge.code}).status_code == 401
    assert phone.get("status").status_code == 401


def test_a_gate_token_does_not_open_a_stand(client, stand):
    token = gate_token_issue(gate=GateFactory())
    badge = visitor(stand.edition, findable=True)

    response = client.post(
        API + "scan",
        {"code": badge.code},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )

    assert response.status_code == 401


@pytest.mark.parametrize(
    "body",
    [{"code": 5}, {"code": "X", "scan_id": "x" * 65}, {"code": "X", "scanned_at": "yesterday"}],
)
def test_malformed_scans_are_refused_with_a_reason(phone, body):
    response = phone.post("scan", body)

    assert response.status_code == 400 and response.json()["error"]


def test_offline_scans_are_synced_in_input_order(phone, stand):
    lead = visitor(stand.edition, findable=True, number=1, name="Salma Alaoui")
    anonymous = visitor(stand.edition, findable=False, number=2, name="Karim Benali")
    scans = [
        {"code": lead.code, "scan_id": "1", "scanned_at": "2100-05-13T11:00:00+01:00"},
        {"code": "GARBAGE", "scan_id": "2", "scanned_at": "2100-05-13T10:00:00+01:00"},
        {"code": anonymous.code, "scan_id": "3", "scanned_at": "2100-05-13T09:00:00+01:00"},
    ]

    first = phone.post("sync", {"scans": scans}).json()["results"]
    again = phone.post("sync", {"scans": scans}).json()["results"]

    assert [a["result"] for a in first] == ["lead", "invalid", "visit"]
    assert first[0]["badge"]["name"] == "Salma Alaoui" and "Karim" not in str(first)
    assert [a.get("lead", {}).get("scans") for a in again] == [1, None, 1]  # not counted twice
    assert StandVisit.objects.count() == 2


def test_sync_wants_a_scan_id_and_a_time(phone, stand):
    badge = visitor(stand.edition, findable=True)

    response = phone.post("sync", {"scans": [{"code": badge.code}]})

    assert response.status_code == 400
    assert not StandVisit.objects.exists()


def test_status_names_the_stand(phone, stand):
    badge = visitor(stand.edition, findable=False)
    phone.post("scan", {"code": badge.code})

    answer = phone.get("status").json()

    assert answer["post"]["name"] == f"{stand.stand.code} · {stand.cooperative.name}"
    assert answer["visits"] == 1


def test_the_note_typed_after_a_scan_is_kept(phone, stand):
    badge = visitor(stand.edition, findable=False)
    lead = phone.post("scan", {"code": badge.code}).json()["lead"]

    answer = phone.client.post(
        lead["url"],
        {"note": "Veut le catalogue", "rating": 4},
        content_type="application/json",
        **phone.auth,
    ).json()

    visit = StandVisit.objects.get()
    assert (visit.note, visit.rating) == ("Veut le catalogue", 4)
    assert answer["lead"]["note"] == "Veut le catalogue" and "badge" not in answer


@pytest.mark.parametrize(
    ("body", "status"),
    [({"rating": 9}, 400), ({"rating": "4"}, 400), ({"note": 3}, 400), ({"note": "x" * 2001}, 400)],
)
def test_a_bad_note_is_refused(phone, stand, body, status):
    badge = visitor(stand.edition, findable=False)
    lead = phone.post("scan", {"code": badge.code}).json()["lead"]

    response = phone.client.post(lead["url"], body, content_type="application/json", **phone.auth)

    assert response.status_code == status and response.json()["error"]
    assert StandVisit.objects.get().note == ""


def test_a_phone_cannot_note_another_stands_visit(phone, stand):
    other = stand_at(stand.edition)
    other_phone = Device(paired_token(other))
    badge = visitor(stand.edition, findable=True)
    lead = other_phone.post("scan", {"code": badge.code}).json()["lead"]

    response = phone.client.post(
        lead["url"], {"note": "mine now"}, content_type="application/json", **phone.auth
    )

    assert response.status_code == 404 and "Salma" not in response.content.decode()
    assert StandVisit.objects.get().note == ""


def test_pairing_trades_the_code_for_a_token(client, stand):
    _device, code = device_pairing_start(model=StandDevice, post=stand, by=None, name="Fatima")

    paired = client.post(API + "pair", {"code": code}, content_type="application/json").json()
    reused = client.post(API + "pair", {"code": code}, content_type="application/json")

    assert paired["token"] and stand.cooperative.name in paired["post"]["name"]
    assert reused.status_code == 400
    assert Device(paired["token"]).get("status").status_code == 200


def test_the_scanner_page_opens_without_an_account(client):
    response = client.get(API)

    assert response.status_code == 200
    config = response.context["config"]
    assert config["mode"] == "stand"
    assert config["urls"]["scan"] == API + "scan"
    assert config["urls"]["keys"] == "/api/checkin/keys"
    assert config["results"]["lead"] == "Contact shared"
