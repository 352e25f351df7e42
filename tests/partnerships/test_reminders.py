import datetime

import pytest

from fairsite.models import OutboundEmail
from fairsite.roles import PARTNERSHIPS_OFFICERS
from partnerships.models import ReminderDigest
from partnerships.services.agreements import agreement_save
from partnerships.services.reminders import reminder_digests_send, reminders_of
from partnerships.tasks import task_send_reminders
from tests.concurrency import at_once
from tests.factories import AgreementFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 12, 10)


@pytest.fixture
def register(db):
    agreement = AgreementFactory()  # ends 28 Feb 2028, notice by 28 Nov 2027
    agreement_save(agreement=agreement, today=TODAY)
    CommitmentFactory(agreement=agreement, due_on=TODAY - datetime.timedelta(days=3))
    CommitmentFactory(agreement=agreement, due_on=TODAY + datetime.timedelta(days=5))
    CommitmentFactory(agreement=agreement, due_on=TODAY - datetime.timedelta(days=9), status="done")
    CommitmentFactory(agreement=agreement, due_on=TODAY + datetime.timedelta(days=60))
    return agreement


def test_what_is_reminded(register):
    reminders = reminders_of(TODAY)

    assert len(reminders.overdue) == 1 and len(reminders.due_soon) == 1
    assert [a for a, _end, _notice in reminders.agreements] == [register]


def test_run_twice_one_digest_per_officer(register):
    officers = [
        UserFactory(groups=[PARTNERSHIPS_OFFICERS], language=language) for language in ("ar", "fr")
    ]
    UserFactory(groups=["Organisers"])  # not an officer

    assert reminder_digests_send(today=TODAY) == 2
    assert reminder_digests_send(today=TODAY) == 0

    assert ReminderDigest.objects.count() == 2
    mails = OutboundEmail.objects.order_by("pk")
    assert [m.to for m in mails] == [[officer.email] for officer in officers]
    french = mails[1]
    assert "3 " in french.subject and register.reference in french.body_text


def test_nothing_to_remind_sends_nothing(db):
    UserFactory(groups=[PARTNERSHIPS_OFFICERS])

    assert reminder_digests_send(today=TODAY) == 0
    assert not OutboundEmail.objects.exists()


def test_the_periodic_task_refreshes_then_reminds(register, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    UserFactory(groups=[PARTNERSHIPS_OFFICERS])

    assert task_send_reminders.delay().get() == 1
    register.refresh_from_db()
    assert register.status == "expiring_soon"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_once_send_one_digest(register):
    UserFactory(groups=[PARTNERSHIPS_OFFICERS])

    results = at_once(lambda _n: reminder_digests_send(today=TODAY), [1, 2])

    assert sorted(results) == [0, 1]
    assert OutboundEmail.objects.count() == 1
