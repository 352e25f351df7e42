"""The daily reminder to the Partnerships officers: overdue and due-soon commitments, and
agreements whose end or notice date approaches. One digest a day for each officer, however
many times the periodic task runs."""

import dataclasses
import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from fairsite.models import User
from fairsite.roles import PARTNERSHIPS_OFFICERS
from fairsite.services.mail import email_render_and_queue
from partnerships.choices import AgreementStatus, CommitmentStatus
from partnerships.models import Agreement, Commitment, ReminderDigest
from partnerships.terms import agreement_end, notice_date

DUE_SOON = datetime.timedelta(days=14)
ENDING_SOON = datetime.timedelta(days=45)


@dataclasses.dataclass
class Reminders:
    overdue: list
    due_soon: list
    agreements: list  # (agreement, end, notice date)

    def __len__(self):
        return len(self.overdue) + len(self.due_soon) + len(self.agreements)


def reminders_of(today: datetime.date) -> Reminders:
    open_commitments = Commitment.objects.filter(
        status__in=[CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS],
        due_on__isnull=False,
        due_on__lte=today + DUE_SOON,
    ).select_related("agreement")
    overdue = [c for c in open_commitments if c.due_on < today]
    due_soon = [c for c in open_commitments if c.due_on >= today]
    agreements = []
    running = Agreement.objects.filter(
        status__in=[AgreementStatus.IN_FORCE, AgreementStatus.EXPIRING_SOON]
    )
    for agreement in running:
        end = agreement_end(agreement, today)
        if end is None:
            continue
        notice = notice_date(agreement, end)
        # From some weeks before the notice date until the end itself.
        if notice - ENDING_SOON <= today <= end:
            agreements.append((agreement, end, notice))
    return Reminders(overdue, due_soon, agreements)


def reminder_digests_send(*, today: datetime.date | None = None) -> int:
    """E-mail today's digest to each officer who has not had it yet; returns how many went."""
    today = today or timezone.localdate()
    reminders = reminders_of(today)
    if not len(reminders):
        return 0
    officers = User.objects.filter(groups__name=PARTNERSHIPS_OFFICERS, is_active=True).exclude(
        email=""
    )
    sent = 0
    for officer in officers.distinct():
        try:
            with transaction.atomic():
                ReminderDigest.objects.create(user=officer, day=today, items=len(reminders))
                email_render_and_queue(
                    to=[officer.email],
                    template_prefix="partnerships/email/reminders",
                    context={"reminders": reminders, "today": today, "officer": officer},
                    language=officer.language or "ar",
                )
        except IntegrityError:
            continue  # today's digest went out already (the task ran twice)
        sent += 1
    return sent
