"""Features: what the ranker knows about each (mention, candidate) pair, as named numbers.

Intrinsic features depend on the candidate and the mention's own context; document features
on the places the other mentions of the same document point at (:class:`DocumentView`,
built from a first, document-blind pass). Every feature is a number in about [0, 1], so the
ranker's weights read as "how much this kind of evidence counts".
"""

from __future__ import annotations

import functools
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from sahelwatch.geo.candidates import Candidate, Match
from sahelwatch.geo.context import MentionContext
from sahelwatch.geo.fold import fold
from sahelwatch.geo.units import EARTH_RADIUS_KM
from sahelwatch.model import Place

__all__ = [
    "DOCUMENT_FEATURES",
    "FEATURES",
    "DocumentView",
    "document_features",
    "features_of",
    "intrinsic_features",
    "namesakes",
    "prominence",
    "units_of",
    "within",
]

# The features :func:`document_features` gives (the rest are intrinsic).
DOCUMENT_FEATURES = (
    "doc_country",
    "doc_admin",
    "doc_holds",
    "proximity",
    "pair_proximity",
    "doc_qualified",
)
FEATURES = (
    "match",
    "main_name",
    "fuzzy",
    "part",
    "country_word",
    "population",
    "area_population",
    "overshadowed",
    "country",
    "continent",
    "admin1",
    "capital",
    "populated",
    "admin2",
    "other_kind",
    "level_match",
    "level_conflict",
    "country_cue",
    "country_conflict",
    *DOCUMENT_FEATURES,
    "region",
    "seat",
)
_MATCH_QUALITY = {
    Match.COUNTRY_WORD: 1.0,
    Match.EXACT: 1.0,
    Match.ALTERNATE: 0.95,
    Match.FOLDED: 0.8,
    Match.PART: 0.6,
    Match.VARIANT: 0.6,
    Match.FUZZY: 0.5,
}
# Matches of a name spelled differently: they need the document's support.
_SPELLED_DIFFERENTLY = frozenset({Match.FUZZY, Match.VARIANT})
_CAPITALS = frozenset({"PPLC", "PPLA", "PPLG"})
# Seats of lower admin units: where the gazetteer gives no population (the full country
# dumps of the region), being a seat is the sign of a better-known town. Elsewhere
# cities500 gives towns their population, and a seat without one is no better known.
_SEATS = frozenset({"PPLA2", "PPLA3", "PPLA4"})
_AREAS = frozenset({"CONT", "OCN", "SEA"})
_POPULATION_SCALE = 7.0  # log10 of 10 million
# Oceans, seas and continents outrank every namesake: as prominent as a billion people.
_AREA_PROMINENCE = 1_000_000_000
# A candidate this many times (log10) less populous than its largest namesake is fully
# overshadowed ("London", Kentucky, beside the capital of the United Kingdom).
_OVERSHADOW_DECADES = 2.0
# How many of a mention's most prominent candidates :func:`namesakes` looks at.
_NAMESAKES = 3
_FAR_KM = 2000.0


@dataclass(frozen=True, slots=True)
class DocumentView:
    """What the rest of a document says: the other mentions' likely places.

    ``countries`` weighs each country by how many other toponyms point at it (shares sum
    to 1); ``names`` are the fold keys of the other toponyms (an admin unit named elsewhere in
    the text: "Dioura (Tenenkou, Mopti)"); ``places`` the other toponyms' likely places, for
    distances; ``partner`` the place of the other end of "between X and Y"; ``units`` the
    (country, admin1) and (country, admin1, admin2) the other toponyms' places lie in;
    ``qualifier`` the unit named right after the mention ("Parkland, *Florida*", "Kouri
    (*Tillaberi*)").
    """

    countries: Mapping[str, float] = field(default_factory=dict)
    names: frozenset[str] = frozenset()
    places: Sequence[Place] = ()
    partner: Place | None = None
    units: frozenset[tuple[str, ...]] = frozenset()
    qualifier: Place | None = None


def features_of(
    candidate: Candidate,
    ctx: MentionContext,
    document: DocumentView,
    region: Collection[str],
    largest: float = 0.0,
) -> dict[str, float]:
    """The named features of one candidate (see :data:`FEATURES`)."""
    return {
        **intrinsic_features(candidate, ctx, region, largest),
        **document_features(candidate.place, document),
    }


def prominence(place: Place) -> float:
    """How well known a place is, as a number of people: a town's, country's or first-order
    unit's population, a billion for an ocean, sea or continent, else 0 (not compared)."""
    code = place.feature_code
    if code in _AREAS:
        return float(max(place.population, _AREA_PROMINENCE))
    if place.feature_class == "P" or code == "ADM1" or code.startswith("PCL"):
        return float(place.population)
    return 0.0


