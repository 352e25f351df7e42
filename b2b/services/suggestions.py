"""Suggestions of people to meet, computed for a whole edition at once and kept in
B2BSuggestion rows that the pages read."""

from django.db import transaction

from events.models import Edition


def suggestions_refresh(*, edition: Edition) -> int:
    """Compute every participant's suggestions for the edition; how many were kept."""
    return 0


def suggestions_refresh_later(*, edition_id: int) -> None:
    """Compute the edition's suggestions again once the current transaction commits (a
    profile, a request, an unavailability changed)."""
    from b2b.tasks import task_suggestions_refresh

    transaction.on_commit(lambda: task_suggestions_refresh.delay(edition_id))
