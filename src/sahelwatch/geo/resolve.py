"""Resolution: which gazetteer place each toponym names, and how precisely an event is located.

Candidates -> features -> ranker, as in Mordecai 3, in two passes over a document:

1. every unresolved mention gets its context (:mod:`~sahelwatch.geo.context`), candidates
   (:mod:`~sahelwatch.geo.candidates`) and document-blind features; the ranker
   (:mod:`~sahelwatch.geo.rank`) gives each a provisional place;
2. each mention is ranked again with what the *other* toponyms provisionally point at
   (:class:`~sahelwatch.geo.features.DocumentView`: their countries, the admin units they
   name, their places for distances, the other end of "between X and Y", the place "X
   near Y" puts X by; an unsure village of unknown size counts for distances by its few
   near-best namesakes); a lone candidate the document cannot displace keeps its first pick.

A mention no candidate fits stays unresolved ("none of these"), never a random match, and so
does "X near Y" when every namesake of X lies far from every namesake of Y, and one whose
pick is a weak match away from the document's country (a town named by part of a person's
name, a misspelling abroad, a small town outside the region in a report on a country of the
region) when no namesake in that country scores above "none of these"; a mention whose place
is already set is kept. How precisely an event is then located is
:mod:`~sahelwatch.geo.precision`'s.
The rule of a resolved mention gains ``;geo.resolve:<reason>``, the feature that most set the
winner apart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from sahelwatch.geo.candidates import (
    FUZZY_CUTOFF,
    MAX_CANDIDATES,
    Candidate,
    Match,
    find_candidates,
    is_known,
)
from sahelwatch.geo.context import (
    MentionContext,
    TextWords,
    demonym_countries,
    find_near,
    find_pairs,
    find_qualifiers,
    read_context,
)
from sahelwatch.geo.cues import Cues, load_cues
from sahelwatch.geo.features import (
    DOCUMENT_FEATURES,
    DocumentView,
    document_features,
    intrinsic_features,
    namesakes,
    units_of,
    within,
)
from sahelwatch.geo.fold import fold
from sahelwatch.geo.gazetteer import MATCHING_COUNTRIES, Gazetteer
from sahelwatch.geo.precision import geo_precision, radius_km, seat_of
from sahelwatch.geo.rank import Choice, Ranker, load_ranker
from sahelwatch.geo.units import distance_km
from sahelwatch.model import EventReport, Extraction, Place, PlaceMention, Span

__all__ = [
    "MentionContext",
    "Resolver",
    "geo_precision",
    "geocode",
    "radius_km",
    "read_context",
    "resolve_mentions",
    "seat_of",
]

# A provisional place counts for the others only when it won by at least this margin.
_CONFIDENT_MARGIN = 0.5
# An unsure mention's near-best candidates count for the others' distances when this few.
_MAX_POSSIBLE = 6
# The share of the other toponyms' countries that makes a country the document's own.
_MAIN_COUNTRY_SHARE = 0.5
_DEMONYM_VOTE = 0.5
# A hamlet (:func:`~sahelwatch.geo.candidates.is_known`) across a border from the better-known
# places of a document is only kept when it lies this close to one of them.
_NEIGHBOUR_KM = 100.0
# A town abroad smaller than this is no namesake a report on the region means.
_SMALL_TOWN_ABROAD = 10_000
# "Between X and Y" locates an event only when X and Y are this close.
_MAX_PAIR_KM = 300.0
# The open bracket of admin units after a place ("Kouna (Niono, Segou)"), up to a name in it.
_UNIT_BRACKET = re.compile(r"\w\s*\((?:[^(),\n]{1,40},\s*)*$")
# "X near Y", "X, 30 km from Y": no namesake of X farther than this from Y is meant.
_MAX_NEAR_KM = 250.0


@dataclass(frozen=True, slots=True)
class Resolver:
    """Everything resolution needs, loaded once: gazetteer, cue words, ranker weights."""

    gazetteer: Gazetteer
    cues: Cues
    ranker: Ranker
    region: Collection[str] = MATCHING_COUNTRIES

    @classmethod
    def load(cls, gazetteer: Gazetteer, cues: Cues | None = None) -> Resolver:
        return cls(gazetteer, cues or load_cues(), load_ranker())


@dataclass(frozen=True, slots=True)
class _Mention:
    """One mention during resolution: its context, candidates and document-blind choice."""

    mention: PlaceMention
    key: str
    ctx: MentionContext
    candidates: tuple[Candidate, ...]
    intrinsic: tuple[dict[str, float], ...]
    first: Choice
    # The ranker's score of each candidate's intrinsic features.
    scores: tuple[float, ...]


class _Ranked(NamedTuple):
    """A name's candidates in a context, their intrinsic features and scores, and the pick."""

    candidates: tuple[Candidate, ...]
    intrinsic: tuple[dict[str, float], ...]
    scores: tuple[float, ...]
    choice: Choice


