from django.db import transaction

from events.models import Edition
from fairsite.page_cache import pages_changed


@transaction.atomic
def edition_make_current(*, edition: Edition) -> Edition:
    """Make `edition` the current one; the previous current edition stops being current.

    Every edition row is locked first (there is one a year), so two organisers doing this at
    once take turns and the second one's choice wins; the partial unique constraint on
    is_current is the backstop.
    """
    list(Edition.objects.select_for_update().order_by("pk").values_list("pk", flat=True))
    Edition.objects.filter(is_current=True).exclude(pk=edition.pk).update(is_current=False)
    Edition.objects.filter(pk=edition.pk).update(is_current=True)
    edition.is_current = True
    pages_changed()  # updated rows send no signal: every page and kept edition, forgotten
    return edition
