import datetime

import pytest
from django.utils import timezone

from events.choices import BADGE_CATEGORY_CODES, ScanResult
from events.models import CheckIn
from events.services.badges import attendee_register, badge_reissue
from tests.factories import EditionFactory, GateFactory, UserFactory

pytestmark = pytest.mark.django_db


def post(client, gate, url="/api/checkin/scan", **data):
    return client.post(
        url, data, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {gate.token}"
    )


def test_admit_then_already_in_with_when_and_where(client, gate, visitor_badge):
    first = post(client, gate, code=visitor_badge.code).json()
    second = post(client, gate, code=visitor_badge.code).json()

    assert first["result"] == "ok" and first["badge"]["name"] == "ليلى بنعلي"
    assert second["result"] == "already_in"
    assert second["already_in"]["gate"] == str(gate)
    assert second["already_in"]["at"]
    assert list(CheckIn.objects.order_by("pk").values_list("result", flat=True)) == [
        "ok",
        "already_in",
    ]


def test_an_exit_scan_allows_re_entry(client, gate, visitor_badge):
    post(client, gate, code=visitor_badge.code)

    out = post(client, gate, code=visitor_badge.code, direction="out").json()
    back = post(client, gate, code=visitor_badge.code).json()

    assert (out["result"], back["result"]) == ("ok", "ok")


def test_staff_badges_enter_without_limit(client, gate, fair_today):
    _attendee, badge = attendee_register(
        edition=fair_today, category="exhibitor_staff", full_name="Staff"
    )

    results = [post(client, gate, code=badge.code).json()["result"] for _n in range(3)]

    assert results == ["ok", "ok", "ok"]


def test_entry_rules_are_the_edition_s(client, gate, fair_today):
    fair_today.unlimited_entry = ["visitor"]
    fair_today.save()
    visitor = attendee_register(edition=fair_today, category="visitor", full_name="V")[1]
    staff = attendee_register(edition=fair_today, category="exhibitor_staff", full_name="S")[1]

    visits = [post(client, gate, code=visitor.code).json()["result"] for _n in range(2)]
    shifts = [post(client, gate, code=staff.code).json()["result"] for _n in range(2)]

    assert visits == ["ok", "ok"]
    assert shifts == ["ok", "already_in"]


def test_the_badge_s_whereabouts_are_stored_as_the_orm_reads_them(client, gate, visitor_badge):
    at = timezone.now().replace(microsecond=123456)

    post(client, gate, code=visitor_badge.code, scan_id="s-1", scanned_at=at.isoformat())

    visitor_badge.refresh_from_db()
    assert (visitor_badge.inside, visitor_badge.last_entry_at) == (True, at)
    assert visitor_badge.last_entry_gate == gate
    assert type(visitor_badge).objects.filter(last_entry_at__gte=at).get() == visitor_badge
    logged = CheckIn.objects.get()
    assert (logged.scanned_at, logged.badge, logged.answer["result"]) == (at, visitor_badge, "ok")


def test_a_repeated_scan_id_returns_the_first_answer_and_writes_nothing(
    client, gate, visitor_badge
):
    first = post(client, gate, code=visitor_badge.code, scan_id="device-1-0001").json()
    again = post(client, gate, code=visitor_badge.code, scan_id="device-1-0001").json()

    assert first == again and first["result"] == "ok"
    assert CheckIn.objects.count() == 1
    visitor_badge.refresh_from_db()
    assert visitor_badge.inside


def test_revoked_and_reissued_badges(client, gate, visitor_badge):
    new = badge_reissue(badge=visitor_badge)

    assert post(client, gate, code=visitor_badge.code).json()["result"] == "revoked"
    assert post(client, gate, code=new.code).json()["result"] == "ok"


@pytest.mark.parametrize("code", ["", "NOT-A-CODE", "A" * 122, "é" * 10])
def test_garbage_is_invalid_and_logged(client, gate, fair_today, code):
    answer = post(client, gate, code=code).json()

    assert answer["result"] == "invalid"
    assert CheckIn.objects.get().result == ScanResult.INVALID


def test_a_badge_of_another_edition(client, gate, fair_today):
    old = EditionFactory(
        year=2025, starts_on=datetime.date(2025, 5, 1), ends_on=datetime.date(2025, 5, 4)
    )
    _attendee, badge = attendee_register(edition=old, category="visitor", full_name="X")

    assert post(client, gate, code=badge.code).json()["result"] == "wrong_edition"


def test_a_badge_not_valid_today(client, gate, fair_today, visitor_badge):
    visitor_badge.valid_from = visitor_badge.valid_until = (
        timezone.localdate() + datetime.timedelta(days=1)
    )
    visitor_badge.save()

    assert post(client, gate, code=visitor_badge.code).json()["result"] == "not_valid_today"


def test_the_gate_token_is_required_and_scoped(client, gate, visitor_badge, homes):
    assert (
        client.post(
            "/api/checkin/scan", {"code": visitor_badge.code}, content_type="application/json"
        ).status_code
        == 401
    )
    assert (
        client.post(
            "/api/checkin/scan",
            {"code": visitor_badge.code},
            content_type="application/json",
            HTTP_AUTHORIZATION="Bearer wrong",
        ).status_code
        == 401
    )
    # A gate token opens nothing but the gate API.
    assert client.get("/admin/", HTTP_AUTHORIZATION=f"Bearer {gate.token}").status_code == 302
    assert client.get("/fr/portal/", HTTP_AUTHORIZATION=f"Bearer {gate.token}").status_code == 302
    # A signed-in exhibitor cannot scan.
    client.force_login(UserFactory())
    assert (
        client.post(
            "/api/checkin/scan", {"code": visitor_badge.code}, content_type="application/json"
        ).status_code
        == 401
    )
    assert not CheckIn.objects.exists()