def resolve_mentions(
    text: str,
    mentions: Sequence[PlaceMention],
    gazetteer: Gazetteer,
    cues: Cues | None = None,
    *,
    resolver: Resolver | None = None,
) -> tuple[PlaceMention, ...]:
    """Resolve every mention whose place is None; the others are kept as they are. The
    mentions come back in the order given; they are read in text order ("between X and Y",
    "X, Florida" are read from neighbours in the text)."""
    resolver = resolver or Resolver.load(gazetteer, cues)
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].span.start, i))
    if order != list(range(len(mentions))):
        done = _resolve_in_order(text, [mentions[i] for i in order], resolver)
        back = dict(zip(order, done, strict=True))
        return tuple(back[i] for i in range(len(mentions)))
    return _resolve_in_order(text, mentions, resolver)


def _resolve_in_order(
    text: str, mentions: Sequence[PlaceMention], resolver: Resolver
) -> tuple[PlaceMention, ...]:
    """:func:`resolve_mentions` of mentions in text order."""
    spans = [m.span for m in mentions]
    words = TextWords.around(text, [(s.start, s.end) for s in spans])
    near = find_near(text, spans, resolver.cues, words)
    pairs = {**near, **find_pairs(text, spans, resolver.cues, words)}
    qualifiers = find_qualifiers(text, spans)
    known: dict[tuple[str, MentionContext], _Ranked] = {}
    items = [
        _first_pass(text, mention, spans[:i] + spans[i + 1 :], resolver, words, known)
        for i, mention in enumerate(mentions)
    ]
    demonyms = demonym_countries(text, resolver.cues)
    provisional = [_provisional(item) for item in items]
    possible = [_possible(item, resolver.ranker) for item in items]
    views: dict[str, DocumentView] = {}
    choices: dict[tuple[str, MentionContext], Choice] = {}
    qualified: dict[str, PlaceMention] = {}
    resolved: list[PlaceMention] = []
    for index, item in enumerate(items):
        if item.mention.place is not None or not item.candidates:
            resolved.append(item.mention)
            continue
        # The mentions of one name see the same other toponyms: one view for them all, and
        # one choice for those of the same context outside "between X and Y".
        view = views.get(item.key)
        if view is None:
            view = views[item.key] = _document_view(items, provisional, index, demonyms, possible)
        same = (item.mention.text, item.ctx)
        unit = _unit(provisional[qualifiers[index]]) if index in qualifiers else None
        if index in pairs or unit is not None:
            partner = provisional[pairs[index]] if index in pairs else None
            choice = _choose(item, replace(view, partner=partner, qualifier=unit), resolver)
            if index in near and near[index] == pairs[index]:
                choice = _by_anchor(choice, item, items[near[index]], view, resolver)
        elif same in choices:
            choice = choices[same]
        else:
            choice = choices[same] = _choose(item, view, resolver)
        if choice.candidate is None:
            resolved.append(item.mention)
            continue
        rule = f"{item.mention.rule};geo.resolve:{choice.reason}"
        resolved.append(replace(item.mention, place=choice.candidate.place, rule=rule))
        place = choice.candidate.place
        if unit is not None and place.feature_class == "P" and within(place, unit):
            qualified.setdefault(item.key, resolved[-1])
    return tuple(_one_sense(resolved, items, qualified, qualifiers))


