"""The code in a badge's QR: a few signed facts, small enough for QR alphanumeric mode.

Layout (little room, so fixed-width fields, 12 bytes), then a 64-byte Ed25519 signature over
them, written in unpadded upper-case base32 (A-Z, 2-7: all in QR's alphanumeric set):

    version  1 byte   CODE_VERSION
    key id   1 byte   which signing key; old keys stay valid for verifying after a rotation
    badge    4 bytes  badge id
    edition  2 bytes  edition id
    category 1 byte   index in BADGE_CATEGORY_CODES
    first    2 bytes  first valid day, in days since 2020-01-01
    days     1 byte   number of valid days

No personal data. Pure functions: keys in, strings or claims out.
"""

import base64
import binascii
import datetime
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

CODE_VERSION = 1
EPOCH = datetime.date(2020, 1, 1)
PAYLOAD = struct.Struct(">BBIHBHB")
SIGNATURE_SIZE = 64


class InvalidCode(ValueError):
    """Not a code this site signed: garbled, truncated, forged, or signed by an unknown key."""


@dataclass(frozen=True)
class BadgeClaims:
    badge_id: int
    edition_id: int
    category: int
    first_day: datetime.date
    days: int
    key_id: int = 0

    @property
    def last_day(self) -> datetime.date:
        return self.first_day + datetime.timedelta(days=self.days - 1)

    def valid_on(self, day: datetime.date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True)
class SigningKey:
    key_id: int
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()


def encode(claims: BadgeClaims, *, key: SigningKey) -> str:
    payload = PAYLOAD.pack(
        CODE_VERSION,
        key.key_id,
        claims.badge_id,
        claims.edition_id,
        claims.category,
        (claims.first_day - EPOCH).days,
        claims.days,
    )
    signature = key.private_key.sign(payload)
    return base64.b32encode(payload + signature).decode("ascii").rstrip("=")


def decode(code: str, *, public_keys: dict[int, Ed25519PublicKey]) -> BadgeClaims:
    """The claims of a genuine code; raises InvalidCode for anything else."""
    text = code.strip().upper()
    if not text or len(text) > 200:
        raise InvalidCode("empty or too long")
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except (binascii.Error, ValueError) as error:
        raise InvalidCode("not base32") from error
    if len(raw) != PAYLOAD.size + SIGNATURE_SIZE:
        raise InvalidCode("wrong length")
    payload, signature = raw[: PAYLOAD.size], raw[PAYLOAD.size :]
    version, key_id, badge_id, edition_id, category, first, days = PAYLOAD.unpack(payload)
    if version != CODE_VERSION:
        raise InvalidCode("unknown version")
    public_key = public_keys.get(key_id)
    if public_key is None:
        raise InvalidCode("unknown key")
    try:
        public_key.verify(signature, payload)
    except InvalidSignature as error:
        raise InvalidCode("bad signature") from error
    # A re-encoding must give the same text: no second spelling of one code is accepted.
    if base64.b32encode(raw).decode("ascii").rstrip("=") != text:
        raise InvalidCode("not canonical")
    return BadgeClaims(
        badge_id=badge_id,
        edition_id=edition_id,
        category=category,
        first_day=EPOCH + datetime.timedelta(days=first),
        days=days,
        key_id=key_id,
    )


def public_key_text(public_key: Ed25519PublicKey) -> str:
    """The raw 32-byte public key in base64, as published to the gates."""
    return base64.b64encode(public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
