"""The exhibitor's pages of their stand's leads: each stand sees its own visits only, a
visitor's contact only while they share it, in the list, the note page and both exports;
phones are paired and unpaired there."""

import csv
import io

import pytest
from openpyxl import load_workbook

from events.choices import ConsentKind
from events.services.consents import consent_withdraw
from exhibitors.models import StandDevice, StandVisit
from exhibitors.services.leads import lead_annotate, lead_scan
from fairsite.phones import phone_display
from tests.exhibitors.leads import paired_token, stand_at, visitor
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PORTAL = "/en/portal/applications"


@pytest.fixture
def manager(db):
    return UserFactory(language="en")


@pytest.fixture
def stand(fair_today, manager):
    return stand_at(fair_today, manager=manager)


@pytest.fixture
def scanned(stand):
    """A visitor who shares their contact and one who does not, both scanned and noted."""
    shares = visitor(stand.edition, findable=True, number=1, name="Salma Alaoui")
    keeps = visitor(stand.edition, findable=False, number=2, name="Karim Benali")
    for badge, note in [(shares, "Wants a price list"), (keeps, "Asked about argan oil")]:
        visit = lead_scan(application=stand, code=badge.code).visit
        lead_annotate(visit=visit, note=note, rating=4)
    return shares, keeps


def private(badge) -> list[str]:
    """What of a visitor who does not share must never reach a stand."""
    attendee = badge.attendee
    shown = phone_display(attendee.phone)
    return [attendee.full_name, attendee.email, attendee.phone, attendee.phone[1:], shown]


def export_text(response) -> str:
    if response["Content-Type"].startswith("text/csv"):
        return response.content.decode("utf-8-sig")
    book = load_workbook(io.BytesIO(response.content))
    return "\n".join(
        "\t".join("" if cell is None else str(cell) for cell in row)
        for row in book.active.iter_rows(values_only=True)
    )


def test_the_list_shows_shared_contacts_and_anonymous_visits(client, manager, stand, scanned):
    shares, keeps = scanned
    client.force_login(manager)

    page = client.get(f"{PORTAL}/{stand.pk}/leads/").content.decode()

    assert "Salma Alaoui" in page and shares.attendee.email in page
    assert "Anonymous visitor" in page and "Asked about argan oil" in page
    for value in private(keeps):
        assert value not in page


def test_the_exports_hold_the_same_as_the_page(client, manager, stand, scanned):
    shares, keeps = scanned
    client.force_login(manager)

    for suffix in ("leads.csv", "leads.xlsx"):
        response = client.get(f"{PORTAL}/{stand.pk}/{suffix}")
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert "attachment" in response["Content-Disposition"]
        text = export_text(response)
        assert "Salma Alaoui" in text and shares.attendee.email in text
        assert "Anonymous visitor" in text and "Asked about argan oil" in text
        for value in private(keeps):
            assert value not in text, (suffix, value)


def test_the_csv_has_a_row_per_visit(client, manager, stand, scanned):
    client.force_login(manager)

    content = client.get(f"{PORTAL}/{stand.pk}/leads.csv").content.decode("utf-8-sig")

    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][:4] == ["First scanned", "Last scanned", "Scans", "Name"]
    assert sorted(row[3] for row in rows[1:]) == ["Anonymous visitor", "Salma Alaoui"]


