"""Records kept no longer than their purpose needs: each rule of the retention settings
erases, once its time has come, the same fields an erasure request would, so the
observatory's figures for past editions stay exactly as they were."""

import calendar
import datetime
import logging

from django.db import transaction
from django.utils import timezone

from b2b.models import B2BParticipant
from b2b.personal_data import participants_erase
from events.models import Attendee, CheckIn, Edition
from fairsite.models import OutboundEmail, OutboundSms
from fairsite.personal_data import Subject, registered
from privacy.models import RetentionSettings, RetentionSweep

logger = logging.getLogger(__name__)

# What a badge holder's erasure touches when their time is up. Their account, if they have
# one, is theirs to close; the partnerships register keeps delegates as the council's record.
ATTENDEE_RECORDS = ("attendees", "entries", "consents", "signups", "exhibitors")


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier (the month's last day where it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _ended_before(day: datetime.date):
    return Edition.objects.filter(ends_on__lt=day)


def _erase_with(keys, subject: Subject) -> int:
    return sum(records.erase(subject) for records in registered() if records.key in keys)


def _attendees(today, rules) -> int:
    editions = _ended_before(months_before(today, rules.attendee_months))
    named = Attendee.objects.filter(edition__in=editions).exclude(
        full_name="", organisation="", email="", phone="", user=None
    )
    ids = set(named.values_list("pk", flat=True))
    return _erase_with(ATTENDEE_RECORDS, Subject(attendee_ids=ids)) if ids else 0


def _entries(today, rules) -> int:
    editions = _ended_before(months_before(today, rules.entry_months))
    # The entries rule clears only the names still there: a second run touches nothing.
    ids = set(
        CheckIn.objects.filter(badge__edition__in=editions)
        .values_list("badge__attendee", flat=True)
        .distinct()
    )
    return _erase_with(("entries",), Subject(attendee_ids=ids)) if ids else 0


def _b2b(today, rules) -> int:
    editions = _ended_before(months_before(today, rules.b2b_months))
    return participants_erase(B2BParticipant.objects.filter(edition__in=editions))


def _outbox(today, rules) -> int:
    before = timezone.now() - datetime.timedelta(days=rules.outbox_days)
    emails, _by_model = OutboundEmail.objects.filter(sent_at__lt=before).delete()
    texts, _by_model = OutboundSms.objects.filter(sent_at__lt=before).delete()
    return emails + texts


RULES = {
    "attendees": _attendees,
    "entries": _entries,
    "b2b": _b2b,
    "outbox": _outbox,
}


@transaction.atomic
def retention_sweep(*, today: datetime.date | None = None) -> RetentionSweep:
    """Apply every retention rule now; the run is kept with how many records each erased."""
    today = today or timezone.localdate()
    rules = RetentionSettings.load()
    outcome = {key: rule(today, rules) for key, rule in RULES.items()}
    sweep = RetentionSweep.objects.create(outcome=outcome)
    logger.info("retention sweep %s: %s", sweep.pk, outcome)
    return sweep
