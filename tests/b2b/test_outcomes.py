"""What came of a meeting: each side's statement, the rules it follows, the no-shows that
follow from two statements, and the officers' commitments and agreements made of outcomes."""

import datetime
import decimal
import threading

import pytest
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from b2b.errors import B2BError
from b2b.models import MeetingFeedback
from b2b.selectors_outcome import (
    HELD,
    NO_SHOW,
    NOT_HELD,
    UNREPORTED,
    meeting_state,
    with_state,
)
from b2b.services.outcomes import (
    AGREEMENT_STARTED_ACTION,
    COMMITMENT_MADE_ACTION,
    OUTCOME_CHANGED_ACTION,
    OUTCOME_GIVEN_ACTION,
    meeting_feedback_give,
    outcome_agreement_start,
    outcome_commitment_make,
)
from partnerships.choices import AgreementStatus
from partnerships.models import Agreement, Commitment
from tests.factories import (
    AgreementFactory,
    B2BParticipantFactory,
    EditionFactory,
    PartnerRegionFactory,
    UserFactory,
)
from tests.factories.records import B2BMeetingFactory, MeetingRequestFactory

pytestmark = pytest.mark.django_db


def meeting_between(edition, first, second, *, started=True, **fields):
    """A meeting of the two, begun an hour ago (or beginning in an hour)."""
    shift = datetime.timedelta(hours=-1 if started else 1)
    meeting_request = MeetingRequestFactory(
        edition=edition, requester=first, recipient=second, status="accepted"
    )
    starts = timezone.now() + shift
    return B2BMeetingFactory(
        request=meeting_request,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=20),
        **fields,
    )


@pytest.fixture
def fair(db):
    return EditionFactory(is_current=True, year=2031)


@pytest.fixture
def sides(fair):
    occitanie = PartnerRegionFactory(name_fr="Occitanie", slug="occitanie")
    seller = B2BParticipantFactory(
        edition=fair, user=UserFactory(), name="Salma", organisation="Argane Berkane"
    )
    buyer = B2BParticipantFactory(
        edition=fair,
        user=UserFactory(),
        name="Pierre",
        organisation="Épicerie Toulouse",
        kind="delegation",
        partner_region=occitanie,
    )
    return seller, buyer


@pytest.fixture
def meeting(fair, sides):
    return meeting_between(fair, *sides)


def test_a_side_says_what_came_of_the_meeting_once_and_changes_it(meeting, sides):
    seller, _buyer = sides
    given = meeting_feedback_give(
        meeting=meeting,
        by=seller,
        held="held",
        outcome="order",
        amount=decimal.Decimal("12500.50"),
        note=" Premier envoi en juin ",
    )
    changed = meeting_feedback_give(
        meeting=meeting, by=seller, held="held", outcome="distribution", amount=None
    )

    assert changed.pk == given.pk
    row = MeetingFeedback.objects.get()
    assert (row.held, row.outcome, row.amount, row.note) == ("held", "distribution", None, "")
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(row.pk))
        .order_by("pk")
        .values_list("action", "user")
    )
    assert actions == [
        (OUTCOME_GIVEN_ACTION, seller.user.pk),
        (OUTCOME_CHANGED_ACTION, seller.user.pk),
    ]


def test_a_meeting_that_did_not_take_place_has_no_outcome(meeting, sides):
    statement = meeting_feedback_give(
        meeting=meeting,
        by=sides[0],
        held="not_held",
        outcome="partnership",
        amount=decimal.Decimal("100"),
    )
    assert (statement.outcome, statement.amount) == ("none", None)


@pytest.mark.parametrize(
    ("outcome", "amount", "code"),
    [
        ("follow_up", decimal.Decimal("10"), "amount_without_deal"),
        ("none", decimal.Decimal("0"), "amount_without_deal"),
        ("order", decimal.Decimal("-1"), "amount_negative"),
        ("contract", None, "outcome_unknown"),
    ],
)
def test_an_amount_goes_with_a_deal_and_is_not_negative(meeting, sides, outcome, amount, code):
    with pytest.raises(B2BError) as refused:
        meeting_feedback_give(
            meeting=meeting, by=sides[0], held="held", outcome=outcome, amount=amount
        )
    assert refused.value.code == code
    assert not MeetingFeedback.objects.exists()


def test_only_the_two_sides_after_the_start_of_a_meeting_not_called_off(fair, sides):
    seller, buyer = sides
    stranger = B2BParticipantFactory(edition=fair)
    started = meeting_between(fair, seller, buyer)
    later = meeting_between(fair, B2BParticipantFactory(edition=fair), buyer, started=False)
    called_off = meeting_between(
        fair, seller, B2BParticipantFactory(edition=fair), cancelled_at=timezone.now()
    )
    withdrawn = meeting_between(fair, seller, B2BParticipantFactory(edition=fair))
    withdrawn.request.status = "cancelled"
    withdrawn.request.save()

    for meeting, by, code in [
        (started, stranger, "not_a_side"),
        (later, buyer, "meeting_not_started"),
        (called_off, seller, "meeting_cancelled"),
        (withdrawn, seller, "meeting_cancelled"),
    ]:
        with pytest.raises(B2BError) as refused:
            meeting_feedback_give(meeting=meeting, by=by, held="held", outcome="none")
        assert refused.value.code == code
    assert not MeetingFeedback.objects.exists()