def _one_sense(
    resolved: list[PlaceMention],
    items: Sequence[_Mention],
    qualified: Mapping[str, PlaceMention],
    qualifiers: Mapping[int, int],
) -> Iterator[PlaceMention]:
    """The mentions, those of a town the text once qualified ("Parkland, Florida") taking
    that place where they stand alone: a report means one Parkland throughout (a unit named
    like a town, "Douentza (Douentza, Mopti)", is not the town)."""
    for index, (mention, item) in enumerate(zip(resolved, items, strict=True)):
        found = qualified.get(item.key)
        alone = index not in qualifiers and not item.ctx.country and item.mention.place is None
        if found is None or found is mention or not alone or found.place == mention.place:
            yield mention
            continue
        yield replace(mention, place=found.place, rule=f"{item.mention.rule};geo.resolve:same_name")


def _unit(place: Place | None) -> Place | None:
    """The place when it is a country or a first-order unit, else None (second-order units
    are left out: the gazetteer's second unit of villages is too often another one)."""
    if place is None:
        return None
    return place if place.feature_code == "ADM1" or place.feature_code.startswith("PCL") else None


def _choose(item: _Mention, view: DocumentView, resolver: Resolver) -> Choice:
    """The second pass of one mention: ranked with the document, with close spellings when
    the pick lies outside the document's country, and without the strays."""
    choice = item.first if _settled(item, resolver.ranker) else _rank(item, view, resolver)
    if _elsewhere(choice, item, view):
        item = _with_fuzzy(item, resolver)
        choice = _rank(item, view, resolver)
    if choice.candidate is not None and _stray(choice.candidate, item.ctx, view, resolver.region):
        choice = _rank(_without_strays(item, view, resolver.region), view, resolver)
    return choice


def _by_anchor(
    choice: Choice, item: _Mention, anchor: _Mention, view: DocumentView, resolver: Resolver
) -> Choice:
    """The pick of "X near Y" once X's namesakes far from every namesake of Y are left out:
    none of them is meant ("Taba near Dialloube" is no English town that GeoNames also calls
    Taba), so with no namesake near Y the mention stays unresolved and the event falls to Y.
    A region or a country ("across Alberta, ... around Hinton") is no spot near another."""
    spots = [c.place for c in anchor.candidates if not _wide(c.place)]
    if anchor.mention.place is not None:
        spots = [] if _wide(anchor.mention.place) else [anchor.mention.place]
    if choice.candidate is None or not spots or _wide(choice.candidate.place):
        return choice

    def close(place: Place) -> bool:
        return any(_gap_km(place, spot) <= _MAX_NEAR_KM for spot in spots)

    if close(choice.candidate.place):
        return choice
    kept = [i for i, candidate in enumerate(item.candidates) if close(candidate.place)]
    return _rank(_only(item, kept), view, resolver)


def _wide(place: Place) -> bool:
    """A country or a first-order unit: no spot another place can lie near."""
    return place.feature_code == "ADM1" or place.feature_code.startswith("PCL")


def _only(item: _Mention, kept: Sequence[int]) -> _Mention:
    """The mention with only its candidates at the indexes ``kept``."""
    return replace(
        item,
        candidates=tuple(item.candidates[i] for i in kept),
        intrinsic=tuple(item.intrinsic[i] for i in kept),
        scores=tuple(item.scores[i] for i in kept),
    )


