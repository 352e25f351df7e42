"""runserver that will not put the development SECRET_KEY within reach of other machines, and
that runs the periodic tasks beside the site when asked (`--periodic`, as `make run` does)."""

import ipaddress

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import Command as StaticRunserver
from django.core.management.base import CommandError

from config import periodic

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
    periodic = False

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--periodic",
            action="store_true",
            help=(
                "Run the periodic tasks beside the server, as production's beat does: in a "
                "Celery worker with beat when there is a broker, else in this process."
            ),
        )

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
        self.periodic = options.get("periodic", False)
        super().run(**options)

    def on_bind(self, server_port):
        super().on_bind(server_port)
        # Here, in the process that serves (the reloader's child) once it listens: with no
        # broker, the tasks beat runs write where this process's pages read (its cache).
        if self.periodic:
            if settings.CELERY_TASK_ALWAYS_EAGER:
                periodic.beat_start()
            else:
                periodic.worker_start()
