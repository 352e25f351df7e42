"""The token in the 'your data and your choices' link of every e-mail: it stands for the
address written to, which the page needs to find the person's consents, without showing it.

Django's signed values are only base64 of what they sign, so a signed address would be
readable in the link, in the browser's history and in the server's logs. The address is
encrypted instead, with AES-SIV (authenticated and deterministic): a forged or altered token
does not decrypt, and one address always gets the same link, so the link in an old e-mail
keeps working. No table is needed, and nothing is stored per e-mail. The key is derived from
SECRET_KEY with a salt of its own; tokens made with a key in SECRET_KEY_FALLBACKS are still
read, so a rotated key does not break the links already sent.
"""

import base64
import binascii

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from django.conf import settings
from django.utils.crypto import salted_hmac

CHOICES_LINK_SALT = "fairsite.choices-link.v1"
_VERSION = b"\x01"


def _cipher(secret: str) -> AESSIV:
    # 64 bytes: AES-256 in SIV mode takes two 256-bit keys.
    key = salted_hmac(CHOICES_LINK_SALT, "key", secret=secret, algorithm="sha512").digest()
    return AESSIV(key)


def address_token(address: str) -> str:
    """The link token for an e-mail address (compared without regard to case)."""
    sealed = _cipher(settings.SECRET_KEY).encrypt(
        address.strip().lower().encode(), [CHOICES_LINK_SALT.encode()]
    )
    return base64.urlsafe_b64encode(_VERSION + sealed).rstrip(b"=").decode()


def address_from_token(token: str) -> str | None:
    """The address a genuine token stands for; None for anything else."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None
    if raw[:1] != _VERSION or len(raw) <= 17:
        return None
    for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]:
        try:
            return _cipher(secret).decrypt(raw[1:], [CHOICES_LINK_SALT.encode()]).decode()
        except (InvalidTag, UnicodeDecodeError):
            continue
    return None
