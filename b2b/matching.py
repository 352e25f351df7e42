"""Who each participant should meet, and why: profiles in, ranked suggestions out (pure data,
no database; b2b.services.suggestions loads the profiles and keeps the results).

The score is a sum that can be read back to the participant, reason by reason. For A being
suggested B:

- each topic A seeks and B offers: OFFERS_WHAT_YOU_SEEK (B has what A came for);
- each topic A offers and B seeks: SEEKS_WHAT_YOU_OFFER;
- each kind of partner A looks for that B is: IS_WHAT_YOU_SEEK, and the other way round
  (B looks for someone like A): SEEKS_YOU;
- each market both work with: MARKET (only beside another reason: two distributors in France
  have a market in common, not a reason to meet);
- the organisers' weight for B's partner region (B2BRegionPriority), times REGION_WEIGHT, and
  B's own priority, times PRIORITY_WEIGHT;
- a language in common adds LANGUAGE; two people who both said which languages they speak
  and have none in common get half the score (they may need an interpreter).

Only a substantive reason makes a suggestion: a topic, a kind of partner, or the organisers'
priority. A market or a language in common is never enough on its own.

Never suggested: oneself; a colleague (same cooperative, same delegation, or the same
organisation's name); someone not findable or not active; anyone the two already have or had a
request with, in either direction and whatever became of it (pending, accepted and met,
declined, withdrawn, called off, expired): the list is of people not yet considered; and,
when the edition has meeting slots, anyone with no free slot in common with A.

Only pairs that share something are visited: the findable participants are indexed by what
they offer, seek, are, look for, and their markets, and each participant walks the index
entries of their own profile. The work grows with the overlaps, not with the square of the
number of participants.
"""

import dataclasses
import heapq
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable
from operator import attrgetter

OFFERS_WHAT_YOU_SEEK = 10
SEEKS_WHAT_YOU_OFFER = 8
IS_WHAT_YOU_SEEK = 6
SEEKS_YOU = 4
MARKET = 3
LANGUAGE = 2
REGION_WEIGHT = 4  # times the organisers' weight, 0 to 5
PRIORITY_WEIGHT = 3  # times the participant's priority, 0 to 5
TOP = 12

# The reasons' codes, in the order they are told. Each reason is [code, value]: value is a
# topic code, a role code, a country code, a language code, a partner region's slug, or the
# priority.
OFFERS = "offers"  # B offers a topic A seeks
SEEKS = "seeks"  # B seeks a topic A offers
IS_ROLE = "is"  # B is a kind of partner A looks for
WANTS_ROLE = "wants"  # B looks for a kind of partner A is
MARKET_REASON = "market"
LANGUAGE_REASON = "language"
REGION = "region"
RECOMMENDED = "recommended"
REASON_ORDER = [
    OFFERS,
    SEEKS,
    IS_ROLE,
    WANTS_ROLE,
    MARKET_REASON,
    LANGUAGE_REASON,
    REGION,
    RECOMMENDED,
]

ANY_TIME = None  # the free-slot mask of an edition without meeting slots: no constraint


@dataclasses.dataclass(frozen=True)
class Profile:
    """What matching knows of a participant. `free` is a bit mask of the edition's meeting
    slots where they are free (bit n for slot n), or ANY_TIME when there are no slots."""

    id: int
    offer_topics: frozenset[str] = frozenset()
    seek_topics: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    roles_sought: frozenset[str] = frozenset()
    markets: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    partner_region: int | None = None
    partner_region_slug: str = ""
    # Colleagues share a key: "cooperative:<id>", "delegation:<region id>" or the
    # organisation's name; "" for nobody in particular.
    organisation: str = ""
    findable: bool = True
    active: bool = True
    priority: int = 0
    free: int | None = ANY_TIME


@dataclasses.dataclass(frozen=True)
class Suggestion:
    other: int
    rank: int  # from 1
    score: int
    reasons: list[list]


def organisation_key(*, cooperative_id=None, delegation_region_id=None, organisation="") -> str:
    """Who counts as one's colleague: the same cooperative, the same partner region's
    delegation, else the same organisation's name (case and spaces aside)."""
    if cooperative_id:
        return f"cooperative:{cooperative_id}"
    if delegation_region_id:
        return f"delegation:{delegation_region_id}"
    name = " ".join(organisation.casefold().split())
    return f"name:{name}" if name else ""