def _first_pass(
    text: str,
    mention: PlaceMention,
    others: list[Span],
    resolver: Resolver,
    words: TextWords,
    known: dict[tuple[str, MentionContext], _Ranked],
) -> _Mention:
    """Context, candidates and document-blind choice of a mention; ``known`` holds those of
    the mentions of the document already read, by text and context (names repeat)."""
    ctx = read_context(text, mention.span, resolver.cues, others, words)
    if mention.place is not None:
        given = Choice(None, 0.0, 0.0, "given")
        return _Mention(mention, fold(ctx.name), ctx, (), (), given, ())
    same = (mention.text, ctx)
    ranked = known.get(same)
    if ranked is None:
        ranked = known[same] = _rank_alone(mention.text, ctx, resolver)
    found, intrinsic, scores, choice = ranked
    return _Mention(mention, fold(ctx.name), ctx, found, intrinsic, choice, scores)


def _rank_alone(name: str, ctx: MentionContext, resolver: Resolver) -> _Ranked:
    """The candidates of a name, their intrinsic features and scores, and the ranker's pick
    among them without the rest of the document."""
    found = tuple(find_candidates(name, ctx, resolver.gazetteer, resolver.cues))
    intrinsic = tuple(
        intrinsic_features(c, ctx, resolver.region, largest)
        for c, largest in zip(found, namesakes(found), strict=True)
    )
    scores = tuple(resolver.ranker.score(values) for values in intrinsic)
    # The reason of a pick among several is never shown: the document ranks them again.
    choice = resolver.ranker.choose(found, intrinsic, scores, explain=False)
    return _Ranked(found, intrinsic, scores, choice)


def _settled(item: _Mention, ranker: Ranker) -> bool:
    """True when the document cannot change the first pick: a lone candidate that beat
    "none of these" only gains from document features when their weights are not negative."""
    if len(item.candidates) != 1 or item.first.candidate is None:
        return False
    return all(ranker.weights[name] >= 0 for name in DOCUMENT_FEATURES)


def _elsewhere(choice: Choice, item: _Mention, view: DocumentView) -> bool:
    """True when the pick lies outside the country most of the document points at.

    Then a spelling variant in that country may be meant ("Boulikessi" for the Malian
    "Boulkessi"), so close names are looked up too.
    """
    if choice.candidate is None or item.ctx.country or item.ctx.names_country:
        return False
    if any(c.match is Match.FUZZY for c in item.candidates):
        return False
    main = _main_country(view)
    return bool(main) and choice.candidate.place.country != main


def _stray(
    candidate: Candidate, ctx: MentionContext, view: DocumentView, region: Collection[str]
) -> bool:
    """True for a weak match away from the country the document is about: a town named by
    part of a mention ("Justin" of "Justin Zongo", "Media" of "Sahara Media": a person's or
    an organisation's name), or a name only spelled like the mention's outside the country
    the document is about (without one, outside the region: a misspelling is looked for in the
    region and in the document's country)."""
    main = _main_country(view)
    place = candidate.place
    if candidate.match is Match.PART:
        return place.feature_class == "P" and bool(main) and place.country not in {main, ""}
    if candidate.match in {Match.FUZZY, Match.VARIANT}:
        return place.country != main if main else place.country not in region
    return _abroad(place, ctx, view) or _far_abroad(place, ctx, main, region)


def _without_strays(item: _Mention, view: DocumentView, region: Collection[str]) -> _Mention:
    """The mention with only its candidates in the document's country that :func:`_stray`
    keeps: when the pick was a weak match abroad, a namesake in the country the document is
    about may still be meant ("West Surrey" in a report on English towns: the county, not
    the Canadian city)."""
    main = _main_country(view)
    kept = [
        i
        for i, candidate in enumerate(item.candidates)
        if main
        and candidate.place.country == main
        and not _stray(candidate, item.ctx, view, region)
    ]
    return _only(item, kept)


def _abroad(place: Place, ctx: MentionContext, view: DocumentView) -> bool:
    """True for a hamlet whose country no better-known place of the document is in, far from
    all of them, with no word giving its country: the gazetteer lacks the place meant, and
    its namesake across a border is not it ("the Boulekessi area near Douentza")."""
    if not place.country or ctx.country == place.country or is_known(place):
        return False
    anchors = [other for other in view.places if is_known(other)]
    return bool(anchors) and all(
        other.country != place.country and _gap_km(place, other) > _NEIGHBOUR_KM
        for other in anchors
    )


