"""Place-only scores on ACLED-format rows: does the geocoder find the event's place in its notes?

For every row with a ``notes`` text and coordinates, the notes are geoparsed (recognition and
resolution, nothing else of the coder) and the event's place is the resolved toponym the notes
say the event is "coded as", else the spot followed by the admin units it lies in ("Tessit
(Ansongo, Gao)"; of "between X and Y (units)", X), else the most specific one (a demonym,
"Sudanese soldiers", names a people's country, never the event's place): a town (or a spot
as small: a well, a camp) before a district, a district before a region, a region before a
country, the first mentioned among equals; a place across a border ("near the border with
Mali") is never it. An event at a country or a region is put, as the coder puts it, at its
capital (ACLED's convention at geo_precision 3), and so is one with no resolved toponym whose
country the text's demonyms give ("Malian soldiers").
Scores:

- ``within_25km``: the share of rows whose point is at most 25 km from ACLED's point
  (a row with no point counts as a miss);
- ``country``: the share whose country is ACLED's: the chosen place's, or, when no toponym
  of a country was resolved, the one the text's demonyms point at most;
- ``resolved``: the share with any resolved toponym, and ``country_of_resolved`` (the share
  whose place is in ACLED's country) over those; ``median_km`` over the rows given a point.

ACLED data is for measuring only: nothing read here is kept.
"""

from __future__ import annotations

import csv
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sahelwatch.errors import SourceError
from sahelwatch.extract.located import coded_at, specific_place
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
    (see the module docstring; demonyms never), or None."""
    mentions = [m for m in mentions if not m.rule.startswith(DEMONYM_RULE)]
    found = specific_place(mentions, text)
    return found.place if found is not None else None


def score_acled_places(
    rows: Sequence[AcledRow],
    parse: Parse,
    country_of: CountryOf,
    text_country: CountryOf | None = None,
    point: Callable[[Place], Place] | None = None,
    capital: Callable[[str], Place | None] | None = None,
) -> AcledPlaceScores:
    """Geoparse every row's notes and compare its event place with ACLED's.

    ``country_of`` maps ACLED's country names to ISO2; ``text_country`` gives the country
    a text's demonyms point at, used when no toponym of a country was resolved; ``point``
    gives the place an event at that place is put at, as the coder puts it (a country or a
    region at its capital, :func:`~sahelwatch.geo.resolve.seat_of`); ``capital`` the capital
    of a country (ISO2), where an event with only the country its demonyms give is put, as
    the coder puts it (:func:`~sahelwatch.geo.precision.at_country_seat`).
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
        if place is not None:
            resolved += 1
            resolved_country += place.country == country_of(row.country)
        elif country and capital is not None:
            place = capital(country)
        if place is None:
            continue
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
