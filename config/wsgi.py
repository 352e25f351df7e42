import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

from fairsite.short_stack import with_short_gate_stack  # noqa: E402  (after Django is set up)

application = with_short_gate_stack(application)
