from celery import shared_task
from django.conf import settings

from events.models import Edition
from observatory.selectors import previous_edition
from observatory.services.figures import figures_refresh


@shared_task(name="observatory.refresh_figures")
def task_refresh_figures() -> int:
    """The current edition's figures and its predecessor's, in every language."""
    current = Edition.objects.current()
    editions = [e for e in (current, previous_edition(current) if current else None) if e]
    for edition in editions:
        for language, _name in settings.LANGUAGES:
            figures_refresh(edition=edition, language=language)
    return len(editions)
