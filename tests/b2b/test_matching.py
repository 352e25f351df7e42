"""Scoring and reasons of the suggestions, on hand-built profiles (b2b.matching is pure: no
database)."""

import dataclasses

from b2b import matching
from b2b.matching import Profile


def profile(id, **fields):
    sets = ("offer_topics", "seek_topics", "roles", "roles_sought", "markets", "languages")
    return Profile(id=id, **{k: frozenset(v) if k in sets else v for k, v in fields.items()})


# An argan cooperative of the Oriental that looks for distributors in France.
ARGAN = profile(
    1,
    offer_topics={"argan"},
    seek_topics={"packaging"},
    roles={"producer"},
    roles_sought={"distributor"},
    markets={"FR"},
    languages={"ar", "fr"},
    organisation="cooperative:1",
)


def test_ranking_follows_the_weighted_overlaps():
    # A distributor in France who seeks argan, speaks French: seeks (8) + is (6) + wants
    # (4) + market (3) + language (2) = 23.
    distributor = profile(
        2,
        seek_topics={"argan"},
        roles={"distributor"},
        roles_sought={"producer"},
        markets={"FR"},
        languages={"fr"},
    )
    # A packaging firm: offers what the cooperative seeks (10) + language (2) = 12.
    packager = profile(3, offer_topics={"packaging"}, languages={"ar"})
    # A buyer of honey in Senegal: nothing in common but the language.
    unrelated = profile(4, seek_topics={"honey"}, markets={"SN"}, languages={"fr"})

    found = matching.suggest([ARGAN, distributor, packager, unrelated])[1]

    assert [(s.other, s.rank, s.score) for s in found] == [(2, 1, 23), (3, 2, 12)]
    assert found[0].reasons == [
        ["seeks", "argan"],
        ["is", "distributor"],
        ["wants", "producer"],
        ["market", "FR"],
        ["language", "fr"],
    ]
    assert found[1].reasons == [["offers", "packaging"], ["language", "ar"]]


def test_the_organisers_priorities_add_and_are_told():
    # From a partner region weighted 3 by the organisers (3 x 4), recommended with
    # priority 2 (2 x 3), seeking argan (8) and speaking French (2): 28.
    delegate = profile(
        5,
        seek_topics={"argan"},
        languages={"fr"},
        partner_region=7,
        partner_region_slug="occitanie",
        priority=2,
    )
    # A region priority alone is a reason to meet (the organisers want it): 12 + 2.
    visitor = profile(6, partner_region=7, partner_region_slug="occitanie", languages={"fr"})
    # A region without weight is nothing.
    other_region = profile(8, partner_region=9, partner_region_slug="dakar", languages={"fr"})

    found = matching.suggest([ARGAN, delegate, visitor, other_region], region_weights={7: 3})[1]

    assert [(s.other, s.score) for s in found] == [(5, 28), (6, 14)]
    assert found[0].reasons == [
        ["seeks", "argan"],
        ["language", "fr"],
        ["region", "occitanie"],
        ["recommended", 2],
    ]
    assert found[1].reasons == [["language", "fr"], ["region", "occitanie"]]


def test_no_language_in_common_halves_the_score():
    german = profile(2, seek_topics={"argan"}, languages={"de"})
    silent = profile(3, seek_topics={"argan"})  # said nothing: not held against

    found = matching.suggest([ARGAN, german, silent])[1]

    assert [(s.other, s.score) for s in found] == [(3, 8), (2, 4)]
    assert found[1].reasons == [["seeks", "argan"]]


def test_a_language_in_common_alone_suggests_nobody():
    only_french = profile(2, languages={"fr"}, roles={"buyer"})

    assert matching.suggest([ARGAN, only_french])[1] == []


def test_ties_go_to_the_lower_id_and_top_cuts():
    others = [profile(n, seek_topics={"argan"}) for n in range(10, 40)]

    found = matching.suggest([ARGAN, *others], top=5)[1]

    assert [s.other for s in found] == [10, 11, 12, 13, 14]
    assert [s.rank for s in found] == [1, 2, 3, 4, 5]


def test_requests_either_way_exclude_the_pair():
    asked_me = profile(2, seek_topics={"argan"})
    i_asked = profile(3, seek_topics={"argan"})
    fresh = profile(4, seek_topics={"argan"})

    found = matching.suggest([ARGAN, asked_me, i_asked, fresh], excluded=[(2, 1), (1, 3)])

    assert [s.other for s in found[1]] == [4]
    assert found[2] == [] and found[3] == []


def test_colleagues_the_unfindable_and_the_inactive_are_never_suggested():
    colleague = profile(2, seek_topics={"argan"}, organisation="cooperative:1")
    hidden = profile(3, seek_topics={"argan"}, findable=False)
    gone = profile(4, seek_topics={"argan"}, active=False)
    shown = profile(5, seek_topics={"argan"}, organisation="name:épicerie")

    found = matching.suggest([ARGAN, colleague, hidden, gone, shown])

    assert [s.other for s in found[1]] == [5]
    # The one not findable still gets suggestions (they may ask others); the inactive none.
    assert [s.other for s in found[3]] == [1]
    assert 4 not in found


def test_no_free_slot_in_common_excludes():
    mine = dataclasses.replace(ARGAN, free=0b0011)
    overlapping = profile(2, seek_topics={"argan"}, free=0b0110)
    apart = profile(3, seek_topics={"argan"}, free=0b1100)
    fully_booked = profile(4, seek_topics={"argan"}, free=0)

    found = matching.suggest([mine, overlapping, apart, fully_booked])

    assert [s.other for s in found[1]] == [2]


def test_organisation_key():
    assert matching.organisation_key(cooperative_id=4, organisation="X") == "cooperative:4"
    assert matching.organisation_key(delegation_region_id=2, organisation="X") == "delegation:2"
    assert matching.organisation_key(organisation="  Épicerie   Solidaire ") == (
        matching.organisation_key(organisation="épicerie solidaire")
    )
    assert matching.organisation_key(organisation=" ") == ""


def test_a_market_in_common_adds_to_a_reason_but_is_not_one():
    # Two distributors selling in France have a market in common, not a reason to meet.
    rival = profile(9, roles={"distributor"}, markets={"FR"}, organisation="name:rival")
    competitor = profile(10, roles={"distributor"}, markets={"FR"}, organisation="name:other")
    # A buyer in France who seeks argan: seeks (8) + market (3).
    buyer = profile(11, seek_topics={"argan"}, markets={"FR"})

    found = matching.suggest([ARGAN, rival, competitor, buyer])

    # The cooperative looks for a distributor (is: 6) and sells in France (3).
    assert [(s.other, s.score) for s in found[1]] == [(11, 11), (9, 9), (10, 9)]
    # Each distributor is suggested the cooperative (wants: 4, market: 3), not the other.
    assert [(s.other, s.score) for s in found[9]] == [(1, 7)]
    assert [(s.other, s.score) for s in found[10]] == [(1, 7)]
