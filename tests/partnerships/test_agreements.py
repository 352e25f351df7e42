import datetime

import pytest

from partnerships.choices import AgreementStatus
from partnerships.errors import PartnershipError
from partnerships.models import Agreement
from partnerships.selectors import agreement_timeline
from partnerships.services.agreements import (
    agreement_save,
    agreement_statuses_refresh,
    agreement_terminate,
)
from partnerships.terms import add_months, agreement_end, agreement_status
from tests.factories import AgreementFactory, CommitmentFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def test_add_months_keeps_the_day_or_the_month_s_last():
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2025, 11, 15), 3) == D(2026, 2, 15)
    assert add_months(D(2025, 3, 31), -1) == D(2025, 2, 28)


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (D(2025, 2, 28), "signed"),  # signed, in force from 1 March
        (D(2025, 3, 1), "in_force"),
        (D(2027, 11, 28), "in_force"),
        (D(2027, 11, 29), "expiring_soon"),  # three months' notice before 28 Feb 2028
        (D(2028, 2, 29), "expiring_soon"),  # the last day (a leap year)
        (D(2028, 3, 1), "expired"),  # the day after
    ],
)
def test_status_follows_the_dates(today, status):
    agreement = AgreementFactory.build(
        signed_on=D(2025, 2, 1), effective_from=D(2025, 3, 1), duration_months=36
    )

    assert agreement_end(agreement, today) == D(2028, 2, 29)
    assert agreement_status(agreement, today) == status


def test_an_expiry_date_instead_of_a_duration():
    agreement = AgreementFactory.build(duration_months=None, expires_on=D(2026, 6, 30))

    assert agreement_status(agreement, D(2026, 6, 30)) == "expiring_soon"
    assert agreement_status(agreement, D(2026, 7, 1)) == "expired"


def test_a_draft_and_an_open_ended_agreement():
    assert agreement_status(AgreementFactory.build(signed_on=None), D(2025, 6, 1)) == "draft"
    endless = AgreementFactory.build(duration_months=None, expires_on=None)
    assert agreement_status(endless, D(2040, 1, 1)) == "in_force"


def test_a_tacit_renewal_runs_on_by_periods():
    agreement = AgreementFactory.build(
        effective_from=D(2025, 1, 1), duration_months=12, renewal="tacit", notice_months=2
    )

    assert agreement_end(agreement, D(2025, 6, 1)) == D(2025, 12, 31)
    assert agreement_end(agreement, D(2026, 1, 1)) == D(2026, 12, 31)
    assert agreement_status(agreement, D(2026, 6, 1)) == "in_force"
    assert agreement_status(agreement, D(2026, 10, 31)) == "expiring_soon"  # notice by 31 Oct


def test_terminated_and_renewed():
    old = AgreementFactory()
    agreement_terminate(agreement=old, on=D(2025, 9, 1))
    assert old.status == AgreementStatus.TERMINATED

    first = AgreementFactory()
    renewal = AgreementFactory(renews=first, signed_on=None)
    agreement_save(agreement=renewal, today=D(2027, 12, 1))
    first.refresh_from_db()
    assert first.status != "renewed"  # the renewal is not signed yet

    renewal.signed_on = D(2028, 1, 15)
    agreement_save(agreement=renewal, today=D(2028, 1, 15))
    first.refresh_from_db()
    assert first.status == "renewed"


def test_only_a_signed_agreement_is_terminated():
    with pytest.raises(PartnershipError):
        agreement_terminate(agreement=AgreementFactory(signed_on=None), on=D(2025, 1, 1))


def test_the_daily_refresh_moves_statuses_with_the_date():
    agreement = AgreementFactory()
    agreement_save(agreement=agreement, today=D(2025, 6, 1))
    assert agreement.status == "in_force"

    assert agreement_statuses_refresh(today=D(2028, 3, 1)) == 1
    assert agreement_statuses_refresh(today=D(2028, 3, 1)) == 0
    assert Agreement.objects.get().status == "expired"


def test_the_timeline_is_in_date_order():
    agreement = AgreementFactory(signed_on=D(2025, 2, 1), signed_at_fr="Oujda")
    CommitmentFactory(agreement=agreement, due_on=D(2026, 1, 31), description="Former")

    timeline = agreement_timeline(agreement, today=D(2025, 6, 1))

    days = [entry.day for entry in timeline]
    assert days == sorted(days)
    labels = " | ".join(entry.label for entry in timeline)
    assert "Oujda" in labels and "Former" in labels
    assert timeline[-1].day == D(2028, 2, 29) and not timeline[-1].done


def test_delegation_members_get_one_badge_each(fair_today):
    from partnerships.models import MeetingParticipant, PartnershipMeeting
    from partnerships.services.meetings import delegation_badges_issue
    from tests.factories import PartnerRegionFactory

    region = PartnerRegionFactory(name_fr="Région de Dakar")
    meeting = PartnershipMeeting.objects.create(
        title_ar="لقاء",
        title_fr="Réunion",
        starts_at=datetime.datetime(2027, 5, 13, 10, tzinfo=datetime.UTC),
    )
    MeetingParticipant.objects.create(
        meeting=meeting, full_name="Awa Ndiaye", partner_region=region
    )
    MeetingParticipant.objects.create(meeting=meeting, full_name="Karim Tazi")  # the Oriental's

    assert delegation_badges_issue(meeting=meeting, edition=fair_today) == 1
    assert delegation_badges_issue(meeting=meeting, edition=fair_today) == 0
    member = meeting.participants.get(full_name="Awa Ndiaye")
    assert member.attendee.category == "delegation"
    assert member.attendee.organisation == "Région de Dakar"
    assert member.attendee.badges.count() == 1


def test_a_decision_gives_rise_to_a_commitment():
    from partnerships.models import Decision, PartnershipMeeting
    from partnerships.services.meetings import decision_commitment_create

    agreement = AgreementFactory()
    meeting = PartnershipMeeting.objects.create(
        title_ar="لقاء",
        title_fr="Réunion",
        starts_at=datetime.datetime(2027, 5, 13, 10, tzinfo=datetime.UTC),
    )
    decision = Decision.objects.create(meeting=meeting, text="Échanger deux formateurs par an")

    commitment = decision_commitment_create(
        decision=decision, agreement=agreement, due_on=D(2027, 12, 31)
    )

    assert commitment.description == decision.text and commitment.decision == decision
    assert list(agreement.commitments.all()) == [commitment]
