"""Scanning badges at a stand: leads for visitors who share their contact, anonymous visits
for the others, one visit per visitor and stand, refusals for codes that are not in use."""

import datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from events import tokens
from events.choices import ConsentKind
from events.keys import signing_key
from events.services.badges import attendee_register, badge_claims, badge_reissue, badge_revoke
from events.services.consents import consent_give, consent_withdraw
from exhibitors.choices import StandScanResult
from exhibitors.errors import LeadError
from exhibitors.models import StandVisit
from exhibitors.selectors import stand_leads, stands_that_scanned
from exhibitors.services.leads import lead_annotate, lead_forget, lead_scan, lead_sync
from tests.exhibitors.leads import stand_at, visitor
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stand(fair_today):
    return stand_at(fair_today)


def test_a_visitor_who_shares_their_contact_is_a_lead(stand):
    badge = visitor(stand.edition, findable=True, name="Salma Alaoui")

    outcome = lead_scan(application=stand, code=badge.code, scan_id="s1")

    assert outcome.result == StandScanResult.LEAD and not outcome.again
    assert outcome.contact.name == "Salma Alaoui"
    assert outcome.contact.organisation == "Coopérative Nour"
    assert outcome.contact.email == badge.attendee.email
    visit = StandVisit.objects.get()
    assert (visit.application, visit.attendee, visit.scans) == (stand, badge.attendee, 1)
    assert visit.category == "visitor" and visit.first_scanned_at == visit.last_scanned_at


def test_a_visitor_who_does_not_share_is_an_anonymous_visit(stand):
    badge = visitor(stand.edition, findable=False)

    outcome = lead_scan(application=stand, code=badge.code)

    assert outcome.result == StandScanResult.VISIT and outcome.contact is None
    assert StandVisit.objects.get().attendee == badge.attendee
    (lead,) = stand_leads(stand)
    assert lead.contact is None


def test_scanning_again_counts_the_same_visit(stand):
    badge = visitor(stand.edition, findable=True)
    first = lead_scan(application=stand, code=badge.code, scan_id="a")

    again = lead_scan(application=stand, code=badge.code.lower() + " ", scan_id="b")

    assert again.again and again.visit.pk == first.visit.pk
    visit = StandVisit.objects.get()
    assert visit.scans == 2 and visit.scan_ids == ["a", "b"]


def test_a_scan_sent_twice_is_counted_once(stand):
    badge = visitor(stand.edition, findable=False)
    lead_scan(application=stand, code=badge.code, scan_id="retry")

    repeated = lead_scan(application=stand, code=badge.code, scan_id="retry")

    assert repeated.result == StandScanResult.VISIT and repeated.again
    assert StandVisit.objects.get().scans == 1


def test_two_stands_each_count_their_own_visit(stand):
    other = stand_at(stand.edition)
    badge = visitor(stand.edition, findable=True)

    lead_scan(application=stand, code=badge.code)
    lead_scan(application=other, code=badge.code)

    assert StandVisit.objects.count() == 2
    assert [lead.visit.application for lead in stand_leads(other)] == [other]


def test_offline_scans_are_counted_in_the_order_they_were_made(stand):
    badge = visitor(stand.edition, findable=False)
    later = datetime.datetime(2100, 5, 13, 11, 30, tzinfo=datetime.UTC)
    earlier = later - datetime.timedelta(hours=2)
    scans = [
        {"code": badge.code, "scan_id": "late", "scanned_at": later},
        {"code": "NOT-A-CODE", "scan_id": "bad", "scanned_at": earlier},
        {"code": badge.code, "scan_id": "early", "scanned_at": earlier},
    ]

    outcomes = lead_sync(application=stand, scans=scans)

    assert [o.result for o in outcomes] == ["visit", "invalid", "visit"]
    assert [o.again for o in outcomes] == [True, False, False]  # in scan-time order
    visit = StandVisit.objects.get()
    assert (visit.first_scanned_at, visit.last_scanned_at, visit.scans) == (earlier, later, 2)


@pytest.mark.parametrize(
    "garble",
    [lambda code: code[:-3] + "AAA", lambda code: code[:-1], lambda code: "", lambda code: "A" * 9],
    ids=["forged", "truncated", "empty", "garbage"],
)
def test_a_code_that_is_not_a_badge_is_refused(stand, garble):
    badge = visitor(stand.edition, findable=True)
    code = garble(badge.code)

    outcome = lead_scan(application=stand, code=code)

    assert outcome.result == StandScanResult.INVALID and outcome.visit is None
    assert not StandVisit.objects.exists()


def test_a_code_signed_with_another_key_is_refused(stand):
    badge = visitor(stand.edition, findable=True)
    stranger = Ed25519PrivateKey.generate()
    forged = tokens.encode(
        badge_claims(badge),
        key=tokens.SigningKey(key_id=signing_key().key_id, private_key=stranger),
    )

    assert lead_scan(application=stand, code=forged).result == StandScanResult.INVALID
    assert not StandVisit.objects.exists()


