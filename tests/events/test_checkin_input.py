"""Whatever a gate device (or anyone holding a gate's token) sends, the API answers with a
verdict, a 400 saying what is wrong in the caller's language, or a 409 for a scan id used
twice for different scans; never a server error."""

import datetime
import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import CheckIn
from events.services.badges import attendee_register
from events.services.devices import gate_token_issue
from tests.factories import GateFactory

pytestmark = pytest.mark.django_db

GATE_API = [
    "/api/checkin/scan",
    "/api/checkin/sync",
    "/api/checkin/keys",
    "/api/checkin/revocations",
]

bounded = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def post(client, gate, url="/api/checkin/scan", language="fr", **data):
    return client.post(
        url,
        data,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {gate.token}",
        HTTP_ACCEPT_LANGUAGE=language,
    )


def post_raw(client, gate, url, body: bytes, language="fr"):
    return client.post(
        url,
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {gate.token}",
        HTTP_ACCEPT_LANGUAGE=language,
    )


def nested(depth: int) -> bytes:
    return b'{"code": ' + b"[" * depth + b"]" * depth + b"}"


# JSON values of every kind, scalars at the leaves: wrong types, huge numbers, odd text.
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.sampled_from(["in", "out", "", "\x00", "\ud800", "2026-13-01T10:00:00+00:00"])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
impossible_times = st.sampled_from(
    [
        "2026-13-01T10:00:00+00:00",
        "2026-02-30T10:00:00+01:00",
        "2026-05-01T25:00:00Z",
        "2026-05-01T10:00:00+99:00",
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00+14:00",
        "2026-05-01T10:00:00",
        "yesterday",
    ]
)
times = impossible_times | st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat())
scans = st.fixed_dictionaries(
    {},
    optional={
        "code": st.text(max_size=300) | json_values,
        "direction": st.sampled_from(["in", "out"]) | json_values,
        "scan_id": st.text(max_size=80) | json_values,
        "scanned_at": times | json_values,
        "admitted": st.booleans() | json_values,
    },
)
bodies = (
    scans.map(lambda scan: json.dumps(scan).encode())
    | st.lists(scans, max_size=5).map(lambda scans: json.dumps({"scans": scans}).encode())
    | json_values.map(lambda value: json.dumps(value).encode())
    | st.integers(min_value=1, max_value=200_000).map(nested)
    | st.binary(max_size=200)
    | st.sampled_from([b'{"code": "\xff\xfe"}', b'{"code": 1e999999}', b'{"scans": [1e400]}'])
)


@bounded
@given(url=st.sampled_from(GATE_API), body=bodies)
def test_no_body_brings_a_server_error(client, gate, fair_today, url, body):
    if url.endswith(("keys", "revocations")):
        response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {gate.token}")
    else:
        response = post_raw(client, gate, url, body)

    assert response.status_code in (200, 400, 409), response.content
    if response.status_code == 400:
        assert response.json()["error"]


@bounded
@given(
    url=st.sampled_from(GATE_API),
    query=st.dictionaries(
        st.sampled_from(["since", "edition", "code", "p"]) | st.text(max_size=8),
        times | st.text(max_size=40),
        max_size=3,
    ),
)
def test_no_query_string_brings_a_server_error(client, gate, fair_today, url, query):
    response = client.get(url, query, HTTP_AUTHORIZATION=f"Bearer {gate.token}")

    assert response.status_code in (200, 400, 405), response.content


@pytest.mark.parametrize(
    "scanned_at",
    [
        "2026-13-01T10:00:00+00:00",
        "2026-02-30T10:00:00+01:00",
        "2026-05-01T10:00:00+99:00",
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00+14:00",
        12,
    ],
)
def test_an_impossible_scan_time_is_refused_clearly(client, gate, visitor_badge, scanned_at):
    online = post(client, gate, code=visitor_badge.code, scan_id="a", scanned_at=scanned_at)
    offline = post(
        client,
        gate,
        url="/api/checkin/sync",
        scans=[{"code": visitor_badge.code, "scan_id": "b", "scanned_at": scanned_at}],
    )

    for response in (online, offline):
        assert response.status_code == 400
        assert "scanned_at" in response.json()["error"]
        assert "doit" in response.json()["error"]  # in French, as the device asked
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("since", ["2026-13-01T00:00:00Z", "2026-05-01T10:00:00+99:00", "x"])
def test_an_impossible_since_is_refused_clearly(client, gate, fair_today, since):
    response = client.get(
        "/api/checkin/revocations",
        {"since": since},
        HTTP_AUTHORIZATION=f"Bearer {gate.token}",
        HTTP_ACCEPT_LANGUAGE="ar",
    )

    assert response.status_code == 400
    assert "since" in response.json()["error"]


