"""Records kept no longer than their purpose needs: the daily sweep erases each kind when its
time has come, reports what it did, touches nothing before, and leaves the observatory's
figures for the past edition exactly as they were."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from b2b.models import B2BParticipant
from events.models import Attendee, Badge, CheckIn, Edition
from fairsite.models import OutboundEmail, OutboundSms
from privacy.models import RetentionSettings, RetentionSweep
from privacy.retention import months_before, retention_sweep
from privacy.tasks import task_retention_sweep
from tests.factories import GateFactory, UserFactory
from tests.factories.records import CheckInFactory
from tests.privacy.figures import observatory_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair(db):
    """The sample fair, with its visitors, sign-ups and business meetings, and an entry at
    the gate for every badge (the log keeps the name the gate showed)."""
    call_command("seed_demo", stdout=io.StringIO())
    edition = Edition.objects.current()
    gate = GateFactory()
    for badge in Badge.objects.filter(edition=edition).select_related("attendee"):
        CheckInFactory(
            badge=badge,
            gate=gate,
            answer={
                "result": "ok",
                "badge": {
                    "id": badge.pk,
                    "name": badge.attendee.full_name,
                    "organisation": badge.attendee.organisation,
                    "category": badge.category,
                },
            },
        )
    return edition


def _after(edition, days):
    return edition.ends_on + datetime.timedelta(days=days)


def _named_entries(edition):
    return [
        entry
        for entry in CheckIn.objects.filter(badge__edition=edition)
        if entry.answer.get("badge", {}).get("name")
    ]


def test_a_past_edition_forgets_its_people_and_keeps_its_figures(fair):
    before = observatory_figures(fair)
    assert Attendee.objects.filter(edition=fair).exclude(full_name="").exists()
    assert _named_entries(fair)

    sweep = retention_sweep(today=_after(fair, 400))

    assert sweep.outcome["attendees"] > 0 and sweep.outcome["b2b"] > 0
    assert not Attendee.objects.filter(edition=fair).exclude(full_name="", email="").exists()
    assert _named_entries(fair) == []
    assert set(B2BParticipant.objects.filter(edition=fair).values_list("email", flat=True)) == {""}
    assert observatory_figures(fair) == before
    again = retention_sweep(today=_after(fair, 400))
    assert set(again.outcome.values()) == {0}


def test_nothing_goes_before_its_time(fair):
    named = Attendee.objects.filter(edition=fair).exclude(full_name="").count()

    soon = retention_sweep(today=_after(fair, 30))
    assert soon.outcome == {"attendees": 0, "entries": 0, "b2b": 0, "outbox": 0}

    # Names leave the entry log after three months; the registrations stay for twelve.
    later = retention_sweep(today=_after(fair, 100))
    assert later.outcome["entries"] > 0 and later.outcome["attendees"] == 0
    assert _named_entries(fair) == []
    assert Attendee.objects.filter(edition=fair).exclude(full_name="").count() == named


def test_the_organisers_set_the_times(fair):
    rules = RetentionSettings.load()
    rules.attendee_months = 1
    rules.save()

    sweep = retention_sweep(today=_after(fair, 40))

    assert sweep.outcome["attendees"] > 0 and sweep.outcome["b2b"] == 0
    assert not Attendee.objects.filter(edition=fair).exclude(full_name="").exists()


def test_delivered_messages_go_after_their_time_and_waiting_ones_stay(db):
    def email(sent_days_ago):
        message = OutboundEmail.objects.create(
            to=["a@fair.example"], subject="s", body_text="b", from_email="f", language="ar"
        )
        if sent_days_ago is not None:
            message.sent_at = timezone.now() - datetime.timedelta(days=sent_days_ago)
            message.save()
        return message.pk

    old, recent, waiting = email(100), email(10), email(None)
    OutboundSms.objects.create(
        to="+212661234987",
        body="b",
        language="ar",
        sent_at=timezone.now() - datetime.timedelta(days=91),
    )

    assert retention_sweep().outcome["outbox"] == 2
    assert not OutboundSms.objects.exists()
    assert set(OutboundEmail.objects.values_list("pk", flat=True)) == {recent, waiting}
    assert old not in OutboundEmail.objects.values_list("pk", flat=True)


def test_the_sweep_runs_daily_and_organisers_read_its_report(db):
    schedule = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "privacy.retention_sweep" in schedule

    outcome = task_retention_sweep.delay().get()

    sweep = RetentionSweep.objects.get()
    assert sweep.outcome == outcome
    organiser = Client()
    organiser.force_login(UserFactory(groups=["Organisers"]))
    listing = organiser.get("/admin/privacy/retention-runs/")
    assert listing.status_code == 200 and str(sweep) in listing.content.decode()
    rules = organiser.get("/admin/settings/privacy/retentionsettings/", follow=True)
    assert rules.status_code == 200


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2027, 3, 31), 1, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 1, 15), 12, datetime.date(2026, 1, 15)),
        (datetime.date(2027, 1, 15), 13, datetime.date(2025, 12, 15)),
        (datetime.date(2028, 3, 30), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2027, 5, 1), 0, datetime.date(2027, 5, 1)),
    ],
)
def test_months_are_counted_on_the_calendar(day, months, expected):
    assert months_before(day, months) == expected
