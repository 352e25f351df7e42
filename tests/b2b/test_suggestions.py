"""Suggestions computed over the database and read on the participant's page: who is never
suggested (met, declined, no free time in common, not findable, a colleague), the reasons in
the reader's language, the page's states, and a run's queries that do not grow with N."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext as _

from b2b.forms import JoinForm
from b2b.models import B2BRegionPriority, B2BSuggestion, B2BUnavailability
from b2b.services.suggestions import suggestions_refresh
from b2b.tasks import task_current_suggestions_refresh, task_suggestions_refresh
from events.services.consents import consent_give, consent_withdraw
from tests.factories import (
    B2BBlockFactory,
    B2BParticipantFactory,
    CooperativeFactory,
    EditionFactory,
    PartnerRegionFactory,
    UserFactory,
)
from tests.factories.records import B2BMeetingFactory, MeetingRequestFactory

pytestmark = pytest.mark.django_db

# An argan cooperative that looks for distributors in France, and who fits it.
ARGAN = {
    "offer_topics": ["argan"],
    "seek_topics": ["packaging"],
    "roles": ["producer"],
    "roles_sought": ["distributor"],
    "markets": ["FR"],
    "languages": ["ar", "fr"],
}
DISTRIBUTOR = {
    "seek_topics": ["argan"],
    "roles": ["distributor"],
    "markets": ["FR"],
    "languages": ["fr"],
}


@pytest.fixture
def fair(homes):
    edition = EditionFactory(is_current=True)
    B2BBlockFactory(edition=edition)  # six slots of 20 minutes from 15:00
    return edition


def person(edition, *, findable=True, **fields):
    user = UserFactory()
    if findable:
        consent_give(kind="findable", language="fr", user=user)
    return B2BParticipantFactory(edition=edition, user=user, email=user.email, **fields)


def suggested(participant) -> list[int]:
    return list(
        B2BSuggestion.objects.filter(participant=participant)
        .order_by("rank")
        .values_list("other_id", flat=True)
    )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_best_fit_comes_first_with_its_reasons(fair):
    me = person(fair, **ARGAN)
    packager = person(fair, offer_topics=["packaging"], languages=["ar"])
    distributor = person(fair, **DISTRIBUTOR)

    assert suggestions_refresh(edition=fair) == 4  # both see me, I see both

    first, second = B2BSuggestion.objects.filter(participant=me).order_by("rank")
    assert (first.other, first.rank, second.other, second.rank) == (distributor, 1, packager, 2)
    assert first.reasons == [
        ["seeks", "argan"],
        ["is", "distributor"],
        ["market", "FR"],
        ["language", "fr"],
    ]
    assert suggested(distributor) == [me.pk]


def test_met_declined_and_asked_are_not_suggested_either_way(fair):
    me = person(fair, **ARGAN)
    met = person(fair, **DISTRIBUTOR)
    declined = person(fair, **DISTRIBUTOR)
    asked_me = person(fair, **DISTRIBUTOR)
    withdrawn = person(fair, **DISTRIBUTOR)
    fresh = person(fair, **DISTRIBUTOR)
    B2BMeetingFactory(
        request__edition=fair,
        request__requester=me,
        request__recipient=met,
        block=fair.b2b_blocks.get(),
    )
    MeetingRequestFactory(edition=fair, requester=me, recipient=declined, status="declined")
    MeetingRequestFactory(edition=fair, requester=asked_me, recipient=me, status="pending")
    MeetingRequestFactory(edition=fair, requester=withdrawn, recipient=me, status="cancelled")

    suggestions_refresh(edition=fair)

    assert suggested(me) == [fresh.pk]
    for other in (met, declined, asked_me, withdrawn):
        assert me.pk not in suggested(other)


def test_no_free_slot_in_common_is_not_suggested(fair):
    block = fair.b2b_blocks.get()
    me = person(fair, **ARGAN)
    away = person(fair, **DISTRIBUTOR)
    busy_at_my_free_time = person(fair, **DISTRIBUTOR)
    free = person(fair, **DISTRIBUTOR)
    # `away` cannot make the whole block; I cannot make all but the last slot, when
    # `busy_at_my_free_time` is away.
    B2BUnavailability.objects.create(
        participant=away, starts_at=block.starts_at, ends_at=block.ends_at
    )
    last = block.ends_at - datetime.timedelta(minutes=20)
    B2BUnavailability.objects.create(participant=me, starts_at=block.starts_at, ends_at=last)
    B2BUnavailability.objects.create(
        participant=busy_at_my_free_time, starts_at=last, ends_at=block.ends_at
    )

    suggestions_refresh(edition=fair)

    assert suggested(me) == [free.pk]
    assert suggested(away) == []


def test_colleagues_the_unfindable_and_the_suspended_are_not_suggested(fair):
    cooperative = CooperativeFactory()
    me = person(fair, cooperative=cooperative, **ARGAN)
    colleague = person(fair, cooperative=cooperative, **DISTRIBUTOR)
    hidden = person(fair, findable=False, **DISTRIBUTOR)
    suspended = person(fair, is_active=False, **DISTRIBUTOR)
    shown = person(fair, **DISTRIBUTOR)

    suggestions_refresh(edition=fair)

    assert suggested(me) == [shown.pk]
    assert me.pk not in suggested(colleague)
    # The one who hides is still suggested others (the cooperative; the other distributors
    # in France only share a market): they may ask for meetings.
    assert suggested(hidden) == [me.pk]
    assert suggested(suspended) == []
    assert not B2BSuggestion.objects.filter(other__in=[hidden, suspended]).exists()


def test_a_run_replaces_the_last(fair):
    me = person(fair, **ARGAN)
    other = person(fair, **DISTRIBUTOR)
    suggestions_refresh(edition=fair)
    other.seek_topics, other.roles, other.markets = [], [], []
    other.save()

    suggestions_refresh(edition=fair)

    assert suggested(me) == []
    assert not B2BSuggestion.objects.exists()


def test_the_page_tells_the_reasons_in_arabic_and_french(fair):
    region = PartnerRegionFactory()
    B2BRegionPriority.objects.create(edition=fair, partner_region=region, weight=3)
    me = person(fair, **ARGAN)
    person(
        fair,
        name="Claire Dubois",
        kind="delegation",
        partner_region=region,
        priority=2,
        **DISTRIBUTOR,
    )
    suggestions_refresh(edition=fair)

    for language in ("ar", "fr"):
        response = signed_in(me.user).get(f"/{language}/meetings/suggestions/")
        assert response.status_code == 200
        card = BeautifulSoup(response.content, "html.parser").select_one(".participant-card")
        reasons = [li.get_text(strip=True) for li in card.select(".suggestion-reasons li")]
        with translation.override(language):
            assert reasons == [
                _("Looks for what you offer: %(items)s") % {"items": _("Argan")},
                _("The kind of partner you look for: %(items)s") % {"items": _("Distributor")},
                _("Markets in common: %(items)s")
                % {"items": "فرنسا" if language == "ar" else "France"},
                _("Languages in common: %(items)s") % {"items": _("French")},
                _("Partner region: %(region)s") % {"region": region.name},
                _("Recommended by the organisers"),
            ]
        assert "Claire Dubois" in card.get_text()
        # The form to ask for a meeting, back to this page.
        form = card.select_one("form")
        assert form["action"].endswith(
            f"/meetings/participants/{card['id'].split('-')[1]}/request/"
        )
        assert form.select_one("input[name=next]")["value"].startswith(
            f"/{language}/meetings/suggestions/"
        )


def test_someone_not_findable_never_shows_to_the_others(fair):
    me = person(fair, **ARGAN)
    hidden = person(fair, findable=False, name="Caché", **DISTRIBUTOR)
    later_hidden = person(fair, name="Retiré", **DISTRIBUTOR)
    suggestions_refresh(edition=fair)
    # Withdrawn after the run: gone from the page at once, before the next run.
    consent_withdraw(kind="findable", user=later_hidden.user)

    response = signed_in(me.user).get("/fr/meetings/suggestions/")

    text = BeautifulSoup(response.content, "html.parser").get_text()
    assert "Caché" not in text and "Retiré" not in text
    assert response.context["suggestions"] == []
    # They are shown to the others all the same.
    page = signed_in(hidden.user).get("/fr/meetings/suggestions/")
    assert [s.other for s in page.context["suggestions"]] == [me]


def test_asking_from_the_page_takes_the_person_off_it(fair):
    me = person(fair, **ARGAN)
    other = person(fair, **DISTRIBUTOR)
    suggestions_refresh(edition=fair)
    client = signed_in(me.user)

    response = client.post(
        f"/fr/meetings/participants/{other.pk}/request/",
        {"message": "Bonjour", "next": "/fr/meetings/suggestions/"},
    )

    assert response["Location"] == "/fr/meetings/suggestions/"
    assert client.get("/fr/meetings/suggestions/").context["suggestions"] == []


@pytest.fixture
def broker(monkeypatch):
    """The broker as the workers would find it: the suggestion runs sent to it, which a test
    hands to a worker itself (task_suggestions_refresh(**sent[0]))."""
    sent = []

    def send(*, kwargs=None, countdown=None, **options):
        sent.append(kwargs)

    monkeypatch.setattr(task_suggestions_refresh, "apply_async", send)
    return sent


def status_message(response) -> str:
    found = BeautifulSoup(response.content, "html.parser").select_one("[role=status]")
    return found.get_text(" ", strip=True) if found else ""


def being_prepared(language: str) -> str:
    with translation.override(language):
        return _("Your suggestions are being prepared: come back in a minute.")


def visit(client, url, capture):
    """The page as a request outside a test's transaction sees it: what it queues after
    commit is sent at once."""
    with capture(execute=True):
        return client.get(url)


def test_the_first_visit_of_an_edition_queues_a_run_and_says_so(
    fair, broker, django_capture_on_commit_callbacks
):
    me = person(fair, **ARGAN)
    other = person(fair, **DISTRIBUTOR)
    client = signed_in(me.user)

    response = visit(client, "/ar/meetings/suggestions/", django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert not B2BSuggestion.objects.exists()  # nothing computed in the page view
    assert broker == [{"edition_id": fair.pk}]
    assert being_prepared("ar") in status_message(response)
    assert being_prepared("ar") != being_prepared("en")

    again = visit(client, "/fr/meetings/suggestions/", django_capture_on_commit_callbacks)

    assert being_prepared("fr") in status_message(again)
    assert len(broker) == 1  # one run asked for, however many visits before it starts

    task_suggestions_refresh(**broker[0])  # a worker runs it
    ready = visit(client, "/fr/meetings/suggestions/", django_capture_on_commit_callbacks)

    assert [s.other for s in ready.context["suggestions"]] == [other]
    assert status_message(ready) == ""
    assert len(broker) == 1


def test_with_the_broker_down_the_page_still_says_they_are_being_prepared(
    fair, monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(*args, **kwargs):
        raise ConnectionError("the broker does not answer")

    me = person(fair, **ARGAN)
    other = person(fair, **DISTRIBUTOR)
    monkeypatch.setattr(task_suggestions_refresh, "apply_async", broker_down)
    client = signed_in(me.user)

    response = visit(client, "/fr/meetings/suggestions/", django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert being_prepared("fr") in status_message(response)
    assert not B2BSuggestion.objects.exists()

    monkeypatch.undo()
    task_current_suggestions_refresh()  # the beat's quarter-hourly run catches up
    assert [s.other for s in client.get("/fr/meetings/suggestions/").context["suggestions"]] == [
        other
    ]


def test_once_a_run_found_nobody_the_page_says_so_and_asks_for_no_other(
    fair, broker, django_capture_on_commit_callbacks
):
    me = person(fair, **ARGAN)
    person(fair, offer_topics=["honey"], languages=["es"])
    assert suggestions_refresh(edition=fair) == 0

    response = visit(
        signed_in(me.user), "/fr/meetings/suggestions/", django_capture_on_commit_callbacks
    )

    assert response.context["suggestions"] == []
    assert status_message(response) == ""
    empty = BeautifulSoup(response.content, "html.parser").select_one(".empty")
    with translation.override("fr"):
        nobody = _(
            "Nobody fits your profile yet, or you have asked everyone who does. Participants "
            "join until the eve of the fair: come back later, or look through the list."
        )
    assert nobody in empty.get_text(" ", strip=True)
    assert broker == []


def test_joining_leads_to_suggestions_computed_after_commit(
    fair, django_capture_on_commit_callbacks
):
    other = person(fair, **DISTRIBUTOR)
    someone = person(fair, offer_topics=["honey"])
    suggestions_refresh(edition=fair)  # before: nobody fits anybody
    user = UserFactory()
    client = signed_in(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/meetings/join/",
            {
                "kind": "buyer",
                "name": "Yassine Berrada",
                "organisation": "Centrale d'achat Rabat",
                "language": "fr",
                "offer_topics": ["argan"],
                "roles_sought": ["distributor"],
                "markets_frequent": ["FR"],
                "markets_more": ["JP"],
                "languages": ["fr"],
            },
        )

    assert response["Location"] == "/fr/meetings/suggestions/"
    me = user.b2b_participations.get()
    assert [str(code) for code in me.markets] == ["FR", "JP"]
    assert (me.offer_topics, me.roles_sought, me.languages) == (["argan"], ["distributor"], ["fr"])
    assert suggested(me) == [other.pk]
    assert someone.pk not in suggested(me)


def test_the_profile_form_groups_and_keeps_the_choices(fair):
    me = person(fair, **ARGAN)
    me.markets = ["FR", "JP"]
    me.save()

    page = BeautifulSoup(signed_in(me.user).get("/ar/meetings/join/").content, "html.parser")

    assert [legend.get_text(strip=True) for legend in page.select(".b2b-join__group > legend")] == [
        str(legend) for _key, legend, _names in JoinForm.GROUPS
    ]
    assert page.select_one("input[name=offer_topics][value=argan]").has_attr("checked")
    assert page.select_one("input[name=markets_frequent][value=FR]").has_attr("checked")
    assert page.select_one("select[name=markets_more] option[value=JP]").has_attr("selected")


def test_directory_cards_show_the_profile_and_filter_by_topic(fair):
    me = person(fair, **ARGAN)
    person(fair, name="Lucie", **DISTRIBUTOR)
    person(fair, name="Omar", offer_topics=["honey"])

    response = signed_in(me.user).get("/fr/meetings/?topic=argan")

    assert [other.name for other in response.context["page_obj"]] == ["Lucie"]
    card = BeautifulSoup(response.content, "html.parser").select_one(".participant-card")
    with translation.override("fr"):
        terms = [dt.get_text(strip=True) for dt in card.select("dt")]
        assert terms[:4] == [_("Looks for"), _("Kind of partner"), _("Markets"), _("Languages")]


def test_a_run_s_queries_do_not_grow_with_the_participants(fair):
    def run_queries() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            suggestions_refresh(edition=fair)
        # Rows are inserted in batches as large as the database takes: not counted.
        return [
            q["sql"] for q in queries if not q["sql"].startswith('INSERT INTO "b2b_b2bsuggestion"')
        ]

    for n in range(10):
        person(fair, **(ARGAN if n % 2 else DISTRIBUTOR))
    few = run_queries()
    for n in range(30):
        person(fair, **(ARGAN if n % 2 else DISTRIBUTOR))
    many = run_queries()

    assert B2BSuggestion.objects.count() == 40 * 12
    assert len(many) == len(few) <= 16
