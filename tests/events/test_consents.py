"""A visitor's consents beyond the badge: separate, unticked choices, each recorded with the
words read, its version and time; withdrawn from the badge page as easily, at once."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from events.models import Badge, Consent
from events.services.badge_links import badge_link_token
from events.services.consents import CONSENT_TEXTS, consents_in_force
from tests.factories.records import BadgeFactory

pytestmark = pytest.mark.django_db

FORM = {
    "full_name": "سلمى العلوي",
    "email": "salma@fair.example",
    "organisation": "",
    "how_heard": "",
    "language": "ar",
}


def test_the_choices_are_offered_separately_and_unticked(client, homes, registration_open):
    page = BeautifulSoup(client.get("/fr/visit/").content, "html.parser")

    boxes = page.select("input[type=checkbox][name^=consent_]")
    assert sorted(box["name"] for box in boxes) == [
        "consent_findable",
        "consent_news",
        "consent_photos",
    ]
    assert not any(box.has_attr("checked") for box in boxes)
    assert not any(box.has_attr("required") for box in boxes)


def test_only_what_is_ticked_is_recorded_with_its_words_version_and_time(
    client, homes, registration_open
):
    client.post("/ar/visit/", FORM | {"consent_photos": "on"})

    attendee = Badge.objects.get().attendee
    (consent,) = Consent.objects.filter(attendee=attendee)
    with translation.override("ar"):
        words = str(CONSENT_TEXTS["photos"][1])
    assert (consent.kind, consent.version, consent.language) == ("photos", "1", "ar")
    assert consent.text == words and consent.withdrawn_at is None and consent.given_at


def test_nothing_is_assumed(client, homes, registration_open):
    client.post("/ar/visit/", FORM)

    assert not Consent.objects.exists()


def test_withdrawing_from_the_badge_page_takes_effect_at_once_and_keeps_the_record(
    client, homes, registration_open
):
    response = client.post("/fr/visit/", FORM | {"consent_news": "on", "consent_findable": "on"})
    badge_page = response["Location"]
    attendee = Badge.objects.get().attendee

    page = BeautifulSoup(client.get(badge_page).content, "html.parser")
    withdraw = page.select('#choices button[value="withdraw"]')
    assert len(withdraw) == 2
    client.post(badge_page + "choices/", {"kind": "news", "action": "withdraw"})

    assert set(consents_in_force(attendee)) == {"findable"}
    ended = Consent.objects.get(attendee=attendee, kind="news")
    assert ended.withdrawn_at is not None  # the history stays: given, then withdrawn

    client.post(badge_page + "choices/", {"kind": "news", "action": "give"})
    assert set(consents_in_force(attendee)) == {"findable", "news"}
    assert Consent.objects.filter(attendee=attendee, kind="news").count() == 2


def test_only_the_badge_links_holder_changes_the_choices(client, homes, registration_open):
    mine, theirs = BadgeFactory(), BadgeFactory()
    forged = badge_link_token(mine)[:-4] + "AAAA"
    mine_url = f"/fr/visit/badge/{badge_link_token(mine)}/choices/"

    refused = client.post(f"/fr/visit/badge/{forged}/choices/", {"kind": "news", "action": "give"})
    bad_kind = client.post(mine_url, {"kind": "x", "action": "give"})
    client.post(mine_url, {"kind": "news", "action": "give"})

    assert refused.status_code == 404 and bad_kind.status_code == 400
    assert consents_in_force(mine.attendee).keys() == {"news"}
    assert consents_in_force(theirs.attendee) == {}
    assert client.get(mine_url).status_code == 405
