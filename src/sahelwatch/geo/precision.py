"""How precisely an event is located, and the town an event at an area is coded at.

:func:`geo_precision` gives ACLED's geo_precision of a place in its context, :func:`radius_km`
how far from its point the event may be, :func:`seat_of` the town ACLED puts an event told
only by its country or its region at (its capital), and :func:`settled` puts there an event
whose document gives its country but no place of it.
"""

from __future__ import annotations

from dataclasses import replace

from sahelwatch.geo.context import MentionContext
from sahelwatch.geo.gazetteer import Gazetteer
from sahelwatch.geo.units import distance_km
from sahelwatch.model import EventReport, Place

__all__ = ["geo_precision", "radius_km", "seat_of", "settled"]

# Radius (km) of a place located at ACLED geo_precision 1, by population.
_TOWN_RADII = ((1_000_000, 20.0), (100_000, 10.0), (10_000, 5.0), (0, 3.0))
_NEAR_RADIUS_KM = 25.0
# Radius (km) of admin units and countries whose extent the gazetteer does not know.
_DEFAULT_EXTENTS = {"ADM1": 150.0, "ADM2": 60.0, "ADM3": 25.0, "PCL": 500.0, "CONT": 3000.0}
# The feature codes of the town a first-order unit is coded at (:func:`seat_of`).
_SEAT_OF_REGION = frozenset({"PPLA", "PPLA2", "PPLC"})


def geo_precision(place: Place, ctx: MentionContext, *, between: bool = False) -> int:
    """ACLED geo_precision: 1 the town itself, 2 near a town or part of a region, 3 a region.

    Continents, regions, countries and first- and second-order admin units (regions,
    cercles, wilayas) are 3; communes and natural features are 2; a populated place is 1,
    or 2 when the text puts the event near it or between it and another place.
    """
    code = place.feature_code
    if code.startswith("PCL") or code in {"ADM1", "ADM2", "ADMD", "CONT", "RGN", "DSRT"}:
        return 3
    if place.feature_class == "P":
        return 2 if ctx.near or between else 1
    return 2


def radius_km(
    place: Place,
    precision: int,
    gazetteer: Gazetteer,
    *,
    offset_km: float | None = None,
    partner: Place | None = None,
) -> float:
    """How far from the place's point the event may be (km).

    A town's own radius grows with its population; "30 km north of" adds the 30 km,
    "between X and Y" half the distance to Y; other near cues give a fixed
    :data:`_NEAR_RADIUS_KM`. Areas use their extent (or a default for their level).
    """
    if place.feature_class == "P":
        town = next(r for floor, r in _TOWN_RADII if place.population >= floor)
        if partner is not None:
            gap = distance_km(place.latitude, place.longitude, partner.latitude, partner.longitude)
            return round(town + gap / 2, 1)
        if offset_km is not None:
            return round(town + offset_km, 1)
        return _NEAR_RADIUS_KM if precision >= 2 else town
    extent = gazetteer.extent_km(place.geonameid)
    if extent is not None:
        return extent
    prefix = "PCL" if place.feature_code.startswith("PCL") else place.feature_code
    return _DEFAULT_EXTENTS.get(prefix, _NEAR_RADIUS_KM)


def seat_of(unit: Place, gazetteer: Gazetteer) -> Place | None:
    """The town ACLED codes an event at when the text names only its country or its region,
    at geo_precision 3: the country's capital, or the capital of a first-order unit named
    after it ("the Tillaberi region": the town of Tillaberi). None for other places, or when
    no such town is found."""
    if unit.feature_code.startswith("PCL") and unit.country:
        return gazetteer.capital(unit.country)
    if unit.feature_code != "ADM1" or not unit.admin1:
        return None
    towns = [
        place
        for name in (unit.name, *unit.alternate_names)
        for place in gazetteer.lookup(name)
        if place.feature_code in _SEAT_OF_REGION
        and place.country == unit.country
        and place.admin1 == unit.admin1
    ]
    return max(towns, key=lambda town: (town.feature_code == "PPLA", town.population), default=None)


def settled(report: EventReport, gazetteer: Gazetteer) -> EventReport:
    """The report as it is stored: an event with a country but no place ("Burkina Faso
    police opened fire on students") is located as ACLED locates an event told only by its
    country: at the capital, at geo_precision 3, the radius the whole country's extent (the
    point says the country, not the spot); an event placed after the geo stage (at a place
    of its document, or at the town its sentences name in its area) gets the radius of that
    place. Any other report is returned as it is."""
    if report.place is not None:
        if report.radius_km is not None:
            return report
        precision = report.geo_precision or 1
        return replace(report, radius_km=radius_km(report.place, precision, gazetteer))
    if not report.country:
        return report
    country, capital = gazetteer.country(report.country), gazetteer.capital(report.country)
    if country is None or capital is None:
        return report
    return replace(
        report,
        place=capital,
        location=capital.name,
        geo_precision=3,
        radius_km=radius_km(country, 3, gazetteer),
    )
