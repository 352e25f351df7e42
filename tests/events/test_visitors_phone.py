"""Visitors without e-mail: registration with a mobile number checked by a code sent by SMS,
the badge link by SMS, the same badge on a second registration, a new link on request, and
the badge page's WhatsApp link."""

import re
import threading
import urllib.parse

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import close_old_connections
from django.utils import translation
from django.utils.html import escape

from events.models import Attendee, Badge
from events.services.badge_links import (
    badge_from_link_token,
    badge_link_token,
    badge_links_send_queue,
)
from events.services.badges import attendee_register, visitor_register
from fairsite import sms
from fairsite.phones import NOT_MOBILE_MESSAGE

pytestmark = pytest.mark.django_db

NUMBER = "+212612345678"
FORM = {
    "full_name": "حليمة الزناتي",
    "email": "",
    "phone": "06 12 34 56 78",
    "organisation": "",
    "how_heard": "",
    "language": "ar",
}
LINK = re.compile(r"https?://testserver(/\w\w/visit/badge/\S+/)")


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def code_in(message) -> str:
    return re.search(r"\b\d{6}\b", message.body).group(0)


def register(client, capture, form=FORM, language="ar"):
    with capture(execute=True):
        return client.post(f"/{language}/visit/", form)


def verify(client, capture, code, language="ar"):
    with capture(execute=True):
        return client.post(f"/{language}/visit/verify/", {"code": code})