def suggest(
    profiles: Iterable[Profile],
    *,
    excluded: Iterable[tuple[int, int]] = (),
    region_weights: dict[int, int] | None = None,
    top: int = TOP,
) -> dict[int, list[Suggestion]]:
    """Each active participant's `top` suggestions, best first (ties: the lower id first).

    `excluded` holds pairs (a, b) never to suggest to each other, in either order (their
    requests); `region_weights` maps a partner region's id to the organisers' weight.
    """
    profiles = list(profiles)
    region_weights = region_weights or {}
    blocked: dict[int, set[int]] = defaultdict(set)
    for first, second in excluded:
        blocked[first].add(second)
        blocked[second].add(first)

    candidates = sorted((p for p in profiles if p.findable and p.active), key=attrgetter("id"))
    index = _Index(candidates)
    for p in candidates:
        index.add("offers", p.offer_topics, p, OFFERS_WHAT_YOU_SEEK)
        index.add("seeks", p.seek_topics, p, SEEKS_WHAT_YOU_OFFER)
        index.add("is", p.roles, p, IS_WHAT_YOU_SEEK)
        index.add("wants", p.roles_sought, p, SEEKS_YOU)
        index.add("market", p.markets, p, MARKET)
        boost = (
            REGION_WEIGHT * region_weights.get(p.partner_region, 0) + PRIORITY_WEIGHT * p.priority
        )
        index.add("boost", [""], p, boost)
    vectors = index.vectors()
    no_boost = vectors.get(("boost", ""), 0)

    # Colleagues and requests in one set of people never suggested to each participant.
    colleagues: dict[str, list[int]] = defaultdict(list)
    for p in candidates:
        if p.organisation:
            colleagues[p.organisation].append(p.id)
    languages = _language_bits(profiles)

    results: dict[int, list[Suggestion]] = {}
    for me in profiles:
        if not me.active:
            continue
        total = no_boost
        for part, keys in (
            ("offers", me.seek_topics),  # who offers what I seek
            ("seeks", me.offer_topics),
            ("is", me.roles_sought),
            ("wants", me.roles),
        ):
            for key in keys:
                total += vectors.get((part, key), 0)
        markets = sum(vectors.get(("market", key), 0) for key in me.markets)
        never = {me.id, *blocked.get(me.id, ()), *colleagues.get(me.organisation, ())}
        best = _best(
            me, index.unpack(total), index.unpack(markets), candidates, never, languages, top
        )
        results[me.id] = [
            Suggestion(
                other=other.id,
                rank=rank,
                score=points,
                reasons=reasons(me, other, region_weights),
            )
            for rank, (points, other) in enumerate(best, start=1)
        ]
    return results


class _Index:
    """The inverted index: for each (part, key), the weight it gives each candidate, packed
    in one integer FIELD bits a candidate (candidate n in bits n·FIELD and up). Adding the
    integers of the keys one's profile names adds up every candidate's score at once, in C;
    a field never carries into the next, as no score reaches 2**FIELD."""

    FIELD = 16

    def __init__(self, candidates: list[Profile]):
        self.size = len(candidates)
        self.position = {p.id: n for n, p in enumerate(candidates)}
        self.entries: dict[tuple[str, str], array] = {}

    def add(self, part: str, keys, profile: Profile, weight: int) -> None:
        if not weight:
            return
        for key in keys:
            entry = self.entries.get((part, key))
            if entry is None:
                entry = self.entries[part, key] = array("H", bytes(2 * self.size))
            entry[self.position[profile.id]] += weight

    def vectors(self) -> dict[tuple[str, str], int]:
        return {
            key: int.from_bytes(entry.tobytes(), sys.byteorder)
            for key, entry in self.entries.items()
        }

    def unpack(self, total: int) -> memoryview:
        return memoryview(total.to_bytes(2 * self.size, sys.byteorder)).cast("H")


def _language_bits(profiles) -> dict[int, int]:
    """Each participant's languages as a bit mask, to test a language in common fast."""
    bit: dict[str, int] = {}
    masks = {}
    for p in profiles:
        mask = 0
        for language in p.languages:
            mask |= bit.setdefault(language, 1 << len(bit))
        masks[p.id] = mask
    return masks


def _best(me, scores, markets, candidates, never, languages, top) -> list[tuple[int, Profile]]:
    """The `top` (score, candidate) once markets and a language in common (or none) are
    counted, best first.

    Candidates are walked from the highest substantive score (markets and languages aside)
    while it is above zero: markets and a language add at most what the markets give and
    LANGUAGE, so the walk stops at the first whose score cannot reach the last kept. Ties go
    to the lower id (candidates are in id order, and the sort is stable).
    """
    mine, my_free = languages[me.id], me.free
    most_markets = max(markets, default=0)
    kept: list[tuple[int, int]] = []  # a heap of (score, -position), the weakest first
    for n in sorted(range(len(scores)), key=scores.__getitem__, reverse=True):
        points = scores[n]
        if not points or (len(kept) == top and points + most_markets + LANGUAGE < kept[0][0]):
            break
        points += markets[n]
        other = candidates[n]
        if other.id in never:
            continue
        if my_free is not ANY_TIME and other.free is not ANY_TIME and not my_free & other.free:
            continue
        theirs = languages[other.id]
        if mine and theirs:
            points = points + LANGUAGE if mine & theirs else max(points // 2, 1)
        if len(kept) < top:
            heapq.heappush(kept, (points, -n))
        elif (points, -n) > kept[0]:
            heapq.heapreplace(kept, (points, -n))
    return [(points, candidates[-negative]) for points, negative in sorted(kept, reverse=True)]


def reasons(me: Profile, other: Profile, region_weights: dict[int, int]) -> list[list]:
    """Why `other` is suggested to `me`, as [code, value] pairs in REASON_ORDER, values
    sorted within a code so that the same profiles always read the same."""
    found = [
        *([OFFERS, topic] for topic in sorted(me.seek_topics & other.offer_topics)),
        *([SEEKS, topic] for topic in sorted(me.offer_topics & other.seek_topics)),
        *([IS_ROLE, role] for role in sorted(me.roles_sought & other.roles)),
        *([WANTS_ROLE, role] for role in sorted(me.roles & other.roles_sought)),
        *([MARKET_REASON, market] for market in sorted(me.markets & other.markets)),
        *([LANGUAGE_REASON, language] for language in sorted(me.languages & other.languages)),
    ]
    if region_weights.get(other.partner_region):
        found.append([REGION, other.partner_region_slug])
    if other.priority:
        found.append([RECOMMENDED, other.priority])
    return found
