import datetime
import string

import qrcode
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from events import tokens

KEY = tokens.SigningKey(
    key_id=3, private_key=Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
)
OTHER = tokens.SigningKey(
    key_id=3, private_key=Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
)
PUBLIC = {3: KEY.public_key}
CLAIMS = tokens.BadgeClaims(
    badge_id=123456, edition_id=5, category=2, first_day=datetime.date(2027, 5, 13), days=4
)
CODE = tokens.encode(CLAIMS, key=KEY)
QR_ALPHANUMERIC = set(string.digits + string.ascii_uppercase + " $%*+-./:")


def rejected(code: str) -> bool:
    try:
        tokens.decode(code, public_keys=PUBLIC)
    except tokens.InvalidCode:
        return True
    return False


claims = st.builds(
    tokens.BadgeClaims,
    badge_id=st.integers(1, 2**32 - 1),
    edition_id=st.integers(1, 2**16 - 1),
    category=st.integers(0, 6),
    first_day=st.dates(datetime.date(2020, 1, 1), datetime.date(2150, 1, 1)),
    days=st.integers(1, 30),
)


@given(claims)
def test_round_trip(original):
    decoded = tokens.decode(tokens.encode(original, key=KEY), public_keys=PUBLIC)

    assert decoded == tokens.BadgeClaims(**{**original.__dict__, "key_id": 3})


def test_the_code_fits_qr_alphanumeric_mode_at_version_7_or_less():
    assert set(CODE) <= QR_ALPHANUMERIC
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(qrcode.util.QRData(CODE, mode=qrcode.util.MODE_ALPHA_NUM))
    qr.make(fit=True)
    assert qr.version <= 7


@settings(max_examples=300)
@given(st.integers(0, len(CODE) - 1), st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"))
def test_every_single_character_change_is_rejected(position, replacement):
    changed = CODE[:position] + replacement + CODE[position + 1 :]
    if changed != CODE:
        assert rejected(changed)


@given(st.integers(0, len(CODE) - 1))
def test_every_truncation_is_rejected(length):
    assert rejected(CODE[:length])


@given(st.text(max_size=300))
def test_random_strings_are_rejected(text):
    assert rejected(text)


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", min_size=120, max_size=125))
def test_random_base32_of_the_right_size_is_rejected(text):
    assert rejected(text)


def test_a_code_signed_with_another_key_is_rejected():
    assert rejected(tokens.encode(CLAIMS, key=OTHER))


def test_an_unknown_key_id_is_rejected():
    stranger = tokens.SigningKey(key_id=9, private_key=KEY.private_key)

    assert rejected(tokens.encode(CLAIMS, key=stranger))


def test_a_retired_key_still_verifies():
    decoded = tokens.decode(CODE, public_keys={1: OTHER.public_key, 3: KEY.public_key})

    assert decoded.badge_id == CLAIMS.badge_id


def test_lower_case_and_surrounding_spaces_are_read():
    assert tokens.decode(f"  {CODE.lower()}\n", public_keys=PUBLIC).badge_id == 123456
