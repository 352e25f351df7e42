import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from feedback.models import SessionRating
from feedback.services import Closed, NotEligible, NotYetOpen, session_rating_save
from tests.factories import UserFactory
from tests.feedback.conftest import attend, make_badge, sign_up, token

pytestmark = pytest.mark.django_db


def _url(badge, session, language="ar"):
    with translation.override(language):
        return reverse("feedback:badge_session", args=[token(badge), session.pk])


def test_rating_by_badge_link_saved_for_someone_who_attended(client, past_session):
    badge = make_badge(past_session.edition)
    attend(past_session, badge.attendee)

    response = client.post(_url(badge, past_session), {"score": "4", "comment": "Très utile"})

    assert response.status_code == 302
    rating = SessionRating.objects.get()
    assert (rating.session, rating.attendee, rating.score) == (past_session, badge.attendee, 4)
    assert rating.comment == "Très utile"


def test_rating_allowed_for_a_confirmed_signup_who_did_not_come(client, past_session):
    badge = make_badge(past_session.edition)
    sign_up(past_session, badge.attendee)

    client.post(_url(badge, past_session), {"score": "2"})

    assert SessionRating.objects.get().score == 2


@pytest.mark.parametrize("status", ["waiting", "cancelled"])
def test_rating_refused_for_waiting_list_or_cancelled_signup(client, past_session, status):
    badge = make_badge(past_session.edition)
    sign_up(past_session, badge.attendee, status=status)

    response = client.post(_url(badge, past_session), {"score": "5"})

    assert response.status_code == 404
    assert not SessionRating.objects.exists()


def test_rating_refused_for_someone_who_neither_came_nor_signed_up(client, past_session):
    badge = make_badge(past_session.edition)

    assert client.get(_url(badge, past_session)).status_code == 404
    assert client.post(_url(badge, past_session), {"score": "5"}).status_code == 404
    assert not SessionRating.objects.exists()


def test_another_persons_link_answers_404(client, past_session):
    mine, theirs = make_badge(past_session.edition), make_badge(past_session.edition)
    attend(past_session, theirs.attendee)

    response = client.post(_url(mine, past_session), {"score": "1"})

    assert response.status_code == 404
    assert not SessionRating.objects.exists()


def test_forged_or_revoked_link_answers_404(client, past_session):
    badge = make_badge(past_session.edition)
    attend(past_session, badge.attendee)
    forged = reverse("feedback:badge_session", args=["not-a-token", past_session.pk])
    assert client.get(forged).status_code == 404

    url = _url(badge, past_session)
    badge.status = "revoked"
    badge.save()
    assert client.post(url, {"score": "3"}).status_code == 404
    assert not SessionRating.objects.exists()


def test_rating_refused_before_the_session_ends(client, future_session):
    badge = make_badge(future_session.edition)
    attend(future_session, badge.attendee)

    page = client.get(_url(badge, future_session, "fr"))
    response = client.post(_url(badge, future_session), {"score": "5"})

    assert 'name="score"' not in page.content.decode()
    assert response.status_code == 200
    assert not SessionRating.objects.exists()
    with pytest.raises(NotYetOpen):
        session_rating_save(session=future_session, attendee=badge.attendee, score=5)


def test_rating_refused_once_the_surveys_close(past_session):
    badge = make_badge(past_session.edition)
    attend(past_session, badge.attendee)
    edition = past_session.edition
    after = datetime.datetime.combine(
        edition.ends_on + datetime.timedelta(weeks=4, days=1), datetime.time(), tzinfo=edition.zone
    )

    with pytest.raises(Closed):
        session_rating_save(session=past_session, attendee=badge.attendee, score=5, at=after)
    rating = session_rating_save(
        session=past_session,
        attendee=badge.attendee,
        score=5,
        at=after - datetime.timedelta(seconds=1),
    )
    assert rating.score == 5


