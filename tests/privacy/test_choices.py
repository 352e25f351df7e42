"""A person's choices, kept from the link at the foot of every e-mail and from their account:
every consent listed with its words, given or withdrawn at once, and nobody else's."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from events.models import Badge, Consent
from events.services.consents import consent_give, consents_in_force
from fairsite.services.mail import email_queue
from fairsite.tokens import address_from_token, address_token
from tests.factories import UserFactory
from tests.factories.records import AttendeeFactory

pytestmark = pytest.mark.django_db

FORM = {
    "full_name": "سلمى العلوي",
    "email": "salma@fair.example",
    "organisation": "",
    "how_heard": "",
    "language": "ar",
}
LINK = re.compile(r"http://testserver(/(?:ar|fr|en)/privacy/\S+/)")


def choices_link(body: str) -> str:
    return LINK.search(body).group(1)


def page_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def sections(page: BeautifulSoup) -> dict[str, list[str]]:
    """Each holder's section id and the consents given there."""
    return {
        section["id"]: [
            button.find_previous("input", attrs={"name": "kind"})["value"]
            for button in section.select('button[value="withdraw"]')
        ]
        for section in page.select("section.consents")
    }


def test_every_e_mail_ends_with_the_link_in_its_language_without_the_address(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        email_queue(
            to=["Leila.Benali@fair.example"],
            subject="Bonjour",
            body_text="Corps du message",
            body_html="<html><body><p>Corps</p></body></html>",
            language="fr",
        )

    (message,) = mail.outbox
    path = choices_link(message.body)
    assert path.startswith("/fr/privacy/choices/")
    assert message.body.startswith("Corps du message\n\n")
    assert "leila" not in path.lower() and "fair.example" not in path
    assert address_from_token(path.split("/")[-2]) == "leila.benali@fair.example"
    html = message.alternatives[0].content
    assert html.index(f'href="http://testserver{path}"') < html.index("</body>")
    footer = BeautifulSoup(html, "html.parser").select("p")[-1]
    assert (footer["lang"], footer["dir"]) == ("fr", "ltr")


def test_the_footer_is_arabic_and_right_to_left_in_an_arabic_e_mail():
    email = email_queue(
        to=["a@fair.example"], subject="s", body_text="t", body_html="<p>t</p>", language="ar"
    )

    assert "/ar/privacy/choices/" in email.body_text
    footer = BeautifulSoup(email.body_html, "html.parser").select("p")[-1]
    assert (footer["lang"], footer["dir"]) == ("ar", "rtl")


def test_a_message_to_several_people_links_to_their_own_accounts():
    email = email_queue(
        to=["coop@fair.example", "manager@fair.example"],
        subject="s",
        body_text="t",
        language="fr",
    )

    assert choices_link(email.body_text) == "/fr/privacy/my-data/choices/"


def test_a_visitor_withdraws_news_from_the_link_in_the_badge_e_mail(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ar/visit/", FORM | {"consent_news": "on", "consent_photos": "on"})
    attendee = Badge.objects.get().attendee
    link = choices_link(mail.outbox[-1].body)
    assert link.startswith("/ar/privacy/choices/")

    page = page_of(client.get(link))
    assert page.html["dir"] == "rtl" and page.h1
    assert sections(page) == {f"attendee-{attendee.pk}": ["news", "photos"]}
    response = client.post(
        link, {"holder": f"attendee-{attendee.pk}", "kind": "news", "action": "withdraw"}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{link}#attendee-{attendee.pk}"
    assert set(consents_in_force(attendee)) == {"photos"}
    assert Consent.objects.get(attendee=attendee, kind="news").withdrawn_at is not None
    after = client.get(response["Location"])
    assert [str(m) for m in after.context["messages"]]  # told, in the page's language
    assert sections(page_of(after)) == {f"attendee-{attendee.pk}": ["photos"]}

    client.post(link, {"holder": f"attendee-{attendee.pk}", "kind": "news", "action": "give"})
    news = Consent.objects.get(attendee=attendee, kind="news", withdrawn_at=None)
    assert news.language == "ar"


def test_a_forged_or_altered_token_answers_404(client, homes):
    AttendeeFactory(email="leila@fair.example")
    genuine = address_token("leila@fair.example")
    altered = genuine[:-3] + ("AAA" if genuine[-3:] != "AAA" else "BBB")

    for token in [altered, "bGVpbGFAZmFpci5leGFtcGxl", "x", "%E2%80%8F"]:
        assert client.get(f"/fr/privacy/choices/{token}/").status_code == 404
        response = client.post(
            f"/fr/privacy/choices/{token}/", {"holder": "account", "kind": "news", "action": "give"}
        )
        assert response.status_code == 404
    assert not Consent.objects.exists()


def test_a_token_made_with_another_key_answers_404(client, homes, settings):
    AttendeeFactory(email="leila@fair.example")
    settings.SECRET_KEY = "another-installation-key-" * 2
    token = address_token("leila@fair.example")
    settings.SECRET_KEY = "test-secret-key-for-the-test-suite-only-not-a-real-secret"

    assert client.get(f"/fr/privacy/choices/{token}/").status_code == 404
    settings.SECRET_KEY_FALLBACKS = ["another-installation-key-" * 2]  # a rotated key
    assert client.get(f"/fr/privacy/choices/{token}/").status_code == 200


def test_a_token_shows_its_own_persons_choices_only(client, homes):
    leila = AttendeeFactory(email="leila@fair.example")
    account = UserFactory(email="Leila@fair.example")
    other = AttendeeFactory(email="omar@fair.example")
    consent_give(kind="news", language="fr", attendee=other)
    consent_give(kind="findable", language="fr", user=account)
    link = f"/fr/privacy/choices/{address_token('leila@fair.example')}/"

    page = page_of(client.get(link))

    assert sections(page) == {"account": ["findable"], f"attendee-{leila.pk}": []}
    refused = client.post(
        link, {"holder": f"attendee-{other.pk}", "kind": "news", "action": "withdraw"}
    )
    assert refused.status_code == 404
    assert set(consents_in_force(other)) == {"news"}


def test_an_address_with_nothing_recorded_gets_a_page_that_says_so(client, homes):
    page = page_of(client.get(f"/fr/privacy/choices/{address_token('nobody@fair.example')}/"))

    assert sections(page) == {}


def test_the_account_page_asks_to_sign_in(client, homes):
    response = client.get("/fr/privacy/my-data/choices/")

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/?next=/fr/privacy/my-data/")


def test_the_account_page_lists_the_account_and_its_registrations(homes):
    user = UserFactory(email="amina@fair.example")
    by_address = AttendeeFactory(email="AMINA@fair.example")
    linked = AttendeeFactory(email="amina.tazi@autre.example", user=user)
    someone_else = AttendeeFactory(email="omar@fair.example")
    consent_give(kind="photos", language="ar", attendee=by_address)
    consent_give(kind="news", language="ar", attendee=someone_else)
    client = Client()
    client.force_login(user)

    page = page_of(client.get("/ar/privacy/my-data/choices/"))
    assert sections(page) == {
        "account": [],
        f"attendee-{by_address.pk}": ["photos"],
        f"attendee-{linked.pk}": [],
    }
    for button in page.select("section.consents button"):
        described = page.find(id=button["aria-describedby"])
        assert described is not None and described.get_text(strip=True)

    client.post(
        "/ar/privacy/my-data/choices/", {"holder": "account", "kind": "findable", "action": "give"}
    )
    assert set(consents_in_force(user=user)) == {"findable"}
    client.post(
        "/ar/privacy/my-data/choices/",
        {"holder": f"attendee-{by_address.pk}", "kind": "photos", "action": "withdraw"},
    )
    assert consents_in_force(by_address) == {}


def test_another_account_cannot_change_someones_choices(homes):
    owner = AttendeeFactory(email="owner@fair.example")
    consent_give(kind="news", language="fr", attendee=owner)
    client = Client()
    client.force_login(UserFactory(email="intruder@fair.example"))

    page = page_of(client.get("/fr/privacy/my-data/choices/"))
    response = client.post(
        "/fr/privacy/my-data/choices/",
        {"holder": f"attendee-{owner.pk}", "kind": "news", "action": "withdraw"},
    )

    assert list(sections(page)) == ["account"]
    assert response.status_code == 404
    assert set(consents_in_force(owner)) == {"news"}


def test_changing_a_choice_is_a_post_with_a_csrf_token(homes):
    AttendeeFactory(email="leila@fair.example")
    client = Client(enforce_csrf_checks=True)
    link = f"/fr/privacy/choices/{address_token('leila@fair.example')}/"

    assert "csrfmiddlewaretoken" in client.get(link).content.decode()
    assert client.post(link, {"holder": "account", "kind": "news"}).status_code == 403


def test_the_account_menu_and_the_exhibitor_portal_link_to_the_choices(homes):
    client = Client()
    client.force_login(UserFactory())

    for path in ["/fr/", "/fr/portal/"]:
        page = page_of(client.get(path))
        assert page.select('a[href="/fr/privacy/my-data/choices/"]'), path