def test_a_visitor_registers_with_a_phone_only_and_gets_the_link_by_sms(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    response = register(client, django_capture_on_commit_callbacks, FORM | {"consent_news": "on"})

    # Nothing is registered for a number until its code comes back.
    assert response.status_code == 302 and response["Location"] == "/ar/visit/verify/"
    assert not Attendee.objects.exists()
    [code_message] = sms.outbox
    assert code_message.to == NUMBER
    page = client.get("/ar/visit/verify/").content.decode()
    assert '<bdi dir="ltr">06 12 34 56 78</bdi>' in page

    done = verify(client, django_capture_on_commit_callbacks, code_in(code_message))

    badge = Badge.objects.get()
    assert badge.attendee.phone == NUMBER and badge.attendee.email == ""
    assert done.status_code == 302
    token = re.fullmatch(r"/ar/visit/badge/(\S+)/", done["Location"]).group(1)
    assert badge_from_link_token(token) == badge
    assert "حليمة الزناتي" in client.get(done["Location"]).content.decode()
    # The link by SMS, in the visitor's language, leads to the badge; no e-mail.
    link_message = sms.outbox[-1]
    assert len(sms.outbox) == 2 and link_message.to == NUMBER and mail.outbox == []
    link = LINK.search(link_message.body).group(1)
    assert link.startswith("/ar/") and "حليمة الزناتي" in client.get(link).content.decode()
    assert set(badge.attendee.consents.values_list("kind", flat=True)) == {"news"}


def test_registering_again_with_the_number_gives_back_the_same_badge(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    register(client, django_capture_on_commit_callbacks)
    verify(client, django_capture_on_commit_callbacks, code_in(sms.outbox[-1]))
    first = Badge.objects.get()
    cache.clear()  # an hour later: the limit of one code a minute for a number is past

    register(client, django_capture_on_commit_callbacks, FORM | {"phone": "+212 612-345-678"})
    again = verify(client, django_capture_on_commit_callbacks, code_in(sms.outbox[-1]))

    assert Badge.objects.count() == 1 and Attendee.objects.count() == 1
    token = re.fullmatch(r"/ar/visit/badge/(\S+)/", again["Location"]).group(1)
    assert badge_from_link_token(token) == first
    assert LINK.search(sms.outbox[-1].body)  # and its link again by SMS


def test_a_wrong_code_three_times_voids_it(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    register(client, django_capture_on_commit_callbacks)
    wrong = "000000" if code_in(sms.outbox[0]) != "000000" else "111111"

    first = verify(client, django_capture_on_commit_callbacks, wrong)
    assert first.status_code == 200 and 'name="code"' in first.content.decode()
    verify(client, django_capture_on_commit_callbacks, wrong)
    third = verify(client, django_capture_on_commit_callbacks, wrong)

    assert third["Location"] == "/ar/visit/"
    # Even the right code is no use now.
    verify(client, django_capture_on_commit_callbacks, code_in(sms.outbox[0]))
    assert not Attendee.objects.exists()


def test_the_code_may_be_typed_in_arabic_digits(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    register(client, django_capture_on_commit_callbacks)
    arabic = code_in(sms.outbox[0]).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    verify(client, django_capture_on_commit_callbacks, arabic)

    assert Badge.objects.exists()


def test_codes_to_one_number_are_rate_limited(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    register(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        resend = client.post("/ar/visit/verify/", {"action": "resend"}, follow=True)
    again = register(client, django_capture_on_commit_callbacks)

    assert len(sms.outbox) == 1
    assert 'class="message message--error"' in resend.content.decode()
    assert again.status_code == 429


def test_neither_e_mail_nor_phone_is_refused_with_a_clear_message(client, homes, registration_open):
    response = client.post("/fr/visit/", FORM | {"phone": ""})

    assert response.status_code == 200
    with translation.override("fr"):
        expected = escape(translation.gettext("Enter an e-mail address or a mobile number."))
    assert expected in response.content.decode()
    assert not Attendee.objects.exists() and sms.outbox == []


def test_a_landline_is_refused_in_arabic(client, homes, registration_open):
    response = client.post("/ar/visit/", FORM | {"phone": "05 20 12 34 56"})

    assert response.status_code == 200
    with translation.override("ar"):
        assert str(NOT_MOBILE_MESSAGE) in response.content.decode()
    assert sms.outbox == []


def test_with_an_e_mail_and_a_phone_the_badge_goes_by_e_mail_at_once(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    response = register(
        client, django_capture_on_commit_callbacks, FORM | {"email": "h@fair.example"}
    )

    badge = Badge.objects.get()
    shown = re.fullmatch(r"/ar/visit/badge/([^/]+)/", response["Location"])
    assert shown and badge_from_link_token(shown.group(1)) == badge
    assert badge.attendee.phone == NUMBER
    assert mail.outbox[-1].to == ["h@fair.example"] and sms.outbox == []


def test_a_new_link_is_texted_to_a_registered_number(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    attendee_register(
        edition=registration_open,
        category="visitor",
        full_name="Hamid",
        phone=NUMBER,
        language="fr",
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/visit/badge-link/", {"email": "", "phone": "0612345678"}, follow=True
        )
    with django_capture_on_commit_callbacks(execute=True):
        unknown = client.post("/fr/visit/badge-link/", {"email": "", "phone": "0699999999"})

    assert response.status_code == 200 and unknown.status_code == 302
    [message] = sms.outbox
    assert message.to == NUMBER
    assert "Hamid" in client.get(LINK.search(message.body).group(1)).content.decode()


def test_badge_link_requests_for_a_number_are_rate_limited(client, homes, registration_open):
    for _n in range(3):
        client.post("/fr/visit/badge-link/", {"phone": "0612345678"})

    assert client.post("/fr/visit/badge-link/", {"phone": "0612345678"}).status_code == 429


def test_the_badge_page_offers_a_whatsapp_link_in_its_language(client, homes, visitor_badge):
    token = badge_link_token(visitor_badge)

    content = client.get(f"/fr/visit/badge/{token}/").content.decode()

    href = re.search(r'href="(https://wa\.me/\?text=[^"]+)"[^>]*>([^<]+)</a>', content)
    assert href, content
    url = href.group(1).replace("&amp;", "&")
    text = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["text"][0]
    # The badge page's own address (its token is signed anew, at the second it is made).
    shared = re.search(r"http://testserver/fr/visit/badge/([^/\s]+)/", text)
    assert shared and badge_from_link_token(shared.group(1)) == visitor_badge
    assert urllib.parse.urlsplit(url).path == "/"  # to no number in particular
    tag = content[content.rindex("<a", 0, href.start(1)) : href.end()]
    assert 'target="_blank"' in tag and "noopener" in tag
    with translation.override("fr"):
        assert href.group(2) == translation.gettext("Send to WhatsApp")


def test_a_visitor_with_both_is_found_by_either(registration_open):
    badge, created = visitor_register(
        edition=registration_open, full_name="A", email="a@fair.example", phone=NUMBER
    )

    assert created
    assert visitor_register(edition=registration_open, full_name="B", phone=NUMBER) == (
        badge,
        False,
    )
    assert visitor_register(edition=registration_open, full_name="C", email="A@fair.example") == (
        badge,
        False,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_registrations_of_one_number_at_once_make_one_badge(fair_today):
    badges, errors = [], []
    barrier = threading.Barrier(2)

    def run():
        try:
            barrier.wait()
            badges.append(
                attendee_register(
                    edition=fair_today, category="visitor", full_name="X", phone=NUMBER
                )[1].pk
            )
        except Exception as error:  # a crash is a failure of the guarantee
            errors.append(error)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=run) for _n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == [] and len(set(badges)) == 1
    assert Attendee.objects.filter(phone=NUMBER).count() == 1


def test_a_request_for_an_unknown_number_queues_nothing(registration_open):
    badge_links_send_queue(phone="+212699999999")

    assert sms.outbox == []
