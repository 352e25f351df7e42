"""Attendance certificates: who came to which workshop, and the code that proves it.

A certificate's code is short enough to type from paper (16 letters and digits, in groups of
four): the attendance's number and 48 bits of an HMAC over the attendance, its session and
its holder, in base32. Anyone can check it at /<lang>/verify/<code>/, where the site shows
what the certificate says (name, workshop, date) or that it is not genuine; a guessed code
has one chance in 2^48, and the page takes only so many checks an hour from one address.

The key is CERTIFICATE_KEY when set, else derived from the badge signing key (never
SECRET_KEY, which a development installation may leave at its default). Certificates go on
verifying as long as that key stays; set CERTIFICATE_KEY before rotating the badge key.
"""

import base64
import binascii
import hashlib
import hmac

from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from django.conf import settings
from django.utils import timezone

from events.keys import signing_key
from programme.choices import SessionStatus, SessionType
from programme.models import SessionAttendance

CODE_VERSION = b"certificate-v1"
ID_BYTES = 4
MAC_BYTES = 6
CODE_LENGTH = 16  # base32 letters of ID_BYTES + MAC_BYTES: 80 bits, no padding
# Characters people type for the ones base32 does not use.
LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def certificate_key() -> bytes:
    configured = getattr(settings, "CERTIFICATE_KEY", "")
    if configured:
        return configured.encode()
    raw = signing_key().private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return hmac.new(raw, b"fairsite attendance certificates", hashlib.sha256).digest()


def _mac(attendance_id: int, session_id: int, attendee_id: int) -> bytes:
    message = b"%s:%d:%d:%d" % (CODE_VERSION, attendance_id, session_id, attendee_id)
    return hmac.new(certificate_key(), message, hashlib.sha256).digest()[:MAC_BYTES]


def certificate_code(attendance: SessionAttendance) -> str:
    """The attendance's certificate code, as printed: "ABCD-EFGH-IJKL-MNOP"."""
    payload = attendance.pk.to_bytes(ID_BYTES, "big")
    mac = _mac(attendance.pk, attendance.session_id, attendance.attendee_id)
    text = base64.b32encode(payload + mac).decode("ascii")
    return "-".join(text[index : index + 4] for index in range(0, CODE_LENGTH, 4))


def certificate_clean(code: str) -> str:
    """The code as typed, in capitals, without spaces or dashes, lookalikes put right."""
    text = "".join(character for character in (code or "") if character.isalnum())
    return text.upper().translate(LOOKALIKES)[: CODE_LENGTH + 1]


def certificate_attendance(code: str) -> SessionAttendance | None:
    """The attendance a genuine code certifies, with its session and holder; None for any
    other code (mistyped, forged, for someone whose data was erased, for no workshop)."""
    text = certificate_clean(code)
    if len(text) != CODE_LENGTH:
        return None
    try:
        raw = base64.b32decode(text)
    except (binascii.Error, ValueError):
        return None
    attendance_id = int.from_bytes(raw[:ID_BYTES], "big")
    attendance = (
        SessionAttendance.objects.select_related("session__edition", "session__room", "attendee")
        .filter(pk=attendance_id)
        .first()
    )
    if attendance is None:
        return None
    expected = _mac(attendance.pk, attendance.session_id, attendance.attendee_id)
    if not hmac.compare_digest(expected, raw[ID_BYTES:]):
        return None
    if not certifies(attendance):
        return None
    return attendance


def certifies(attendance: SessionAttendance) -> bool:
    """Whether the attendance earns a certificate: a workshop, over, its holder named."""
    session = attendance.session
    return (
        session.type == SessionType.WORKSHOP
        and session.status == SessionStatus.PUBLISHED
        and session.ends_at <= timezone.now()
        and bool(attendance.attendee.full_name)
    )
