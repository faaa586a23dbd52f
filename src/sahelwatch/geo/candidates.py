"""Candidates: the gazetteer places a toponym may name, and how well each name matches.

For a mention whose context is :class:`~sahelwatch.geo.context.MentionContext`:

0. a people, community or faith ("Fulani", "Dogon") has none: it is not a place;
1. a country name or demonym ("U.S.", "Malian", "algérienne") proposes its country;
   a demonym proposes nothing else (it is country context, not a place name);
2. the places sharing the fold key of the bare name ("Menaka region" -> "Menaka"), else of
   the whole mention, else of the name without a leading article or a possessive;
3. only when nothing matched: the places of the longest run of capitalised words inside
   the name ("Colorado" of "Colorado State University", "Kidal" of "Kidal Airport"), then
   the name as another transliteration writes it ("Thiou": "Tiou", "Dialloube":
   "Dialoube"), then places whose key is close (rapidfuzz, :data:`FUZZY_CUTOFF`) — a
   misspelling, never a different name.

Each candidate says how its name matched (:class:`Match`). The ranker decides; an empty
list is an unresolved mention, never a random match.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from sahelwatch.geo.context import MentionContext
from sahelwatch.geo.cues import Cues
from sahelwatch.geo.fold import fold
from sahelwatch.geo.gazetteer import SEAT_CODES, Gazetteer
from sahelwatch.model import Place

__all__ = [
    "FUZZY_CUTOFF",
    "HAMLET_POPULATION",
    "MAX_CANDIDATES",
    "Candidate",
    "Match",
    "find_candidates",
    "is_known",
]

FUZZY_CUTOFF = 0.9
MAX_CANDIDATES = 40
_MIN_PART = 4
_MAX_ACRONYM = 5
# Populated places smaller than this (or of unknown size) are hamlets: never the meaning
# of a name in capitals, and no namesake of a place across a border.
HAMLET_POPULATION = 1_000
_ARTICLES = ("the ", "The ", "le ", "Le ", "la ", "La ", "les ", "Les ", "l'", "L'", "l’", "L’")
_POSSESSIVES = ("'s", "’s")
_DOUBLED = re.compile(r"(.)\1")
_TRANSLITERATIONS = (("th", "t"), ("dj", "j"), ("ou", "w"), ("w", "ou"), ("y", "i"))


class Match(enum.StrEnum):
    """How a candidate's name matched the mention."""

    COUNTRY_WORD = "country_word"  # the mention is a country name or demonym of this country
    EXACT = "exact"  # the main name, as written
    ALTERNATE = "alternate"  # an alternate name, as written
    FOLDED = "folded"  # a name differing in case, accents, punctuation
    PART = "part"  # a name inside the mention ("Colorado" of "Colorado State University")
    VARIANT = "variant"  # another transliteration ("Thiou": "Tiou", "Dialloube": "Dialoube")
    FUZZY = "fuzzy"  # a name close to the mention's


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a mention may name; ``similarity`` is 1 but for fuzzy matches."""

    place: Place
    match: Match
    similarity: float = 1.0


def find_candidates(
    text: str, ctx: MentionContext, gazetteer: Gazetteer, cues: Cues
) -> list[Candidate]:
    """The candidates of the mention ``text`` (see the module docstring), at most
    :data:`MAX_CANDIDATES`, larger places first."""
    found: list[Candidate] = []
    if cues.names_group(ctx.name) or cues.names_group(text):
        return found
    if ctx.names_country:
        country = gazetteer.country(ctx.names_country)
        if country is not None:
            found.append(Candidate(country, Match.COUNTRY_WORD))
        if cues.is_demonym(ctx.name) or cues.is_demonym(text):
            return found
    places = _exact(text, ctx, gazetteer)
    if _acronym(ctx.name):
        places = [place for place in places if is_known(place) or place.name == ctx.name]
    seen = {c.place.geonameid for c in found}
    found.extend(
        Candidate(place, _how(place, ctx.name, text))
        for place in places[:MAX_CANDIDATES]
        if place.geonameid not in seen
    )
    if not found:
        found = [Candidate(place, Match.PART) for place in _part(ctx.name, gazetteer, cues)]
    if not found:
        found = [Candidate(place, Match.VARIANT) for place in _variants(ctx.name, gazetteer)]
    if not found:
        found = [
            Candidate(place, Match.FUZZY, score)
            for place, score in gazetteer.fuzzy_lookup(ctx.name, FUZZY_CUTOFF)[:MAX_CANDIDATES]
        ]
    return found


def _acronym(name: str) -> bool:
    """True for a short name in capitals ("IRA", "SA", "FATA"): an organisation's or a
    region's initials far more often than a village's name written in capitals."""
    letters = name.replace(".", "")
    return len(letters) <= _MAX_ACRONYM and letters.isalpha() and letters.isupper()


def is_known(place: Place) -> bool:
    """A place better known than a hamlet: an admin unit, a seat, or a town of some size."""
    return (
        place.feature_class == "A"
        or place.feature_code in SEAT_CODES
        or place.population >= HAMLET_POPULATION
    )


def _variants(name: str, gazetteer: Gazetteer) -> list[Place]:
    """The places of the name written as another transliteration would: doubled letters
    single, "th" as "t", "dj" as "j", "ou" as "w" and back."""
    key = fold(name)
    forms = {key, _DOUBLED.sub(r"\1", key)}
    for old, new in _TRANSLITERATIONS:
        forms.update(form.replace(old, new) for form in list(forms))
    forms.discard(key)
    places = {place.geonameid: place for form in sorted(forms) for place in gazetteer.lookup(form)}
    return list(places.values())[:MAX_CANDIDATES]


def _part(name: str, gazetteer: Gazetteer, cues: Cues) -> list[Place]:
    """The places of the longest run of capitalised words inside a longer name.

    Among runs of the same length, the one naming the most populous place wins
    ("California" of "University of California", not "University").
    """
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        runs = [words[start : start + size] for start in range(len(words) - size + 1)]
        found = [
            gazetteer.lookup(" ".join(run))
            for run in runs
            if all(w[:1].isupper() for w in run)
            and len("".join(run)) >= _MIN_PART
            and not all(fold(w) in cues.generic for w in run)
        ]
        found = [places for places in found if places]
        if found:
            return max(found, key=lambda places: places[0].population)[:MAX_CANDIDATES]
    return []


def _exact(text: str, ctx: MentionContext, gazetteer: Gazetteer) -> list[Place]:
    for form in _forms(text, ctx.name):
        places = gazetteer.lookup(form)
        if places:
            return places
    return []


def _forms(text: str, name: str) -> list[str]:
    """The whole mention, the name, then both without a leading article or a possessive."""
    forms = [text, name]
    for form in (name, text):
        bare = form
        for article in _ARTICLES:
            bare = bare.removeprefix(article)
        for possessive in _POSSESSIVES:
            bare = bare.removesuffix(possessive)
        forms.append(bare.strip())
    return list(dict.fromkeys(f for f in forms if f))


def _how(place: Place, name: str, text: str) -> Match:
    if name == place.name or text == place.name:
        return Match.EXACT
    if name in place.alternate_names or text in place.alternate_names:
        return Match.ALTERNATE
    return Match.FOLDED
