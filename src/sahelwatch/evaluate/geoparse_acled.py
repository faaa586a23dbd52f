"""Place-only scores on ACLED-format rows: does the geocoder find the event's place in its notes?

For every row with a ``notes`` text and coordinates, the notes are geoparsed (recognition and
resolution, nothing else of the coder) and the event's place is the resolved toponym the notes
say the event is "coded as", else the spot followed by the admin units it lies in ("Tessit
(Ansongo, Gao)"; of "between X and Y (units)", X), else the most specific one (a demonym,
"Sudanese soldiers", names a people's country, never the event's place): a town (or a spot
as small: a well, a camp) before a district, a district before a region, a region before a
country, the first mentioned among equals; a place across a border ("near the border with
Mali") is never it. An event at a country or a region is put, as the coder puts it, at its
capital (ACLED's convention at geo_precision 3).
Scores:

- ``within_25km``: the share of rows whose chosen place is at most 25 km from ACLED's point
  (a row with no resolved toponym counts as a miss);
- ``country``: the share whose country is ACLED's: the chosen place's, or, when no toponym
  of a country was resolved, the one the text's demonyms point at most ("Malian soldiers");
- ``resolved``: the share with any resolved toponym; ``median_km`` and
  ``country_of_resolved`` (the share whose place is in ACLED's country) over those.

ACLED data is for measuring only: nothing read here is kept.
"""

from __future__ import annotations

import csv
import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sahelwatch.errors import SourceError
from sahelwatch.extract.places import across_border, said_coded_at
from sahelwatch.geo.recognize import DEMONYM_RULE
from sahelwatch.geo.units import distance_km
from sahelwatch.model import Place, PlaceMention

__all__ = [
    "AcledPlaceScores",
    "AcledRow",
    "coded_at",
    "event_place",
    "read_acled_rows",
    "score_acled_places",
]

WITHIN_KM = 25.0
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

Parse = Callable[[Sequence[str]], Iterable[Sequence[PlaceMention]]]
CountryOf = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class AcledRow:
    notes: str
    latitude: float
    longitude: float
    country: str


@dataclass(frozen=True, slots=True)
class AcledPlaceScores:
    n: int
    within_25km: float
    country: float
    resolved: float
    median_km: float
    country_of_resolved: float


def read_acled_rows(path: Path) -> list[AcledRow]:
    """The rows of an ACLED-format CSV that have notes and a point."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SourceError(f"cannot read ACLED file {path}: {exc}") from exc
    found: list[AcledRow] = []
    for row in rows:
        try:
            latitude, longitude = float(row["latitude"]), float(row["longitude"])
        except (KeyError, TypeError, ValueError):
            continue
        notes = (row.get("notes") or "").strip()
        if notes:
            found.append(AcledRow(notes, latitude, longitude, (row.get("country") or "").strip()))
    return found


def event_place(mentions: Sequence[PlaceMention], text: str = "") -> Place | None:
    """The place ``text`` says the event is coded at, else the most specific resolved place
    (see the module docstring), or None."""
    mentions = [m for m in mentions if not m.rule.startswith(DEMONYM_RULE)]
    coded = [m.place for m in mentions if m.place is not None and coded_at(text, m)]
    if coded:
        return coded[0]
    mentions = [m for m in mentions if not across_border(text[: m.span.start])]
    places = [m.place for m in mentions if m.place is not None]
    bracketed = [
        _pair_start(text, m, mentions) or p
        for p, m in _resolved(mentions)
        if _spot(p) and _units_follow(text, m, mentions)
    ]
    if bracketed:
        return bracketed[0]
    for feature_class, code in _SPECIFICITY:
        for place in places:
            if (
                _spot(place)
                if code is None
                else (place.feature_class == feature_class and place.feature_code == code)
            ):
                return place
    return places[0] if places else None


def coded_at(text: str, mention: PlaceMention) -> bool:
    """True when ``text`` says the event is coded at this mention's place: "(coded as Tessit
    at geoprecision 2)", "coded at approximate location as Tessit" (ACLED notes name so the
    place whose point they use)."""
    before = _WORDS.findall(text[max(0, mention.span.start - 40) : mention.span.start].casefold())
    return said_coded_at(before)


def _resolved(mentions: Sequence[PlaceMention]) -> list[tuple[Place, PlaceMention]]:
    return [(m.place, m) for m in mentions if m.place is not None]


def _pair_start(text: str, mention: PlaceMention, mentions: Sequence[PlaceMention]) -> Place | None:
    """The place of X when ``mention`` is the Y of "between X and Y": the units in brackets
    after a pair locate both ends, and ACLED notes code such an event at the first end."""
    index = next(i for i, m in enumerate(mentions) if m is mention)
    if index == 0:
        return None
    first = mentions[index - 1]
    joined = text[first.span.end : mention.span.start].split()
    before = _WORDS.findall(text[max(0, first.span.start - 12) : first.span.start].casefold())
    if joined not in (["and"], ["et"]) or not before or before[-1] not in _BETWEEN:
        return None
    return first.place if first.place is not None and _spot(first.place) else None


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


def score_acled_places(
    rows: Sequence[AcledRow],
    parse: Parse,
    country_of: CountryOf,
    text_country: CountryOf | None = None,
    point: Callable[[Place], Place] | None = None,
) -> AcledPlaceScores:
    """Geoparse every row's notes and compare its event place with ACLED's.

    ``country_of`` maps ACLED's country names to ISO2; ``text_country`` gives the country
    a text's demonyms point at, used when no toponym of a country was resolved; ``point``
    gives the place an event at that place is put at, as the coder puts it (a country or a
    region at its capital, :func:`~sahelwatch.geo.resolve.seat_of`).
    """
    within = same_country = resolved = resolved_country = 0
    errors: list[float] = []
    for row, mentions in zip(rows, parse([r.notes for r in rows]), strict=True):
        place = event_place(mentions, row.notes)
        if place is not None and point is not None:
            place = point(place)
        country = place.country if place is not None else ""
        if not country and text_country is not None:
            country = text_country(row.notes) or ""
        same_country += bool(country) and country == country_of(row.country)
        if place is None:
            continue
        resolved += 1
        resolved_country += place.country == country_of(row.country)
        error = distance_km(row.latitude, row.longitude, place.latitude, place.longitude)
        errors.append(error)
        within += error <= WITHIN_KM
    n = len(rows)
    return AcledPlaceScores(
        n=n,
        within_25km=within / n if n else 0.0,
        country=same_country / n if n else 0.0,
        resolved=resolved / n if n else 0.0,
        median_km=statistics.median(errors) if errors else 0.0,
        country_of_resolved=resolved_country / resolved if resolved else 0.0,
    )