def test_a_contact_withdrawn_leaves_every_view_at_once(client, manager, stand, scanned):
    shares, _keeps = scanned
    consent_withdraw(kind=ConsentKind.FINDABLE, attendee=shares.attendee)
    client.force_login(manager)
    visit = StandVisit.objects.get(attendee=shares.attendee)

    for url in [
        f"{PORTAL}/{stand.pk}/leads/",
        f"{PORTAL}/{stand.pk}/leads/{visit.pk}/",
        f"{PORTAL}/{stand.pk}/leads.csv",
        f"{PORTAL}/{stand.pk}/leads.xlsx",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        text = export_text(response) if "leads." in url else response.content.decode()
        for value in private(shares):
            assert value not in text, (url, value)


def test_a_formula_typed_as_a_name_stays_text(client, manager, stand):
    badge = visitor(stand.edition, findable=True, name="=HYPERLINK(1)")
    lead_scan(application=stand, code=badge.code)
    client.force_login(manager)

    content = client.get(f"{PORTAL}/{stand.pk}/leads.csv").content.decode("utf-8-sig")
    book = load_workbook(io.BytesIO(client.get(f"{PORTAL}/{stand.pk}/leads.xlsx").content))

    assert "'=HYPERLINK(1)" in content
    assert book.active["D2"].value == "=HYPERLINK(1)" and book.active["D2"].data_type == "s"


def test_another_exhibitor_sees_none_of_it(client, stand, scanned):
    other_manager = UserFactory(language="en")
    other = stand_at(stand.edition, manager=other_manager)
    client.force_login(other_manager)
    visit = StandVisit.objects.filter(application=stand).first()

    for url in [
        f"{PORTAL}/{stand.pk}/leads/",
        f"{PORTAL}/{stand.pk}/leads/{visit.pk}/",
        f"{PORTAL}/{stand.pk}/leads.csv",
        f"{PORTAL}/{stand.pk}/leads.xlsx",
        f"{PORTAL}/{stand.pk}/scanners/",
        # Their own stand's address with this stand's visit in it.
        f"{PORTAL}/{other.pk}/leads/{visit.pk}/",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"{PORTAL}/{other.pk}/leads/{visit.pk}/", {"note": "x"}).status_code == 404
    own = client.get(f"{PORTAL}/{other.pk}/leads/").content.decode()
    assert "Salma" not in own and "argan" not in own
    assert client.get(f"{PORTAL}/{other.pk}/leads.csv").content.decode("utf-8-sig").count("\n") == 1
    visit.refresh_from_db()
    assert visit.note != "x"


def test_the_pages_want_a_sign_in(client, stand):
    response = client.get(f"{PORTAL}/{stand.pk}/leads/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_note_is_edited_from_the_portal(client, manager, stand, scanned):
    _shares, keeps = scanned
    visit = StandVisit.objects.get(attendee=keeps.attendee)
    client.force_login(manager)

    response = client.post(
        f"{PORTAL}/{stand.pk}/leads/{visit.pk}/", {"note": "Call back Monday", "rating": "5"}
    )

    assert response.status_code == 302 and response["Location"].endswith(f"#visit-{visit.pk}")
    visit.refresh_from_db()
    assert (visit.note, visit.rating) == ("Call back Monday", 5)
    refused = client.post(f"{PORTAL}/{stand.pk}/leads/{visit.pk}/", {"note": "", "rating": "7"})
    assert refused.status_code == 200
    visit.refresh_from_db()
    assert visit.rating == 5


def test_a_phone_is_paired_and_unpaired_from_the_portal(client, manager, stand):
    client.force_login(manager)

    page = client.post(f"{PORTAL}/{stand.pk}/scanners/", {"name": "Fatima's phone"})

    assert page.status_code == 200 and "<svg" in page.content.decode()
    assert page["Cache-Control"] == "private, no-store"
    code = page.context["pairing"]["code"].replace("-", "")
    paired = client.post(
        "/en/portal/stand-scanner/pair", {"code": code}, content_type="application/json"
    ).json()
    device = StandDevice.objects.get(application=stand)
    assert device.name == "Fatima's phone" and device.is_paired
    listing = client.get(f"{PORTAL}/{stand.pk}/scanners/").content.decode()
    assert "Fatima&#x27;s phone" in listing

    client.post(f"{PORTAL}/{stand.pk}/scanners/{device.pk}/unpair/")

    status = client.get(
        "/en/portal/stand-scanner/status", HTTP_AUTHORIZATION=f"Bearer {paired['token']}"
    )
    assert status.status_code == 401


def test_another_exhibitor_cannot_unpair_a_stands_phone(client, stand):
    token = paired_token(stand)
    device = StandDevice.objects.get(application=stand)
    other_manager = UserFactory(language="en")
    other = stand_at(stand.edition, manager=other_manager)
    client.force_login(other_manager)

    response = client.post(f"{PORTAL}/{other.pk}/scanners/{device.pk}/unpair/")

    assert response.status_code == 404
    status = client.get("/en/portal/stand-scanner/status", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert status.status_code == 200


def test_a_stand_without_a_place_pairs_no_phone(client, manager, fair_today):
    application = stand_at(fair_today, manager=manager, status="accepted")
    application.status, application.stand = "withdrawn", None
    application.save()
    client.force_login(manager)

    assert client.get(f"{PORTAL}/{application.pk}/scanners/").status_code == 404
    assert client.post(f"{PORTAL}/{application.pk}/scanners/", {"name": "x"}).status_code == 404
    assert not StandDevice.objects.exists()


def test_the_application_page_links_to_the_leads(client, manager, stand):
    client.force_login(manager)

    page = client.get(f"{PORTAL}/{stand.pk}/").content.decode()

    assert f"{PORTAL}/{stand.pk}/leads/" in page and f"{PORTAL}/{stand.pk}/scanners/" in page