def namesakes(candidates: Sequence[Candidate]) -> list[float]:
    """For each candidate, the :func:`prominence` of its most prominent namesake: another
    candidate whose name matches the mention at least as well (not an old or foreign name
    of a town, nor a weak match) and that does not contain it ("New York" the state does
    not overshadow its city); 0 when none."""
    sizes = [prominence(c.place) for c in candidates]
    if len(candidates) < 2 or not any(sizes):
        return [0.0] * len(candidates)
    strengths = [_strength(c) for c in candidates]
    ranked = sorted((i for i, s in enumerate(strengths) if s), key=lambda i: -sizes[i])
    top = ranked[:_NAMESAKES]
    largest: list[float] = []
    for index, candidate in enumerate(candidates):
        place, strength = candidate.place, strengths[index]
        other = next(
            (
                i
                for i in top
                if i != index
                and strengths[i] >= strength
                and not _contains(candidates[i].place, place)
            ),
            None,
        )
        largest.append(sizes[other] if other is not None else 0.0)
    return largest


def _strength(candidate: Candidate) -> int:
    """2 for a name as written (or a country's, unit's or area's other name), 1 for one
    differing in case or punctuation, 0 for the rest (old and foreign names of towns, parts,
    variants, fuzzy matches)."""
    match = candidate.match
    if match in {Match.EXACT, Match.COUNTRY_WORD}:
        return 2
    if match is Match.ALTERNATE:
        return 0 if candidate.place.feature_class == "P" else 2
    return 1 if match is Match.FOLDED else 0


def _contains(unit: Place, place: Place) -> bool:
    """True when ``unit`` is the country or first-order unit ``place`` lies in."""
    if unit.country != place.country:
        return False
    return unit.feature_code.startswith("PCL") or (
        unit.feature_code == "ADM1" and unit.admin1 == place.admin1
    )


def intrinsic_features(
    candidate: Candidate, ctx: MentionContext, region: Collection[str], largest: float = 0.0
) -> dict[str, float]:
    """The features that do not depend on the rest of the document.

    ``largest`` is the :func:`prominence` of the mention's most prominent candidate: a
    namesake far smaller is overshadowed (a news report naming "Houston" or "Atlantic"
    means the city or the ocean, not a village of that name, unless its document says so).
    """
    place = candidate.place
    values = dict(_kind(place.feature_code, place.feature_class))
    values.update(
        match=_MATCH_QUALITY[candidate.match] * candidate.similarity,
        main_name=float(fold(ctx.name) == fold(place.name)),
        fuzzy=float(candidate.match in _SPELLED_DIFFERENTLY),
        part=float(candidate.match is Match.PART),
        country_word=float(candidate.match is Match.COUNTRY_WORD),
        population=_population(place) if place.feature_class == "P" else 0.0,
        area_population=_population(place) if place.feature_class != "P" else 0.0,
        overshadowed=_overshadowed(place, largest),
        level_match=float(_level_matches(place, ctx.level)),
        level_conflict=float(ctx.level is not None and not _level_matches(place, ctx.level)),
        country_cue=float(ctx.country is not None and ctx.country == place.country),
        country_conflict=float(
            ctx.country is not None
            and ctx.country != place.country != ""
            and not place.feature_code.startswith("PCL")
        ),
        region=float(place.country in region),
        seat=float(
            place.feature_code in _SEATS and not place.population and place.country in region
        ),
    )
    return values


def document_features(
    place: Place, document: DocumentView, shared: Collection[tuple[str, str]] = ()
) -> dict[str, float]:
    """The features read from the other toponyms of the document.

    ``shared``: the (country, admin1) that more than one candidate of the mention lies in;
    the places of the document there speak for all of them alike, so a unit there gains
    nothing from holding them ("New York" the state and its city).
    """
    holds = (
        bool(document.units)
        and (place.country, place.admin1 or "") not in shared
        and _unit_of(place) in document.units
    )
    return {
        "doc_country": document.countries.get(place.country, 0.0),
        "doc_admin": float(_admin_named(place, document)),
        "doc_holds": float(holds),
        "proximity": _closeness(place, document.places),
        "pair_proximity": _closeness(place, [document.partner] if document.partner else []),
        "doc_qualified": float(
            document.qualifier is not None and within(place, document.qualifier)
        ),
    }


def within(place: Place, unit: Place) -> bool:
    """True when ``place`` may lie in the country or first- or second-order unit ``unit``
    by the gazetteer's unit names: a place of no known second-order unit counts by its
    first (the country dumps of the region leave many villages' second unit blank)."""
    if place.country != unit.country or place.geonameid == unit.geonameid:
        return False
    code = unit.feature_code
    if code.startswith("PCL"):
        return True
    if not unit.admin1 or place.admin1 != unit.admin1:
        return False
    return code == "ADM1" or place.admin2 is None or place.admin2 == unit.admin2