def _far_abroad(place: Place, ctx: MentionContext, main: str, region: Collection[str]) -> bool:
    """True for a small town outside the region in a document about a country of the region,
    with no word giving its country: the gazetteer lacks the village meant ("Solle" in a
    report on northern Burkina Faso is no Austrian town)."""
    return (
        place.feature_class == "P"
        and main in region
        and bool(place.country)
        and place.country not in region
        and ctx.country != place.country
        and place.population < _SMALL_TOWN_ABROAD
    )


def _main_country(view: DocumentView) -> str:
    """The country most of the document points at ("" when none has the share needed)."""
    main = max(view.countries.items(), key=lambda kv: kv[1], default=("", 0.0))
    return main[0] if main[1] >= _MAIN_COUNTRY_SHARE else ""


def _with_fuzzy(item: _Mention, resolver: Resolver) -> _Mention:
    close = resolver.gazetteer.fuzzy_lookup(item.ctx.name, FUZZY_CUTOFF)
    known = {c.place.geonameid for c in item.candidates}
    extra = tuple(
        Candidate(place, Match.FUZZY, score)
        for place, score in close[:MAX_CANDIDATES]
        if place.geonameid not in known
    )
    largest = namesakes(item.candidates + extra)[len(item.candidates) :]
    intrinsic = tuple(
        intrinsic_features(c, item.ctx, resolver.region, most)
        for c, most in zip(extra, largest, strict=True)
    )
    scores = tuple(resolver.ranker.score(values) for values in intrinsic)
    return replace(
        item,
        candidates=item.candidates + extra,
        intrinsic=item.intrinsic + intrinsic,
        scores=item.scores + scores,
    )


def _rank(item: _Mention, view: DocumentView, resolver: Resolver) -> Choice:
    """Rank again with the document features, carrying on from the intrinsic scores."""
    ranker = resolver.ranker
    values: list[dict[str, float]] = []
    scores: list[float] = []
    shared = _shared_units(item.candidates)
    for candidate, own, start in zip(item.candidates, item.intrinsic, item.scores, strict=True):
        document = document_features(candidate.place, view, shared)
        values.append({**own, **document})
        scores.append(ranker.score(document, start))
    return ranker.choose(item.candidates, values, scores)


def _shared_units(candidates: Sequence[Candidate]) -> frozenset[tuple[str, str]]:
    """The (country, admin1) that more than one of the candidates lies in."""
    seen = Counter((c.place.country, c.place.admin1 or "") for c in candidates)
    return frozenset(unit for unit, count in seen.items() if count > 1)


def _provisional(item: _Mention) -> Place | None:
    """The place a mention stands for in the others' eyes (None when too unsure)."""
    if item.mention.place is not None:
        return item.mention.place
    if item.first.candidate is None or item.first.margin < _CONFIDENT_MARGIN:
        return None
    return item.first.candidate.place


def _possible(item: _Mention, ranker: Ranker) -> tuple[Place, ...]:
    """The places an unsure mention may stand for, for the others' distances: its few
    candidates that scored about as well as its pick, all villages of unknown size (whose
    namesakes only the document tells apart: "Dala" and "Kassogou", each of several
    namesakes, make those near each other likelier)."""
    best = item.first.score
    close = [
        c.place
        for c, score in zip(item.candidates, item.scores, strict=True)
        if score > ranker.none and best - score < _CONFIDENT_MARGIN and _nearby(c.place)
    ]
    if _provisional(item) or item.first.candidate is None or len(close) > _MAX_POSSIBLE:
        return ()
    return () if any(place.population for place in close) else tuple(close)


def _nearby(place: Place) -> bool:
    return place.feature_class == "P" or place.feature_code in {"ADM2", "ADM3"}


