"""The visitor's side of the stands' scans: their badge page lists the stands that scanned
them and lets them remove one; their data request lists those visits and their erasure takes
them out, the stands' and the observatory's counts unchanged."""

import pytest
from django.utils import translation

from events.services.badge_links import badge_link_token
from exhibitors.models import StandVisit
from exhibitors.selectors import stand_leads
from exhibitors.services.leads import lead_annotate, lead_scan
from privacy.services import personal_data_collect, personal_data_erase, subject_for_attendee
from tests.exhibitors.leads import stand_at, visitor
from tests.privacy.figures import observatory_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def stands(fair_today):
    return stand_at(fair_today), stand_at(fair_today)


def badge_page(client, badge) -> str:
    response = client.get(f"/en/visit/badge/{badge_link_token(badge)}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_badge_page_lists_the_stands_that_scanned_it(client, stands):
    first, second = stands
    badge = visitor(first.edition, findable=True)
    someone_else = visitor(first.edition, findable=True, number=9, name="Karim Benali")
    lead_scan(application=first, code=badge.code)
    lead_scan(application=second, code=someone_else.code)

    page = badge_page(client, badge)

    assert first.cooperative.name in page and first.stand.code in page
    assert second.cooperative.name not in page
    assert "You share your name and contact with the stands" in page


def test_a_visitor_who_does_not_share_is_told_so(client, stands):
    badge = visitor(stands[0].edition, findable=False)
    lead_scan(application=stands[0], code=badge.code)

    page = badge_page(client, badge)

    assert "You do not share your contact with the stands" in page
    assert stands[0].cooperative.name in page


def test_removing_a_stand_takes_the_visitor_off_its_list(client, stands):
    first, second = stands
    badge = visitor(first.edition, findable=True)
    kept = lead_scan(application=second, code=badge.code).visit
    visit = lead_scan(application=first, code=badge.code).visit
    lead_annotate(visit=visit, note="Salma wants a catalogue", rating=5)
    token = badge_link_token(badge)

    response = client.post(f"/en/portal/visit/badge/{token}/stands/{visit.pk}/remove/")

    assert response.status_code == 302
    assert response["Location"] == f"/en/visit/badge/{token}/#stands"
    visit.refresh_from_db()
    assert (visit.attendee, visit.note, visit.rating) == (None, "", None)
    (lead,) = stand_leads(first)
    assert lead.contact is None  # an anonymous visit, still counted
    page = badge_page(client, badge)
    assert first.cooperative.name not in page and second.cooperative.name in page
    kept.refresh_from_db()
    assert kept.attendee == badge.attendee


def test_a_visitor_cannot_remove_someone_elses_visit(client, stands):
    badge = visitor(stands[0].edition, findable=True)
    other = visitor(stands[0].edition, findable=True, number=9, name="Karim Benali")
    theirs = lead_scan(application=stands[0], code=other.code).visit

    response = client.post(
        f"/en/portal/visit/badge/{badge_link_token(badge)}/stands/{theirs.pk}/remove/"
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.attendee == other.attendee


@pytest.mark.parametrize("spoil", [lambda t: t[:-2] + "xx", lambda t: "garbage"])
def test_a_forged_link_removes_nothing(client, stands, spoil):
    badge = visitor(stands[0].edition, findable=True)
    visit = lead_scan(application=stands[0], code=badge.code).visit

    response = client.post(
        f"/en/portal/visit/badge/{spoil(badge_link_token(badge))}/stands/{visit.pk}/remove/"
    )

    assert response.status_code == 404
    visit.refresh_from_db()
    assert visit.attendee == badge.attendee


def test_removing_wants_a_post(client, stands):
    badge = visitor(stands[0].edition, findable=True)
    visit = lead_scan(application=stands[0], code=badge.code).visit

    response = client.get(
        f"/en/portal/visit/badge/{badge_link_token(badge)}/stands/{visit.pk}/remove/"
    )

    assert response.status_code == 405


def test_a_data_request_lists_the_stands_and_their_notes(stands):
    badge = visitor(stands[0].edition, findable=True)
    visit = lead_scan(application=stands[0], code=badge.code).visit
    lead_annotate(visit=visit, note="Wants 20 litres", rating=3)

    with translation.override("en"):
        sections = personal_data_collect(subject_for_attendee(badge.attendee))

    (section,) = [s for s in sections if s.key == "exhibitors"]
    (row,) = section.rows
    values = dict(row)
    assert values["stand"] == stands[0].cooperative.name
    assert values["stand code"] == stands[0].stand.code
    assert values["note"] == "Wants 20 litres" and values["rating"] == "3"


def test_erasure_keeps_the_counts_without_the_person(stands):
    first, second = stands
    badge = visitor(first.edition, findable=True)
    other = visitor(first.edition, findable=False, number=9, name="Karim Benali")
    for stand in stands:
        visit = lead_scan(application=stand, code=badge.code).visit
        lead_annotate(visit=visit, note="Salma Alaoui, call back", rating=5)
    lead_scan(application=first, code=other.code)
    before = observatory_figures(first.edition)

    personal_data_erase(subject=subject_for_attendee(badge.attendee))

    assert not StandVisit.objects.filter(attendee=badge.attendee).exists()
    assert not StandVisit.objects.filter(note__icontains="Salma").exists()
    assert StandVisit.objects.count() == 3
    assert StandVisit.objects.get(attendee=other.attendee).attendee_id  # others untouched
    assert observatory_figures(first.edition) == before
    assert observatory_figures(first.edition)["stand_visits_hour"][1].value == 3