def _population(place: Place) -> float:
    """log10 of the population, 1 at ten million (capped a little above)."""
    return min(1.3, math.log10(place.population + 1) / _POPULATION_SCALE)


def _overshadowed(place: Place, largest: float) -> float:
    """0 for the most prominent candidate, rising to 1 for one :data:`_OVERSHADOW_DECADES`
    orders of magnitude smaller; 0 for a capital (the usual meaning of its name) and when
    the size is unknown (the region's full dumps give most villages no population)."""
    own = prominence(place)
    if own <= 0 or largest <= own or place.feature_code == "PPLC":
        return 0.0
    return min(1.0, math.log10(largest / own) / _OVERSHADOW_DECADES)


@functools.lru_cache(maxsize=1024)
def _kind(code: str, fclass: str) -> tuple[tuple[str, float], ...]:
    """The kind features of a feature code and class, in :data:`FEATURES` order.

    Remembered: a pure function of its arguments, and places share few codes.
    """
    kinds = {
        "country": code.startswith("PCL"),
        "continent": code in _AREAS,
        "admin1": code == "ADM1",
        "capital": code in _CAPITALS,
        "populated": fclass == "P",
        "admin2": code in {"ADM2", "ADM3", "ADMD"},
    }
    kinds["other_kind"] = not any(kinds.values())
    return tuple((name, float(value)) for name, value in kinds.items())


def _level_matches(place: Place, level: str | None) -> bool:
    if level is None:
        return False
    if level == "PPL":
        return place.feature_class == "P"
    if level == "ADM":
        return place.feature_code.startswith("ADM")
    if level == "ADM3":
        return place.feature_code in {"ADM3", "ADMD"} or place.feature_code.startswith("PPLA")
    return place.feature_code == level


def units_of(place: Place) -> tuple[tuple[str, ...], ...]:
    """The first- and second-order units a place lies in, as :attr:`DocumentView.units`
    holds them."""
    found: list[tuple[str, ...]] = []
    if place.country and place.admin1:
        found.append((place.country, place.admin1))
        if place.admin2:
            found.append((place.country, place.admin1, place.admin2))
    return tuple(found)


def _unit_of(place: Place) -> tuple[str, ...]:
    """The key of an admin unit in :attr:`DocumentView.units` (empty for other places): a
    unit that holds other places of the document is likely the one meant ("Washington" in a
    report that names Seattle and Tacoma is the state, not the capital)."""
    code = place.feature_code
    if code == "ADM1" and place.admin1:
        return (place.country, place.admin1)
    if code == "ADM2" and place.admin1 and place.admin2:
        return (place.country, place.admin1, place.admin2)
    return ()


def _admin_named(place: Place, document: DocumentView) -> bool:
    """True when the place's admin1 or admin2 is named elsewhere in the document."""
    if not document.names:
        return False
    for unit in (place.admin1, place.admin2):
        if not unit:
            continue
        if _unit_keys(unit) & document.names:
            return True
    return False


@functools.lru_cache(maxsize=1 << 14)
def _unit_keys(unit: str) -> frozenset[str]:
    """The fold keys of an admin name, with and without its generic word ("Kidal Region").

    Remembered: a pure function of the name, and documents share their admin units.
    """
    words = unit.replace("’", " ").replace("'", " ").split()
    keys = {fold(unit)}
    if len(words) > 1:
        keys.update({fold(" ".join(words[1:])), fold(" ".join(words[:-1])), fold(words[-1])})
    return frozenset(key for key in keys if len(key) > 2)


def _closeness(place: Place, others: Sequence[Place]) -> float:
    """1 at the same spot, falling with the log of the distance, 0 beyond :data:`_FAR_KM`."""
    if not others:
        return 0.0
    nearest = _nearest_km(place, others)
    return max(0.0, 1.0 - math.log10(1.0 + nearest) / math.log10(1.0 + _FAR_KM))


def _nearest_km(place: Place, others: Sequence[Place]) -> float:
    """The distance to the nearest of ``others``: :func:`distance_km`'s haversine, with the
    place's own terms computed once and one square root for all."""
    phi1 = math.radians(place.latitude)
    cos1 = math.cos(phi1)
    best = 1.0
    for other in others:
        phi2 = math.radians(other.latitude)
        dlambda = math.radians(other.longitude - place.longitude)
        a = math.sin((phi2 - phi1) / 2) ** 2 + cos1 * math.cos(phi2) * math.sin(dlambda / 2) ** 2
        if a < best:
            best = a
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(best))
