"""Addresses outside the language prefix (APIs, calendar feeds) answer "not found" as they are,
where a page address without a language is still sent to its language."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nothing-here/", "/api/v1/sessions/00000000-0000-0000-0000-000000000000/"]
    + ["/ical/agenda/not-a-secret.ics", "/ical/b2b/not-a-secret.ics"],
)
def test_an_api_or_feed_address_that_does_not_exist_answers_404(client, homes, path):
    response = client.get(path)

    assert response.status_code == 404


def test_a_page_address_without_its_language_is_still_sent_to_it(client, homes):
    response = client.get("/programme/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 302
    assert response["Location"] == "/fr/programme/"
