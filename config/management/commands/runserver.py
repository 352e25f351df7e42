"""runserver that will not put the development SECRET_KEY within reach of other machines."""

import ipaddress

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import Command as StaticRunserver
from django.core.management.base import CommandError

# Django's own mark of a key not to be trusted (the development default carries it).
INSECURE_KEY_PREFIX = "django-insecure-"


def is_loopback(address: str) -> bool:
    """True if only this machine can reach `address` (runserver's "0" is every interface)."""
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


class Command(StaticRunserver):
    def run(self, **options):
        # With the development key known to all, anyone who reaches the server could sign
        # sessions, password-reset links and the rest: only this machine may reach it.
        if settings.SECRET_KEY.startswith(INSECURE_KEY_PREFIX) and not is_loopback(self.addr):
            raise CommandError(
                f"Refusing to serve on {self.addr} with the development SECRET_KEY, which anyone "
                "can read in the code: other machines could forge sessions and signed links. "
                'Set SECRET_KEY (50 random characters, e.g. from `python -c "import secrets; '
                'print(secrets.token_urlsafe(50))"`) in the environment or .env, or serve on '
                "127.0.0.1."
            )
        super().run(**options)
