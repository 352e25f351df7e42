from django.db import transaction

from events.models import Edition


@transaction.atomic
def edition_make_current(*, edition: Edition) -> Edition:
    """Make `edition` the current one; the previous current edition stops being current.

    The partial unique constraint on is_current keeps two editions from being current at once
    even if two organisers do this together: the second waits on the lock, then wins.
    """
    Edition.objects.select_for_update().filter(is_current=True).exclude(pk=edition.pk).update(
        is_current=False
    )
    Edition.objects.filter(pk=edition.pk).update(is_current=True)
    edition.is_current = True
    return edition
