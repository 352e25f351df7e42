"""The registration desk and kiosk for walk-in visitors: who may use them, a registration
printed at once, the same badge for the same address or number, the kiosk's own pages and
its code by SMS, blank badges bound at the desk, and walk-ins counted by way."""

import base64
import datetime
import io
import re

import pytest
import zxingcpp
from django.core import mail
from PIL import Image

from events.choices import RegisteredVia
from events.models import Attendee, Badge, Consent
from events.selectors import registrations_by_way
from events.services.badge_links import badge_link_token
from events.services.badges import attendee_register, badge_revoke, badges_issue_blank
from events.services.desk import DeskRefused, blank_badge_bind, desk_register
from fairsite import sms
from tests.factories import PASSWORD, EditionFactory, UserFactory

pytestmark = pytest.mark.django_db

NUMBER = "+212612345678"
FORM = {
    "full_name": "سلمى العلوي",
    "phone": "",
    "email": "",
    "organisation": "تعاونية الزيتون",
    "language": "ar",
    "how_heard": "",
}


@pytest.fixture(autouse=True)
def empty_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def desk_staff(client, homes, fair_today):
    # The gate staff, volunteers without the admin, work the desk too.
    user = UserFactory(email="desk@fair.example", groups=["Gate staff"])
    client.login(email=user.email, password=PASSWORD)
    return user


def post(client, capture, url, data):
    with capture(execute=True):
        return client.post(url, data)


def qr_text(page: str) -> str:
    """The text of the QR code drawn on a page, read back from the image."""
    data = re.search(r'class="print-badge__qr" src="data:image/png;base64,([^"]+)"', page).group(1)
    image = Image.open(io.BytesIO(base64.b64decode(data))).convert("L")
    image = image.resize((image.width * 8, image.height * 8), Image.NEAREST)
    [read] = zxingcpp.read_barcodes(image)
    return read.text


# Who may use the desk


@pytest.mark.parametrize("path", ["/ar/desk/", "/ar/desk/bind/", "/ar/desk/kiosk/"])
def test_the_desk_sends_a_stranger_to_sign_in(client, homes, fair_today, path):
    response = client.get(path)

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("groups", [[], ["Programme editors"], ["Application reviewers"]])
@pytest.mark.parametrize("path", ["/ar/desk/", "/ar/desk/bind/", "/ar/desk/kiosk/"])
def test_the_desk_is_refused_to_who_may_not_register_walk_ins(
    client, homes, fair_today, groups, path
):
    user = UserFactory(groups=groups)  # no group: an exhibitor's account
    client.login(email=user.email, password=PASSWORD)

    assert client.get(path).status_code == 403
    assert client.post(path, FORM).status_code == 403
    assert not Attendee.objects.exists()


def test_a_badge_print_page_is_refused_to_an_exhibitor(client, homes, fair_today):
    badge, _created = desk_register(edition=fair_today, full_name="Karim Benali")
    user = UserFactory()
    client.login(email=user.email, password=PASSWORD)

    assert client.get(f"/ar/desk/badge/{badge_link_token(badge)}/").status_code == 403


# Registering at the desk


def test_the_desk_form_shows_the_notice_and_unticked_consents(client, desk_staff):
    page = client.get("/ar/desk/").content.decode()

    assert 'id="privacy-notice-visit"' in page
    for kind in ("news", "findable", "photos"):
        checkbox = re.search(rf'<input[^>]*name="consent_{kind}"[^>]*>', page).group(0)
        assert "checked" not in checkbox
    # Arabic first: the messages' language is Arabic unless chosen otherwise.
    assert re.search(r'<option value="ar"[^>]*selected', page)


