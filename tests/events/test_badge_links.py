import datetime
import re
import time

import pytest
from django.conf import settings
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation

from events.services.badge_links import BADGE_LINK_SALT, badge_link_key, badge_link_token
from events.services.badges import attendee_register, badge_reissue, badge_revoke, visitor_register
from fairsite.services.site import site_address_set
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db

REFUSED_FR = "Ce lien vers un badge ne fonctionne plus"


def page(token: str, language: str = "fr") -> str:
    with translation.override(language):
        return reverse("events:visitor_badge", args=[token])


def signed_at(badge, *, days_ago: float, key: str | None = None) -> str:
    """A link to `badge` as it would have been signed `days_ago` days ago."""

    class Then(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time() - days_ago * 86400))

    payload = signing.TimestampSigner(key=badge_link_key(), salt=BADGE_LINK_SALT).unsign_object(
        badge_link_token(badge)
    )
    return Then(key=key or badge_link_key(), salt=BADGE_LINK_SALT).sign_object(payload)


@pytest.fixture
def past_badge(homes):
    """A visitor's badge for an edition that ended ten days ago."""
    today = timezone.localdate()
    edition = EditionFactory(
        starts_on=today - datetime.timedelta(days=13), ends_on=today - datetime.timedelta(days=10)
    )
    return attendee_register(
        edition=edition, category="visitor", full_name="Omar", email="omar@fair.example"
    )[1]


def test_a_fresh_link_opens_the_badge_and_its_pdf(client, homes, visitor_badge):
    token = badge_link_token(visitor_badge)

    assert visitor_badge.attendee.full_name in client.get(page(token)).content.decode()
    pdf = client.get(reverse("events:visitor_badge_pdf", args=[token]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_badge_e_mail_links_to_the_site_s_address(
    client, homes, registration_open, django_capture_on_commit_callbacks
):
    site_address_set(base_url="https://salon.example.ma")
    with django_capture_on_commit_callbacks(execute=True):
        visitor_register(
            edition=registration_open, full_name="Salma", email="salma@fair.example", language="fr"
        )

    body = mail.outbox[-1].body
    link = re.search(r"https://salon\.example\.ma(/fr/visit/badge/\S+)", body)
    assert link, body
    assert "Salma" in client.get(link.group(1)).content.decode()


@pytest.mark.parametrize(
    "wrong",
    [
        pytest.param(lambda badge: badge_link_token(badge)[:-2] + "xx", id="forged"),
        # The format before links expired: the badge's id signed with SECRET_KEY.
        pytest.param(
            lambda badge: signing.dumps(badge.pk, salt="events.badge-link"), id="old-format"
        ),
        pytest.param(
            lambda badge: signed_at(badge, days_ago=0, key=settings.SECRET_KEY),
            id="signed-with-secret-key",
        ),
    ],
)
def test_a_link_not_signed_with_the_link_key_is_refused_with_a_page_to_ask_again(
    client, homes, visitor_badge, wrong
):
    token = wrong(visitor_badge)

    response = client.get(page(token))
    assert response.status_code == 404
    text = response.content.decode()
    assert REFUSED_FR in text and visitor_badge.attendee.full_name not in text
    assert reverse("events:visitor_badge_link") in text
    assert client.get(reverse("events:visitor_badge_pdf", args=[token])).status_code == 404


def test_the_arabic_refusal_is_in_arabic(client, homes, visitor_badge):
    response = client.get(page(badge_link_token(visitor_badge)[:-2] + "xx", language="ar"))

    assert response.status_code == 404
    assert "لم يعد رابط الشارة هذا صالحا" in response.content.decode()


def test_a_link_expires_once_the_badge_s_last_day_is_past(client, past_badge, settings):
    settings.BADGE_LINK_MAX_AGE_DAYS = 30

    assert client.get(page(signed_at(past_badge, days_ago=29))).status_code == 200
    expired = client.get(page(signed_at(past_badge, days_ago=31)))
    assert expired.status_code == 404 and REFUSED_FR in expired.content.decode()


def test_a_link_sent_long_before_the_fair_works_throughout_it(client, homes, visitor_badge):
    assert client.get(page(signed_at(visitor_badge, days_ago=120))).status_code == 200


def test_revoking_or_reissuing_a_badge_ends_its_links(client, homes, visitor_badge):
    old = badge_link_token(visitor_badge)
    new_badge = badge_reissue(badge=visitor_badge)

    assert client.get(page(old)).status_code == 404
    new = badge_link_token(new_badge)
    assert client.get(page(new)).status_code == 200
    badge_revoke(badge=new_badge)
    assert client.get(page(new)).status_code == 404


def test_asking_for_a_new_link_e_mails_the_holder(
    client, homes, visitor_badge, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/visit/badge-link/", {"email": "Leila@Fair.example"})

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["leila@fair.example"]
    link = re.search(r"http://testserver(/\w\w/visit/badge/\S+)", message.body).group(1)
    assert client.get(link).status_code == 200


def test_asking_for_an_unknown_address_answers_alike_and_sends_nothing(
    client, homes, visitor_badge, past_badge, django_capture_on_commit_callbacks
):
    answers = []
    for email in ["nobody@fair.example", "omar@fair.example"]:  # omar's badge is over
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/fr/visit/badge-link/", {"email": email}, follow=True)
        answers.append((response.status_code, response.redirect_chain))

    assert mail.outbox == []
    assert answers[0] == answers[1]
    known = client.post("/fr/visit/badge-link/", {"email": "leila@fair.example"}, follow=True)
    assert (known.status_code, known.redirect_chain) == answers[0]
