"""The matchable profile and the reasons of a suggestion, in the reader's words and language.

Reasons are stored as codes ([code, value], b2b.matching); they are put in words only when
shown, so that an Arabic and a French reader each read them in their own language.
"""

from django import template
from django.utils.translation import gettext as _
from django_countries import countries

from b2b import matching
from b2b.choices import PartnerRole, SpokenLanguage
from b2b.vocabulary import topic_label
from fairsite.i18n import join_list

register = template.Library()

ROLE_LABELS = dict(PartnerRole.choices)
LANGUAGE_LABELS = dict(SpokenLanguage.choices)


def role_label(code: str) -> str:
    return str(ROLE_LABELS.get(code, code))


def language_label(code: str) -> str:
    return str(LANGUAGE_LABELS.get(code, code))


def country_label(code) -> str:
    return str(countries.name(str(code)) or code)


def _sentences() -> dict:
    """A reason's sentence and how its values are named, by code; built when called, in the
    active language."""
    return {
        matching.OFFERS: (_("Offers what you look for: %(items)s"), topic_label),
        matching.SEEKS: (_("Looks for what you offer: %(items)s"), topic_label),
        matching.IS_ROLE: (_("The kind of partner you look for: %(items)s"), role_label),
        matching.WANTS_ROLE: (_("Looks for partners like you: %(items)s"), role_label),
        matching.MARKET_REASON: (_("Markets in common: %(items)s"), country_label),
        matching.LANGUAGE_REASON: (_("Languages in common: %(items)s"), language_label),
    }


@register.simple_tag
def suggestion_reasons(suggestion) -> list[str]:
    """`{% suggestion_reasons suggestion as reasons %}`: one sentence a kind of reason, in
    the order of b2b.matching.REASON_ORDER. The partner region is named from the suggested
    person's own (select it with them)."""
    values: dict[str, list] = {}
    for code, value in suggestion.reasons:
        values.setdefault(code, []).append(value)
    sentences = _sentences()
    said = []
    for code in matching.REASON_ORDER:
        if code not in values:
            continue
        if code in sentences:
            sentence, label = sentences[code]
            said.append(sentence % {"items": join_list(label(value) for value in values[code])})
        elif code == matching.REGION and suggestion.other.partner_region is not None:
            region = suggestion.other.partner_region.name
            said.append(_("Partner region: %(region)s") % {"region": region})
        elif code == matching.RECOMMENDED:
            said.append(_("Recommended by the organisers"))
    return said


@register.simple_tag
def matchable_profile(participant) -> list[tuple[str, str]]:
    """`{% matchable_profile other as lines %}`: (heading, the items in words) for each part
    of the profile the participant filled in, for the cards of people to meet."""
    parts = [
        (_("Offers"), [topic_label(code) for code in participant.offer_topics]),
        (_("Looks for"), [topic_label(code) for code in participant.seek_topics]),
        (_("Kind of partner"), [role_label(code) for code in participant.roles]),
        (_("Partners sought"), [role_label(code) for code in participant.roles_sought]),
        (_("Markets"), [country.name for country in participant.markets]),
        (_("Languages"), [language_label(code) for code in participant.languages]),
    ]
    return [(heading, join_list(items)) for heading, items in parts if items]