def test_a_walk_in_is_registered_at_the_desk_and_the_badge_printed(
    client, desk_staff, fair_today, django_capture_on_commit_callbacks
):
    response = post(
        client,
        django_capture_on_commit_callbacks,
        "/ar/desk/",
        FORM | {"consent_photos": "on"},
    )

    badge = Badge.objects.get()
    attendee = badge.attendee
    assert (attendee.full_name, attendee.organisation) == ("سلمى العلوي", "تعاونية الزيتون")
    assert attendee.registered_via == RegisteredVia.DESK
    assert attendee.category == "visitor" and attendee.email == "" and attendee.phone == ""
    assert list(Consent.objects.filter(attendee=attendee).values_list("kind", flat=True)) == [
        "photos"
    ]
    assert mail.outbox == [] and sms.outbox == []  # nowhere to send it: it is printed
    assert response.status_code == 302
    assert re.fullmatch(r"/ar/desk/badge/[^/]+/", response["Location"])

    printed = client.get(response["Location"])
    page = printed.content.decode()
    assert "no-store" in printed["Cache-Control"]
    assert "سلمى العلوي" in page and f'data-code="{badge.code}"' in page
    assert qr_text(page) == badge.code
    badge.refresh_from_db()
    assert badge.printed_at is not None


def test_the_desk_sends_the_badge_to_a_number_given(
    client, desk_staff, django_capture_on_commit_callbacks
):
    post(client, django_capture_on_commit_callbacks, "/ar/desk/", FORM | {"phone": "0612345678"})

    [message] = sms.outbox
    assert message.to == NUMBER and "/ar/visit/badge/" in message.body
    assert Attendee.objects.get().phone == NUMBER


def test_a_visitor_registered_online_gets_the_same_badge_at_the_desk(
    client, desk_staff, fair_today, django_capture_on_commit_callbacks
):
    _attendee, online = attendee_register(
        edition=fair_today, category="visitor", full_name="Karim Benali", phone=NUMBER
    )

    response = post(
        client,
        django_capture_on_commit_callbacks,
        "/en/desk/",
        FORM | {"full_name": "كريم بنعلي", "phone": "06 12 34 56 78"},
    )
    page = client.get(response["Location"]).content.decode()

    assert Badge.objects.get() == online
    online.attendee.refresh_from_db()
    assert online.attendee.registered_via == RegisteredVia.ONLINE  # counted where it was made
    assert "is already registered: here is the same badge." in page
    assert "Karim Benali" in page and f'data-code="{online.code}"' in page
    # Sent again, to the number it was registered with.
    assert [message.to for message in sms.outbox] == [NUMBER]


def test_the_desk_refuses_a_bad_number_and_keeps_nothing(client, desk_staff):
    response = client.post("/ar/desk/", FORM | {"phone": "0536123456"})  # a landline

    assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
    assert not Attendee.objects.exists()


def test_the_desk_says_when_no_edition_is_running(client, homes):
    user = UserFactory(groups=["Organisers"])
    client.login(email=user.email, password=PASSWORD)
    EditionFactory(is_current=True, starts_on=datetime.date(2001, 5, 1))

    response = client.post("/en/desk/", FORM)

    assert "This edition of the fair is over." in response.content.decode()
    assert not Attendee.objects.exists()


def test_the_print_page_refuses_a_forged_link(client, desk_staff):
    assert client.get("/ar/desk/badge/not-a-token/").status_code == 404


# The kiosk


def test_the_kiosk_registers_a_visitor_and_prints(
    client, desk_staff, django_capture_on_commit_callbacks
):
    response = post(
        client,
        django_capture_on_commit_callbacks,
        "/fr/desk/kiosk/",
        FORM | {"full_name": "Awa Ndiaye", "email": "awa@fair.example", "language": "fr"},
    )

    badge = Badge.objects.get()
    assert badge.attendee.registered_via == RegisteredVia.KIOSK
    assert re.fullmatch(r"/fr/desk/kiosk/badge/[^/]+/", response["Location"])
    assert mail.outbox[-1].to == ["awa@fair.example"]
    page = client.get(response["Location"]).content.decode()
    assert f'data-code="{badge.code}"' in page and 'data-kiosk-home="/fr/desk/kiosk/"' in page