def test_an_inactive_gate_is_refused(client, gate, visitor_badge):
    gate.is_active = False
    gate.save()

    assert post(client, gate, code=visitor_badge.code).status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        '{"code": 12}',
        "[]",
        "not json",
        '{"code": "X", "direction": "sideways"}',
        '{"code": "X", "scanned_at": "yesterday"}',
    ],
)
def test_bad_requests_get_a_clear_400(client, gate, fair_today, body):
    response = client.post(
        "/api/checkin/scan",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {gate.token}",
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert response.status_code == 400
    assert response.json()["error"]
    assert not CheckIn.objects.exists()


def test_keys_are_published_for_offline_devices(client, fair_today, visitor_badge):
    from base64 import b64decode

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from events import tokens

    data = client.get("/api/checkin/keys").json()
    keys = {
        entry["id"]: Ed25519PublicKey.from_public_bytes(b64decode(entry["public_key"]))
        for entry in data["keys"]
    }

    assert tokens.decode(visitor_badge.code, public_keys=keys).badge_id == visitor_badge.pk
    assert data["edition"]["first_day"] == fair_today.starts_on.isoformat()
    staff_code = BADGE_CATEGORY_CODES.index("exhibitor_staff")
    visitor_code = BADGE_CATEGORY_CODES.index("visitor")
    assert staff_code in data["edition"]["unlimited_entry"]
    assert visitor_code not in data["edition"]["unlimited_entry"]


def test_revocations_since(client, gate, fair_today):
    badges = [
        attendee_register(edition=fair_today, category="visitor", full_name=str(n))[1]
        for n in range(3)
    ]
    badge_reissue(badge=badges[0])
    first = client.get("/api/checkin/revocations", HTTP_AUTHORIZATION=f"Bearer {gate.token}").json()
    badge_reissue(badge=badges[1])

    later = client.get(
        "/api/checkin/revocations",
        {"since": first["until"]},
        HTTP_AUTHORIZATION=f"Bearer {gate.token}",
    ).json()

    assert first["revoked"] == [badges[0].pk]
    assert later["revoked"] == [badges[1].pk]
    assert client.get("/api/checkin/revocations").status_code == 401


def test_offline_sync_replays_by_scan_time_and_flags_double_entries(
    client, fair_today, visitor_badge, scan_now
):
    north, south = GateFactory(), GateFactory()
    from events.services.devices import gate_token_issue

    north.token, south.token = gate_token_issue(gate=north), gate_token_issue(gate=south)
    now = scan_now
    # Both gates were offline and both let the visitor in, ten minutes apart.
    south_answers = post(
        client,
        south,
        url="/api/checkin/sync",
        scans=[
            {
                "code": visitor_badge.code,
                "scan_id": "south-1",
                "scanned_at": (now - datetime.timedelta(minutes=5)).isoformat(),
                "admitted": True,
            },
        ],
    ).json()["results"]
    north_answers = post(
        client,
        north,
        url="/api/checkin/sync",
        scans=[
            {
                "code": visitor_badge.code,
                "scan_id": "north-1",
                "scanned_at": (now - datetime.timedelta(minutes=15)).isoformat(),
                "admitted": True,
            },
        ],
    ).json()["results"]
    again = post(
        client,
        north,
        url="/api/checkin/sync",
        scans=[
            {
                "code": visitor_badge.code,
                "scan_id": "north-1",
                "scanned_at": (now - datetime.timedelta(minutes=15)).isoformat(),
                "admitted": True,
            },
        ],
    ).json()["results"]

    assert south_answers[0]["result"] == "ok"
    assert north_answers[0]["result"] == "already_in"
    assert again == north_answers
    log = CheckIn.objects.order_by("pk")
    assert [(c.gate_id, c.offline, c.flagged) for c in log] == [
        (south.pk, True, False),
        (north.pk, True, True),
    ]


def test_sync_orders_a_batch_by_scan_time(client, gate, fair_today, visitor_badge, scan_now):
    now = scan_now
    scans = [
        {
            "code": visitor_badge.code,
            "scan_id": "b",
            "scanned_at": (now - datetime.timedelta(minutes=1)).isoformat(),
            "direction": "in",
        },
        {
            "code": visitor_badge.code,
            "scan_id": "a",
            "scanned_at": (now - datetime.timedelta(minutes=9)).isoformat(),
            "direction": "in",
        },
        {
            "code": visitor_badge.code,
            "scan_id": "c",
            "scanned_at": (now - datetime.timedelta(minutes=5)).isoformat(),
            "direction": "out",
        },
    ]

    results = post(client, gate, url="/api/checkin/sync", scans=scans).json()["results"]

    assert [r["result"] for r in results] == ["ok", "ok", "ok"]  # in (a), out (c), in again (b)
    assert list(CheckIn.objects.order_by("scanned_at").values_list("scan_id", flat=True)) == [
        "a",
        "c",
        "b",
    ]
