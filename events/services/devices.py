"""Pairing scanning devices to a gate, a stand or a room, and unpairing them.

Pairing is one scan: `device_pairing_start` makes a device row that holds the hash of a short
one-time code, shown as a QR ("PAIR:<code>") and as text for typing; `device_pair` trades the
code, once and before it expires, for the device's own long token. A single conditional
UPDATE does the trade, so of two devices presenting one code at the same moment exactly one
is paired, on PostgreSQL and SQLite alike, without a lock held across requests. Only hashes of
codes and tokens are stored.

The services work for any concrete `ScannerDevice` (events' `GateDevice`, exhibitors' stand
devices, programme's room devices): the model is passed in.
"""

import base64
import datetime
import io
import re
import secrets

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.errors import DeviceError
from events.models import Gate, GateDevice, ScannerDevice
from fairsite.audit import audit_log

PAIRING_MINUTES = 10
PAIRING_PREFIX = "PAIR:"
# 10 characters of base32 (50 bits), shown in groups of five: typed in a few seconds, and
# with a rate limit on the pairing endpoint, out of reach of guessing in ten minutes.
PAIRING_CODE_LENGTH = 10
# last_seen_at is written at most this often per device, not on every scan.
SEEN_EVERY = datetime.timedelta(minutes=1)

PAIRED_ACTION = "events.device.paired"
UNPAIRED_ACTION = "events.device.unpaired"
PAIRING_ACTION = "events.device.pairing_started"


def device_pairing_start(
    *, model: type[ScannerDevice], post, by, name: str = ""
) -> tuple[ScannerDevice, str]:
    """A device waiting to be paired to `post`, and the one-time code that pairs it."""
    code = _pairing_code()
    device = model.objects.create(
        **{model.post_field: post},
        name=name[:100],
        pairing_hash=model.hash_secret(code),
        pairing_expires_at=timezone.now() + datetime.timedelta(minutes=PAIRING_MINUTES),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    audit_log(instance=post, action=PAIRING_ACTION, by=by, data={"device": device.pk})
    return device, code


def device_pair(
    *, model: type[ScannerDevice], code: str, user_agent: str = ""
) -> tuple[ScannerDevice, str]:
    """Trade a pairing code for the device's token; DeviceError if the code is unknown,
    already used, expired, or its pairing was cancelled."""
    code = pairing_code_clean(code)
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        waiting = model.objects.filter(
            pairing_hash=model.hash_secret(code) if code else "-",
            paired_at__isnull=True,
            revoked_at__isnull=True,
            pairing_expires_at__gt=now,
        )
        pk = waiting.values_list("pk", flat=True).first()
        paired = pk is not None and model.objects.filter(
            pk=pk, paired_at__isnull=True, revoked_at__isnull=True
        ).update(
            token_hash=model.hash_secret(token),
            pairing_hash="",
            paired_at=now,
            last_seen_at=now,
            user_agent=user_agent[:200],
        )
        if not paired:
            raise DeviceError(
                _("This pairing code is not valid: it may have expired or been used already.")
            )
        device = model.objects.select_related(model.post_field).get(pk=pk)
        audit_log(instance=device.post, action=PAIRED_ACTION, by=None, data={"device": pk})
    return device, token


def device_unpair(*, device: ScannerDevice, by) -> ScannerDevice:
    """Stop the device's token at once (or cancel a pairing not yet used)."""
    model = type(device)
    with transaction.atomic():
        model.objects.filter(pk=device.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), pairing_hash=""
        )
        device.refresh_from_db()
        audit_log(instance=device.post, action=UNPAIRED_ACTION, by=by, data={"device": device.pk})
    return device


def device_by_token(model: type[ScannerDevice], token: str) -> ScannerDevice | None:
    """The paired device holding `token`, with its post, or None: one indexed read."""
    if not token:
        return None
    device = (
        model.objects.paired()
        .select_related(model.post_field)
        .filter(token_hash=model.hash_secret(token))
        .first()
    )
    if device is not None:
        device_seen(device)
    return device


def device_seen(device: ScannerDevice) -> None:
    """Note that the device was heard from, at most once a minute."""
    now = timezone.now()
    if device.last_seen_at is None or now - device.last_seen_at >= SEEN_EVERY:
        type(device).objects.filter(pk=device.pk).update(last_seen_at=now)
        device.last_seen_at = now


def devices_of(model: type[ScannerDevice], post) -> list[ScannerDevice]:
    """The devices paired to `post` and still working, the most recent first."""
    return list(model.objects.paired().filter(**{model.post_field: post}))


def gate_token_issue(*, gate: Gate, by=None, name: str = "") -> str:
    """A device token for the gate made without pairing (the `gate_token` command, tests);
    an earlier device of the same name stops working."""
    name = name or "gate_token"
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        GateDevice.objects.paired().filter(gate=gate, name=name).update(revoked_at=now)
        device = GateDevice.objects.create(
            gate=gate,
            name=name,
            token_hash=GateDevice.hash_secret(token),
            paired_at=now,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        audit_log(instance=gate, action=PAIRED_ACTION, by=by, data={"device": device.pk})
    return token


def pairing_code_clean(text: str) -> str:
    """The code as stored: without the QR's prefix, spaces, dashes, in capitals."""
    text = (text or "").strip().upper()
    if text.startswith(PAIRING_PREFIX):
        text = text[len(PAIRING_PREFIX) :]
    return "".join(character for character in text if character.isalnum())[:32]


def pairing_code_display(code: str) -> str:
    """The code in groups of five, as people read it out."""
    return "-".join(code[index : index + 5] for index in range(0, len(code), 5))


def pairing_qr_svg(code: str) -> str:
    """The QR that a scanner page reads to pair itself, as an inline SVG element."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=10)
    qr.add_data(qrcode.util.QRData(PAIRING_PREFIX + code, mode=qrcode.util.MODE_ALPHA_NUM))
    qr.make(fit=True)
    buffer = io.BytesIO()
    qr.make_image(image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    svg = buffer.getvalue().decode()
    # Without its fixed size, the symbol fills the box the page gives it.
    svg = re.sub(r'\s(width|height)="[^"]*"', "", svg[svg.index("<svg") :], count=2)
    return svg


def _pairing_code() -> str:
    return base64.b32encode(secrets.token_bytes(8)).decode()[:PAIRING_CODE_LENGTH]