def test_the_kiosk_leads_nowhere_but_to_itself(client, desk_staff):
    for language in ("ar", "fr", "en"):
        page = client.get(f"/{language}/desk/kiosk/").content.decode()
        links = re.findall(r'<a [^>]*href="([^"]*)"', page)
        assert sorted(links) == ["/ar/desk/kiosk/", "/en/desk/kiosk/", "/fr/desk/kiosk/"]
        assert 'class="site-header"' not in page
        assert "privacy-notice" in page


def test_the_kiosk_prints_no_badge_for_an_address_already_registered(
    client, desk_staff, fair_today, django_capture_on_commit_callbacks
):
    attendee_register(
        edition=fair_today, category="visitor", full_name="Leila", email="leila@fair.example"
    )

    response = post(
        client,
        django_capture_on_commit_callbacks,
        "/ar/desk/kiosk/",
        FORM | {"full_name": "Somebody else", "email": "LEILA@fair.example"},
    )

    # Whoever typed someone's address at a kiosk does not get their badge: its owner does.
    assert response["Location"] == "/ar/desk/kiosk/"
    assert mail.outbox[-1].to == ["leila@fair.example"]
    assert Badge.objects.count() == 1
    assert "Leila" not in client.get("/ar/desk/kiosk/").content.decode()


def test_the_kiosk_checks_a_number_given_alone_by_a_code(
    client, desk_staff, django_capture_on_commit_callbacks
):
    response = post(
        client, django_capture_on_commit_callbacks, "/ar/desk/kiosk/", FORM | {"phone": NUMBER}
    )

    assert response["Location"] == "/ar/desk/kiosk/verify/"
    assert not Attendee.objects.exists()
    [code_message] = sms.outbox
    code = re.search(r"\b\d{6}\b", code_message.body).group(0)
    wrong = post(
        client, django_capture_on_commit_callbacks, "/ar/desk/kiosk/verify/", {"code": "000000"}
    )
    assert wrong.status_code == 200 and not Attendee.objects.exists()

    done = post(
        client, django_capture_on_commit_callbacks, "/ar/desk/kiosk/verify/", {"code": code}
    )

    badge = Badge.objects.get()
    assert badge.attendee.phone == NUMBER
    assert badge.attendee.registered_via == RegisteredVia.KIOSK
    assert re.fullmatch(r"/ar/desk/kiosk/badge/[^/]+/", done["Location"])


# Binding a blank badge


@pytest.fixture
def blank(fair_today):
    [badge] = badges_issue_blank(edition=fair_today, category="visitor", count=1)
    return badge


def test_a_blank_badge_is_bound_to_a_walk_in(fair_today, blank, django_capture_on_commit_callbacks):
    user = UserFactory(groups=["Organisers"])
    with django_capture_on_commit_callbacks(execute=True):
        badge = blank_badge_bind(
            code=blank.code.lower() + "\n",  # as a scanner may type it
            full_name=" يوسف العمراني ",
            phone=NUMBER,
            consents=["news"],
            by=user,
        )

    attendee = Attendee.objects.get(pk=blank.attendee_id)
    assert badge == blank
    assert (attendee.full_name, attendee.phone) == ("يوسف العمراني", NUMBER)
    assert attendee.registered_via == RegisteredVia.BLANK_BADGE
    assert Consent.objects.get(attendee=attendee).kind == "news"
    assert [message.to for message in sms.outbox] == [NUMBER]


def test_a_blank_badge_is_bound_once(fair_today, blank):
    blank_badge_bind(code=blank.code, full_name="Youssef")

    with pytest.raises(DeskRefused) as refused:
        blank_badge_bind(code=blank.code, full_name="Someone else")

    assert refused.value.code == "not_blank"
    assert Attendee.objects.get(pk=blank.attendee_id).full_name == "Youssef"