def test_changing_a_rating_keeps_one_row(client, past_session):
    badge = make_badge(past_session.edition)
    attend(past_session, badge.attendee)

    client.post(_url(badge, past_session), {"score": "2", "comment": "Trop long"})
    page = client.get(_url(badge, past_session))
    client.post(_url(badge, past_session), {"score": "5", "comment": ""})

    assert re.search(r'<input[^>]*value="2"[^>]*checked', page.content.decode())
    rating = SessionRating.objects.get()
    assert (rating.score, rating.comment) == (5, "")


def test_a_mark_out_of_range_is_refused_and_changes_nothing(client, past_session):
    badge = make_badge(past_session.edition)
    attend(past_session, badge.attendee)

    response = client.post(_url(badge, past_session), {"score": "6"})

    assert response.status_code == 200
    assert not SessionRating.objects.exists()


def test_test_badge_may_not_rate(past_session):
    badge = make_badge(past_session.edition, category="test")
    attend(past_session, badge.attendee)
    with pytest.raises(NotEligible):
        session_rating_save(session=past_session, attendee=badge.attendee, score=3)


def test_account_rates_through_its_registration_and_not_anothers(client, past_session):
    user = UserFactory()
    badge = make_badge(past_session.edition, user=user)
    attend(past_session, badge.attendee)
    other_session_badge = make_badge(past_session.edition)
    client.force_login(user)

    listing = client.get(reverse("feedback:mine"))
    response = client.post(reverse("feedback:my_session", args=[past_session.pk]), {"score": "3"})

    assert past_session.title_ar in listing.content.decode()
    assert response.status_code == 302
    assert SessionRating.objects.get().attendee == badge.attendee
    client.force_login(UserFactory())
    refused = client.post(reverse("feedback:my_session", args=[past_session.pk]), {"score": "1"})
    assert refused.status_code == 404
    assert other_session_badge.attendee.session_ratings.count() == 0


def test_overview_lists_only_sessions_over_in_arabic_rtl(client, past_session, future_session):
    badge = make_badge(past_session.edition)
    attend(past_session, badge.attendee)
    attend(future_session, badge.attendee)

    link = token(badge)
    with translation.override("ar"):
        url = reverse("feedback:badge", args=[link])
        expected = reverse("feedback:badge_session", args=[link, past_session.pk])
    html = client.get(url).content.decode()

    assert 'lang="ar"' in html and 'dir="rtl"' in html
    assert past_session.title_ar in html
    assert future_session.title_ar not in html
    assert expected in html


def test_rating_page_in_french_ltr(client, past_session):
    badge = make_badge(past_session.edition)
    attend(past_session, badge.attendee)

    html = client.get(_url(badge, past_session, "fr")).content.decode()

    assert 'lang="fr"' in html and 'dir="ltr"' in html
    assert past_session.title_fr in html
    assert "<fieldset" in html and "<legend" in html  # the marks are one labelled group
    # The marks in the reader's words, whichever language the form was first read in.
    assert "3 · Moyen" in html and "متوسط" not in html
    arabic = client.get(_url(badge, past_session, "ar")).content.decode()
    assert "3 · متوسط" in arabic


def test_badge_page_links_to_the_feedback(client, past_session):
    badge = make_badge(past_session.edition)
    attend(past_session, badge.attendee)

    link = token(badge)
    with translation.override("ar"):
        page = client.get(reverse("events:visitor_badge", args=[link]))
        expected = reverse("feedback:badge", args=[link])

    assert expected in page.content.decode()


def test_session_ended_now_is_rateable_not_a_second_before(past_session):
    badge = make_badge(past_session.edition)
    sign_up(past_session, badge.attendee)
    with pytest.raises(NotYetOpen):
        session_rating_save(
            session=past_session,
            attendee=badge.attendee,
            score=4,
            at=past_session.ends_at - datetime.timedelta(seconds=1),
        )
    assert session_rating_save(
        session=past_session, attendee=badge.attendee, score=4, at=past_session.ends_at
    )
    assert timezone.now() > past_session.ends_at