def test_deeply_nested_json_is_refused_clearly(client, gate, fair_today):
    for url in ("/api/checkin/scan", "/api/checkin/sync"):
        response = post_raw(client, gate, url, nested(100_000))

        assert response.status_code == 400
        assert response.json()["error"] == "Le corps de la requête n'est pas du JSON."


@pytest.mark.parametrize(
    "scan",
    [
        {"code": "X", "scan_id": "\ud800"},
        {"code": "X", "scan_id": "a\x00b"},
        {"code": "X", "scan_id": "x" * 65},
        {"code": "X", "scan_id": {"id": 1}},
        {"code": "X\x00"},
        {"code": "X", "direction": ["in"]},
    ],
)
def test_text_the_database_cannot_hold_is_refused(client, gate, fair_today, scan):
    response = post(client, gate, **scan)

    assert response.status_code == 400
    assert not CheckIn.objects.exists()


def test_a_scan_id_reused_for_another_badge_is_a_logged_conflict(
    client, gate, fair_today, visitor_badge, caplog
):
    _attendee, other = attendee_register(edition=fair_today, category="visitor", full_name="Other")
    first = post(client, gate, code=visitor_badge.code, scan_id="device-1-0001")

    with caplog.at_level(logging.WARNING, logger="events.services.checkin"):
        reused = post(client, gate, code=other.code, scan_id="device-1-0001", language="ar")

    assert first.status_code == 200 and first.json()["result"] == "ok"
    assert reused.status_code == 409
    assert reused.json() == {
        "result": "conflict",
        "message": "سبق استعمال معرّف المسح هذا لمسح آخر.",
    }
    assert "badge" not in reused.json()
    other.refresh_from_db()
    assert not other.inside
    assert CheckIn.objects.count() == 1
    [record] = [r for r in caplog.records if r.name == "events.services.checkin"]
    assert record.scan_id == "device-1-0001" and record.differing == ["badge"]
    logged = record.getMessage() + repr(record.__dict__)
    for personal in ("Other", "ليلى", other.code, visitor_badge.code):
        assert personal not in logged
    assert not [key for key in record.__dict__ if "badge" in key]


def test_a_scan_id_reused_at_another_gate_or_direction_is_a_conflict(client, gate, visitor_badge):
    north = GateFactory()
    north.token = gate_token_issue(gate=north)
    post(client, gate, code=visitor_badge.code, scan_id="s-1")

    elsewhere = post(client, north, code=visitor_badge.code, scan_id="s-1")
    outwards = post(client, gate, code=visitor_badge.code, scan_id="s-1", direction="out")
    same = post(client, gate, code=visitor_badge.code, scan_id="s-1")

    assert (elsewhere.status_code, elsewhere.json()["result"]) == (409, "conflict")
    assert (outwards.status_code, outwards.json()["result"]) == (409, "conflict")
    assert (same.status_code, same.json()["result"]) == (200, "ok")
    visitor_badge.refresh_from_db()
    assert visitor_badge.inside and visitor_badge.last_entry_gate == gate


def test_offline_sync_refuses_a_reused_scan_id_per_scan(
    client, gate, fair_today, visitor_badge, scan_now
):
    _attendee, other = attendee_register(edition=fair_today, category="visitor", full_name="Other")
    now = scan_now

    def scan(code, scan_id, minutes):
        return {
            "code": code,
            "scan_id": scan_id,
            "scanned_at": (now - datetime.timedelta(minutes=minutes)).isoformat(),
            "admitted": True,
        }

    first = post(client, gate, url="/api/checkin/sync", scans=[scan(visitor_badge.code, "o-1", 9)])
    second = post(
        client,
        gate,
        url="/api/checkin/sync",
        scans=[
            scan(visitor_badge.code, "o-1", 9),  # the same scan again: its first answer
            scan(other.code, "o-1", 8),  # the same id for another badge
            scan(other.code, "o-2", 7),
            scan(visitor_badge.code, "o-2", 6),  # a reuse within the batch
        ],
    )

    assert second.status_code == 200
    results = second.json()["results"]
    assert results[0] == first.json()["results"][0] and results[0]["result"] == "ok"
    assert [r["result"] for r in results[1:]] == ["conflict", "ok", "conflict"]
    assert results[1]["message"] == "Cet identifiant de scan a déjà servi pour un autre scan."
    assert sorted(CheckIn.objects.values_list("scan_id", flat=True)) == ["o-1", "o-2"]