def test_a_forged_code_binds_nothing(fair_today, blank):
    # One letter changed: the signature no longer holds.
    last = "A" if blank.code[-1] != "A" else "B"
    for code in (blank.code[:-1] + last, "HELLO", ""):
        with pytest.raises(DeskRefused) as refused:
            blank_badge_bind(code=code, full_name="Youssef")
        assert refused.value.code == "invalid"
    assert Attendee.objects.get(pk=blank.attendee_id).full_name == ""


def test_a_badge_with_a_name_is_not_blank(fair_today):
    _attendee, badge = attendee_register(edition=fair_today, category="visitor", full_name="Leila")

    with pytest.raises(DeskRefused) as refused:
        blank_badge_bind(code=badge.code, full_name="Youssef")

    assert refused.value.code == "not_blank"
    assert Attendee.objects.get().full_name == "Leila"


def test_a_revoked_blank_badge_is_refused(fair_today, blank):
    badge_revoke(badge=blank)

    with pytest.raises(DeskRefused) as refused:
        blank_badge_bind(code=blank.code, full_name="Youssef")

    assert refused.value.code == "revoked"


def test_a_blank_badge_of_another_edition_is_refused(fair_today):
    other = EditionFactory(is_current=False)
    [badge] = badges_issue_blank(edition=other, category="visitor", count=1)

    with pytest.raises(DeskRefused) as refused:
        blank_badge_bind(code=badge.code, full_name="Youssef")

    assert refused.value.code == "wrong_edition"


def test_a_blank_badge_is_not_bound_to_a_number_already_registered(fair_today, blank):
    attendee_register(edition=fair_today, category="visitor", full_name="Leila", phone=NUMBER)

    with pytest.raises(DeskRefused) as refused:
        blank_badge_bind(code=blank.code, full_name="Youssef", phone=NUMBER)

    assert refused.value.code == "already_registered"
    assert Attendee.objects.get(pk=blank.attendee_id).full_name == ""


def test_the_desk_binds_a_blank_badge_and_says_so_when_twice(client, desk_staff, blank):
    data = {"code": blank.code, "full_name": "Youssef Amrani", "phone": "", "email": ""}
    data |= {"organisation": "", "language": "ar"}

    first = client.post("/en/desk/bind/", data, follow=True)
    again = client.post("/en/desk/bind/", data | {"full_name": "Other"})

    assert "The badge now belongs to Youssef Amrani." in first.content.decode()
    assert "This badge already carries a name" in again.content.decode()
    assert Attendee.objects.get(pk=blank.attendee_id).full_name == "Youssef Amrani"


def test_the_desk_refuses_a_forged_code_in_the_visitors_language(client, desk_staff, blank):
    data = {"code": "NOTABADGE", "full_name": "Youssef", "language": "ar"}

    page = client.post("/fr/desk/bind/", data).content.decode()

    assert "badge" in page and 'class="errorlist' in page
    assert Attendee.objects.get(pk=blank.attendee_id).full_name == ""


# Walk-ins counted


def test_registrations_are_counted_by_way(fair_today):
    attendee_register(edition=fair_today, category="visitor", full_name="Online", email="a@b.ma")
    desk_register(edition=fair_today, full_name="Desk one")
    desk_register(edition=fair_today, full_name="Desk two", phone=NUMBER)
    desk_register(edition=fair_today, full_name="Desk two again", phone=NUMBER)  # same badge
    desk_register(edition=fair_today, full_name="Kiosk", via=RegisteredVia.KIOSK)
    first, _second = badges_issue_blank(edition=fair_today, category="visitor", count=2)
    blank_badge_bind(code=first.code, full_name="Bound")  # the other one waits: nobody yet
    attendee_register(edition=fair_today, category="press", full_name="Press", email="p@b.ma")
    attendee_register(edition=EditionFactory(), category="visitor", full_name="Another year")

    assert registrations_by_way(fair_today) == {
        "online": 2,
        "desk": 2,
        "kiosk": 1,
        "blank_badge": 1,
    }
    assert registrations_by_way(fair_today, category="visitor")["online"] == 1
