"""The badge signing key and the keys gates verify with, from settings.

BADGE_SIGNING_KEY is the current private key: 32 raw bytes in base64, or the path of a file
holding that text. BADGE_SIGNING_KEY_ID numbers it (1-255). BADGE_VERIFY_KEYS lists retired
keys as "id:base64-public-key": badges signed before a rotation keep passing.
"""

import base64
import os
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from events.tokens import BadgeClaims, InvalidCode, SigningKey, decode


def private_key_text(private_key: Ed25519PrivateKey) -> str:
    raw = private_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return base64.b64encode(raw).decode()


@cache
def signing_key() -> SigningKey:
    value = settings.BADGE_SIGNING_KEY
    if not value:
        raise ImproperlyConfigured("Set BADGE_SIGNING_KEY (manage.py badge_key prints a new one).")
    path = Path(value) if "/" in value else None
    if path is not None:
        if not path.exists() and settings.BADGE_SIGNING_KEY_CREATE:
            _key_file_create(path)
        value = path.read_text().strip()
    try:
        private_key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(value))
    except ValueError as error:
        raise ImproperlyConfigured("BADGE_SIGNING_KEY is not a base64 Ed25519 key.") from error
    return SigningKey(key_id=settings.BADGE_SIGNING_KEY_ID, private_key=private_key)


@cache
def verification_keys() -> dict[int, Ed25519PublicKey]:
    """Every key a genuine badge may be signed with, by key id: the current one and retired ones."""
    keys = {}
    for entry in settings.BADGE_VERIFY_KEYS:
        key_id, _sep, text = entry.partition(":")
        keys[int(key_id)] = Ed25519PublicKey.from_public_bytes(base64.b64decode(text))
    current = signing_key()
    keys[current.key_id] = current.public_key
    return keys


def _key_file_create(path: Path) -> None:
    # Development only: a key of its own for each machine, readable by its owner alone.
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(private_key_text(Ed25519PrivateKey.generate()))


def code_claims(code: str) -> BadgeClaims | None:
    """The claims of a badge code this site signed, with any of its keys; None for anything
    else (garbled, forged, signed by an unknown key). Every scanner reads codes through this."""
    try:
        return decode(code, public_keys=verification_keys())
    except InvalidCode:
        return None