def test_revoked_and_replaced_badges_are_refused(stand):
    revoked = visitor(stand.edition, findable=True, number=1)
    badge_revoke(badge=revoked)
    replaced = visitor(stand.edition, findable=True, number=2)
    new = badge_reissue(badge=replaced)

    assert lead_scan(application=stand, code=revoked.code).result == StandScanResult.REVOKED
    assert lead_scan(application=stand, code=replaced.code).result == StandScanResult.REVOKED
    assert lead_scan(application=stand, code=new.code).result == StandScanResult.LEAD
    assert StandVisit.objects.count() == 1


def test_a_badge_of_another_edition_is_refused(stand):
    other_edition = EditionFactory()
    _attendee, badge = attendee_register(
        edition=other_edition, category="visitor", full_name="Karim"
    )

    assert lead_scan(application=stand, code=badge.code).result == StandScanResult.WRONG_EDITION
    assert not StandVisit.objects.exists()


@pytest.mark.parametrize("status", ["withdrawn", "rejected", "submitted"])
def test_a_stand_that_no_longer_takes_part_scans_nothing(fair_today, status):
    application = stand_at(fair_today, status="accepted")
    application.status = status
    application.stand = None
    application.save()
    badge = visitor(fair_today, findable=True)

    outcome = lead_scan(application=application, code=badge.code)

    assert outcome.result == StandScanResult.NOT_EXHIBITING
    assert not StandVisit.objects.exists()


def test_the_contact_follows_the_visitors_choice_at_every_reading(stand):
    badge = visitor(stand.edition, findable=False)
    lead_scan(application=stand, code=badge.code)
    assert stand_leads(stand)[0].contact is None

    consent_give(kind=ConsentKind.FINDABLE, language="ar", attendee=badge.attendee)
    assert stand_leads(stand)[0].contact.name == badge.attendee.full_name

    consent_withdraw(kind=ConsentKind.FINDABLE, attendee=badge.attendee)
    assert stand_leads(stand)[0].contact is None


def test_another_consent_does_not_share_the_contact(stand):
    badge = visitor(stand.edition, findable=False)
    consent_give(kind=ConsentKind.NEWS, language="ar", attendee=badge.attendee)
    consent_give(kind=ConsentKind.PHOTOS, language="ar", attendee=badge.attendee)

    assert lead_scan(application=stand, code=badge.code).contact is None
    assert stand_leads(stand)[0].contact is None


def test_a_note_and_a_rating_are_kept(stand):
    badge = visitor(stand.edition, findable=False)
    visit = lead_scan(application=stand, code=badge.code).visit

    lead_annotate(visit=visit, note="  Wants 20 litres of olive oil.  ", rating=4)

    visit.refresh_from_db()
    assert (visit.note, visit.rating) == ("Wants 20 litres of olive oil.", 4)
    lead_annotate(visit=visit, note="", rating=None)
    visit.refresh_from_db()
    assert (visit.note, visit.rating) == ("", None)


@pytest.mark.parametrize(("note", "rating"), [("", 0), ("", 6), ("", True), ("x" * 2001, None)])
def test_a_note_or_rating_out_of_bounds_is_refused(stand, note, rating):
    badge = visitor(stand.edition, findable=False)
    visit = lead_scan(application=stand, code=badge.code).visit
    lead_annotate(visit=visit, note="kept", rating=3)

    with pytest.raises(LeadError):
        lead_annotate(visit=visit, note=note, rating=rating)

    visit.refresh_from_db()
    assert (visit.note, visit.rating) == ("kept", 3)


def test_the_visitor_removing_a_stand_leaves_an_anonymous_count(stand):
    badge = visitor(stand.edition, findable=True)
    visit = lead_scan(application=stand, code=badge.code).visit
    lead_annotate(visit=visit, note="Salma, wants a catalogue", rating=5)

    lead_forget(visit=visit)

    visit.refresh_from_db()
    assert (visit.attendee, visit.note, visit.rating, visit.scans) == (None, "", None, 1)
    assert list(stands_that_scanned(badge.attendee)) == []
    (lead,) = stand_leads(stand)
    assert lead.contact is None and lead.visit.note == ""
    # Scanned again later, the visitor is a new visit: the old one stays anonymous.
    lead_scan(application=stand, code=badge.code)
    assert StandVisit.objects.filter(application=stand).count() == 2


def test_a_test_badge_is_taken_only_while_the_scanners_are_rehearsed(stand):
    badge = visitor(stand.edition, findable=False, category="test")

    refused = lead_scan(application=stand, code=badge.code)
    stand.edition.rehearsal = True
    stand.edition.save()
    taken = lead_scan(application=stand, code=badge.code)

    assert refused.result == StandScanResult.REHEARSAL_OVER and not refused.rehearsal
    assert taken.result == StandScanResult.VISIT and taken.rehearsal
    assert StandVisit.objects.get().category == "test"