@pytest.mark.parametrize(
    ("first", "second", "state", "absent"),
    [
        (None, None, UNREPORTED, None),
        ("held", None, HELD, None),
        ("held", "held", HELD, None),
        ("held", "not_held", HELD, None),
        ("not_held", None, NOT_HELD, None),
        ("not_held", "not_held", NOT_HELD, None),
        # The seller says the buyer did not come: the buyer is the no-show, whatever he says.
        ("other_absent", None, NO_SHOW, "buyer"),
        ("other_absent", "held", NO_SHOW, "buyer"),
        ("other_absent", "not_held", NO_SHOW, "buyer"),
        (None, "other_absent", NO_SHOW, "seller"),
        # Each says the other did not come: they missed each other.
        ("other_absent", "other_absent", NOT_HELD, None),
    ],
)
def test_the_meetings_state_follows_from_both_statements(
    meeting, sides, first, second, state, absent
):
    seller, buyer = sides
    for side, held in ((seller, first), (buyer, second)):
        if held:
            meeting_feedback_give(meeting=meeting, by=side, held=held, outcome="none")
    meeting.refresh_from_db()

    said = meeting_state(meeting)
    absent_id = {"seller": seller.pk, "buyer": buyer.pk, None: None}[absent]
    assert (said.kind, said.absent_id) == (state, absent_id)
    # The database counts the same rule.
    assert with_state(type(meeting).objects.filter(pk=meeting.pk)).get().state == state


# Skipped before its fixtures are made, and the database put back as it was after it: a
# transactional test that flushes the tables would leave the content types renumbered for
# the browser tests that follow.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: no race to lose"
)
def test_two_submissions_at_once_make_one_statement(fair, sides):
    meeting = meeting_between(fair, *sides)
    barrier = threading.Barrier(2)
    errors = []

    def give(outcome):
        try:
            barrier.wait()
            meeting_feedback_give(meeting=meeting, by=sides[0], held="held", outcome=outcome)
        except Exception as error:  # a crash is a failure of the guarantee
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=give, args=(o,)) for o in ("order", "follow_up")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert MeetingFeedback.objects.filter(meeting=meeting).count() == 1


def test_an_officer_makes_a_commitment_of_an_outcome(meeting, sides):
    officer = UserFactory()
    agreement = AgreementFactory()
    statement = meeting_feedback_give(meeting=meeting, by=sides[0], held="held", outcome="order")

    commitment = outcome_commitment_make(
        feedback=statement,
        agreement=agreement,
        description="Envoyer des échantillons à Toulouse",
        due_on=datetime.date(2031, 7, 1),
        by=officer,
    )

    statement.refresh_from_db()
    assert statement.commitment == commitment
    assert (commitment.agreement, commitment.due_on) == (agreement, datetime.date(2031, 7, 1))
    assert ModelLogEntry.objects.filter(
        object_id=str(statement.pk), action=COMMITMENT_MADE_ACTION, user=officer
    ).exists()
    with pytest.raises(B2BError) as again:
        outcome_commitment_make(
            feedback=statement, agreement=agreement, description="Encore", by=officer
        )
    assert again.value.code == "commitment_already_made"
    assert Commitment.objects.count() == 1


def test_nothing_to_follow_in_a_meeting_without_outcome(meeting, sides):
    statement = meeting_feedback_give(meeting=meeting, by=sides[0], held="held", outcome="none")
    with pytest.raises(B2BError) as refused:
        outcome_agreement_start(feedback=statement, by=UserFactory())
    assert refused.value.code == "nothing_to_follow"
    with pytest.raises(B2BError):
        outcome_commitment_make(
            feedback=statement, agreement=AgreementFactory(), description="x", by=None
        )
    assert not Agreement.objects.exclude(reference__startswith="CONV").exists()


def test_an_officer_starts_a_draft_agreement_with_the_sides_partner_regions(fair, meeting, sides):
    officer = UserFactory()
    statement = meeting_feedback_give(
        meeting=meeting, by=sides[1], held="held", outcome="partnership"
    )

    agreement = outcome_agreement_start(feedback=statement, by=officer)

    statement.refresh_from_db()
    assert statement.agreement == agreement
    assert agreement.status == AgreementStatus.DRAFT
    assert not agreement.is_public
    assert agreement.reference == f"B2B-2031-{meeting.pk:04d}"
    assert list(agreement.partner_regions.values_list("slug", flat=True)) == ["occitanie"]
    for language, title in (("ar", agreement.title_ar), ("fr", agreement.title_fr)):
        with translation.override(language):
            assert title == gettext("Partnership project: %(sides)s") % {
                "sides": "Argane Berkane – Épicerie Toulouse"
            }
    assert ModelLogEntry.objects.filter(
        object_id=str(agreement.pk), action="wagtail.create", user=officer
    ).exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(statement.pk), action=AGREEMENT_STARTED_ACTION, user=officer
    ).exists()


def test_no_agreement_without_a_partner_region(fair):
    meeting = meeting_between(
        fair, B2BParticipantFactory(edition=fair), B2BParticipantFactory(edition=fair)
    )
    statement = meeting_feedback_give(
        meeting=meeting, by=meeting.request.requester, held="held", outcome="distribution"
    )
    with pytest.raises(B2BError) as refused:
        outcome_agreement_start(feedback=statement, by=None)
    assert refused.value.code == "no_partner_region"
