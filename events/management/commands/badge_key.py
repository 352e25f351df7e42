from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management.base import BaseCommand

from events.keys import private_key_text
from events.tokens import public_key_text


class Command(BaseCommand):
    help = (
        "Print a new badge signing key. Set it as BADGE_SIGNING_KEY with a new "
        "BADGE_SIGNING_KEY_ID, and add the old public key to BADGE_VERIFY_KEYS."
    )

    def handle(self, *args, **options):
        key = Ed25519PrivateKey.generate()
        self.stdout.write(f"BADGE_SIGNING_KEY={private_key_text(key)}")
        public = public_key_text(key.public_key())
        self.stdout.write(f"public key (for BADGE_VERIFY_KEYS after the next rotation): {public}")
