"""Reports finished once the geo stage has resolved the document's places.

:func:`locate_nearby` places an event the coder could not place, or gives it a country, from
the places its document names (:func:`specific_place`: the one the text says the event is
coded at, else the spot its admin units follow, else the most specific);
:func:`requalify` names generic actors ("Protesters") again with the country so found
("Protesters (Burkina Faso)").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from sahelwatch.extract.actors import ActorNames
from sahelwatch.extract.places import across_border, said_coded_at
from sahelwatch.extract.reports import GUESSED_COUNTRY
from sahelwatch.geo.features import within
from sahelwatch.model import EventReport, Place, PlaceMention

__all__ = ["coded_at", "locate_nearby", "requalify", "specific_place"]

# Most specific first: towns and spots, then communes and districts, regions, countries, the rest.
_SPECIFICITY = (("P", None), ("A", "ADM3"), ("A", "ADM2"), ("A", "ADM1"), ("A", "PCLI"))
_WORDS = re.compile(r"\w+")
_BETWEEN = frozenset({"between", "entre"})
# Features as specific as a town: a well, a camp, a locality, a hill (not a sea, a desert,
# a lake, a river or a mountain range, which stretch far).
_SPOT_CLASSES = frozenset({"H", "L", "S", "T", "V"})
_WIDE_CODES = frozenset(
    {"OCN", "SEA", "GULF", "BAY", "STM", "DSRT", "MTS", "PLAT", "RGN", "RGNE",
     "CONT", "ZN", "ZNB", "PRK", "RES", "ERG", "PLN", "VAL", "DPR", "BSND", "HMDA"}
)  # fmt: skip
# Places a report is put at from elsewhere in its document: not a region or a country, whose
# point (the capital ACLED uses) only the geo stage knows.
_AREA_CODES = frozenset({"ADM1", "PCLI"})
# Areas that hold towns: an event put at one is put at the town its sentences name in it.
_UNIT_CODES = frozenset({"ADM1", "ADM2", "ADM3", "PCLI"})


def locate_nearby(
    report: EventReport, places: Sequence[PlaceMention], text: str = ""
) -> EventReport:
    """An event put at an area moves to a town its sentences name inside it ("the town of
    Dire (Dire, *Tombouctou*)": Dire, not the region). An event whose own place the geo stage
    could not find is placed, as ACLED does, at a
    resolved place named in its sentences ("Dounapen, near Dioungani (*Koro*)"), else at
    the most specific place its document names (:func:`specific_place`) in its country,
    short of a region or a country. An event with no country either (or only a guess from
    the actors the document names) takes the country of the places the document names
    (ACLED's notes rarely name the country they are about). So does an event placed at a
    feature of no one country ("near Lake Chad", "in the Sahara")."""
    resolved = [p for p in places if p.place is not None]
    if report.place is not None:
        spot = _spot_within(report, resolved, text)
        if spot is not None:
            return _placed(report, spot, precision=1)
        if report.place.country or report.country:
            return report
        country = _most_named(resolved)
        return replace(report, country=country) if country else report
    if report.location_span is not None:
        inside = [
            p for p in resolved if any(s.start <= p.span.start < s.end for s in report.evidence)
        ]
        towns = [p for p in inside if p.place and p.place.feature_class == "P"] or inside
        if towns:
            return _placed(report, towns[0])
    country = report.country
    if country is None or GUESSED_COUNTRY in report.details:
        country = _most_named(resolved) or country
    named = [p for p in resolved if p.place is not None and p.place.country == country]
    found = specific_place(named, text)
    if found is not None and found.place and found.place.feature_code not in _AREA_CODES:
        return _placed(report, found)
    return replace(report, country=country) if country != report.country else report


def specific_place(mentions: Sequence[PlaceMention], text: str = "") -> PlaceMention | None:
    """The resolved mention ``text`` says an event is coded at ("coded as Tessit"), else the
    spot followed by the admin units it lies in ("Tessit (Ansongo, Gao)"; of "between X and
    Y (units)", X), else the most specific one: a town (or a spot as small: a well, a camp)
    before a district, a district before a region, a region before a country, the first
    mentioned among equals; never a place across a border ("near the border with Mali")."""
    coded = [m for m in mentions if m.place is not None and coded_at(text, m)]
    if coded:
        return coded[0]
    mentions = [m for m in mentions if not across_border(text[: m.span.start])]
    resolved = [(m.place, m) for m in mentions if m.place is not None]
    bracketed = [
        _pair_start(text, m, mentions) or m
        for p, m in resolved
        if _spot(p) and _units_follow(text, m, mentions)
    ]
    if bracketed:
        return bracketed[0]
    for feature_class, code in _SPECIFICITY:
        for place, mention in resolved:
            if (
                _spot(place)
                if code is None
                else (place.feature_class == feature_class and place.feature_code == code)
            ):
                return mention
    return resolved[0][1] if resolved else None


def coded_at(text: str, mention: PlaceMention) -> bool:
    """True when ``text`` says the event is coded at this mention's place: "(coded as Tessit
    at geoprecision 2)", "coded at approximate location as Tessit" (ACLED notes name so the
    place whose point they use)."""
    before = _WORDS.findall(text[max(0, mention.span.start - 40) : mention.span.start].casefold())
    return said_coded_at(before)


def _pair_start(
    text: str, mention: PlaceMention, mentions: Sequence[PlaceMention]
) -> PlaceMention | None:
    """The X when ``mention`` is the Y of "between X and Y": the units in brackets after a
    pair locate both ends, and ACLED notes code such an event at the first end."""
    index = next(i for i, m in enumerate(mentions) if m is mention)
    if index == 0:
        return None
    first = mentions[index - 1]
    joined = text[first.span.end : mention.span.start].split()
    before = _WORDS.findall(text[max(0, first.span.start - 12) : first.span.start].casefold())
    if joined not in (["and"], ["et"]) or not before or before[-1] not in _BETWEEN:
        return None
    return first if first.place is not None and _spot(first.place) else None


def _units_follow(text: str, mention: PlaceMention, mentions: Sequence[PlaceMention]) -> bool:
    """True for "Tessit (Ansongo, Gao)": a place followed by the admin units it lies in, in
    brackets, as ACLED notes write the place of an event."""
    rest = text[mention.span.end : mention.span.end + 4]
    if not rest.lstrip().startswith("("):
        return False
    bracket = mention.span.end + rest.index("(")
    return any(bracket < m.span.start <= bracket + 3 for m in mentions)


def _spot(place: Place) -> bool:
    """A town, or a feature about as small (a well, a camp, a locality)."""
    if place.feature_class == "P":
        return True
    return place.feature_class in _SPOT_CLASSES and place.feature_code not in _WIDE_CODES


def _spot_within(
    report: EventReport, resolved: Sequence[PlaceMention], text: str
) -> PlaceMention | None:
    """The town an event put at an area ("the town of Dire (Dire, *Tombouctou*)") is at: a
    resolved spot of its sentences inside that area (:func:`specific_place` among them), as
    ACLED codes the most precise place told; None when the event's place is no area."""
    area = next((m.place for m in resolved if m.span == report.location_span), None)
    if area is None or area.feature_code not in _UNIT_CODES:
        return None
    inside = [
        m
        for m in resolved
        if m.place is not None
        and _spot(m.place)
        and any(s.start <= m.span.start < s.end for s in report.evidence)
        and within(m.place, area)
    ]
    return specific_place(inside, text)


def _placed(report: EventReport, chosen: PlaceMention, precision: int | None = None) -> EventReport:
    """The report at ``chosen``; its radius is left for the geo stage's last step to set
    (:func:`~sahelwatch.geo.precision.settled`)."""
    assert chosen.place is not None
    return replace(
        report,
        place=chosen.place,
        location=chosen.place.name,
        location_span=chosen.span,
        country=chosen.place.country,
        geo_precision=precision or (2 if chosen.place.feature_class == "P" else 3),
        radius_km=None,
    )


def _most_named(resolved: Sequence[PlaceMention]) -> str | None:
    """The country most of the resolved places are in (the first named on a tie)."""
    countries = [p.place.country for p in resolved if p.place is not None and p.place.country]
    if not countries:
        return None
    return max(dict.fromkeys(countries), key=countries.count)


def requalify(
    report: EventReport,
    names: ActorNames,
    countries: frozenset[str] = frozenset(),
    published: dt.date | None = None,
) -> EventReport:
    """Name generic actors again with the event's country, once the geo stage has found it
    (only a country of the region pack: a place resolved elsewhere is more likely wrong), and
    by the group ACLED credits the generic kind to in that country at the event's date, or
    for an undated event at the report's publication ("rebels" in Libya in 2011: Libyan
    Rebel Forces)."""
    if report.country is None or (countries and report.country not in countries):
        return report
    templates = dict(d.split("=", 1) for d in report.details if "_template=" in d)
    changes: dict[str, str] = {}
    for number in (1, 2):
        key = templates.get(f"actor{number}_template")
        if key is None:
            continue
        template, _, group = key.partition("|")
        actor = names.render(template, report.country, group or None)
        parent = names.parent_at(actor, report.date.start or published)
        if parent is not None:
            generic = names.is_template(parent.id)
            actor = names.render(parent.id, report.country) if generic else parent
        changes[f"actor{number}"] = actor.acled_name or actor.name
    return replace(report, **changes) if changes else report  # type: ignore[arg-type]