def _document_view(
    items: Sequence[_Mention],
    provisional: Sequence[Place | None],
    index: int,
    demonyms: Counter[str],
    possible: Sequence[tuple[Place, ...]],
) -> DocumentView:
    """What the other mentions (not those of the same name) provisionally point at.

    ``provisional`` holds each item's :func:`_provisional` place and ``possible`` its
    :func:`_possible` places (computed once per document). Countries get a vote from each
    other toponym's place and half a vote from each demonym of the text; the possible places
    count only for distances. The view has no partner ("between X and Y"): the caller adds
    it.
    """
    key = items[index].key
    chosen = [i for i, item in enumerate(items) if i != index and item.key != key]
    others = [items[i] for i in chosen]
    places = [p for p in (provisional[i] for i in chosen) if p is not None]
    votes: dict[str, float] = {}
    for place in places:
        if place.country:
            votes[place.country] = votes.get(place.country, 0.0) + 1.0
    for country, count in demonyms.items():
        votes[country] = votes.get(country, 0.0) + _DEMONYM_VOTE * count
    total = sum(votes.values())
    countries = {c: n / total for c, n in votes.items()} if total else {}
    nearby = [p for p in places if _nearby(p)]
    nearby += [p for i in chosen for p in possible[i]]
    # An admin unit named by an abbreviation or another name ("Va.") counts by its own name.
    units = {fold(p.name) for p in places if p.feature_code in {"ADM1", "ADM2"}}
    return DocumentView(
        countries=countries,
        names=frozenset(item.key for item in others if item.key) | units,
        places=nearby,
        units=frozenset(unit for place in places for unit in units_of(place)),
    )


def geocode(
    extractions: Iterable[Extraction],
    gazetteer: Gazetteer,
    cues: Cues | None = None,
    *,
    resolver: Resolver | None = None,
) -> Iterator[Extraction]:
    """The geo stage: resolve each extraction's place mentions and locate its reports.

    A report whose ``location_span`` is the span of a resolved mention (and whose place is
    not set yet) gets ``place``, ``location``, ``country``, ``geo_precision`` and
    ``radius_km``; everything else is kept. A report at a country or a region is placed,
    as ACLED places it, at its capital (:func:`seat_of`), with the area's precision and
    radius.
    """
    resolver = resolver or Resolver.load(gazetteer, cues)
    for extraction in extractions:
        text = extraction.document.text
        mentions = resolve_mentions(text, extraction.places, gazetteer, resolver=resolver)
        reports = tuple(_locate(report, mentions, text, resolver) for report in extraction.reports)
        yield replace(extraction, places=mentions, reports=reports)


def _locate(
    report: EventReport, mentions: Sequence[PlaceMention], text: str, resolver: Resolver
) -> EventReport:
    spans = [m.span for m in mentions]
    by_span: Mapping[Span, Place] = {m.span: m.place for m in mentions if m.place is not None}
    span = report.location_span
    if span is None or span not in by_span or report.place is not None:
        return report
    place = by_span[span]
    index = spans.index(span)
    words = TextWords.of(text)
    ctx = read_context(text, span, resolver.cues, spans[:index] + spans[index + 1 :], words)
    pairs = find_pairs(text, spans, resolver.cues, words)
    partner = mentions[pairs[index]].place if index in pairs else None
    if partner is not None and _gap_km(place, partner) > _MAX_PAIR_KM:
        partner = None  # "ties between Rabat and Bamako" is no place between them
    precision = geo_precision(place, ctx, between=partner is not None)
    if precision == 1 and _UNIT_BRACKET.search(text, max(0, span.start - 120), span.start):
        precision = 2  # "the village of Kouna (*Niono*, Segou)": the village is not found
    radius = radius_km(
        place, precision, resolver.gazetteer, offset_km=ctx.offset_km, partner=partner
    )
    place = seat_of(place, resolver.gazetteer) or place
    return replace(
        report,
        place=place,
        location=place.name,
        # A lake or a desert of no one country: the side the text names ("on the *Nigerien*
        # side of Lake Chad") is the event's country.
        country=place.country or ctx.country or None,
        geo_precision=precision,
        radius_km=radius,
    )


def _gap_km(place: Place, other: Place) -> float:
    return distance_km(place.latitude, place.longitude, other.latitude, other.longitude)
