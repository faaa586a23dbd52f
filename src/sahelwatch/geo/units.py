"""Gazetteer records and the places the builder derives from them: admin units and countries.

:class:`Record` is one row of the gazetteer's ``places`` table while it is being built.
GeoNames' ``cities500.txt`` holds towns, not the areas around them, so the builder derives:

- an ``ADM1``/``ADM2`` place for every admin unit the place files name but do not hold, at the
  centre of the bounding box of its member towns (the seat is biased towards one edge of large
  units; the box centre is close to where GeoNames puts the unit), with the summed population
  of its members as a lower bound of its own;
- a ``PCLI`` place for every country of ``countryInfo.txt``, at its GeoNames point
  (``country_points.tsv``), else Natural Earth's label point, else its capital;
- for countries and admin units, ``extent_km``: the radius of the area they cover.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from sahelwatch.errors import GazetteerError
from sahelwatch.geo.additions import CuratedPlace
from sahelwatch.geo.fold import fold
from sahelwatch.geo.geonames import AdminCode, CountryInfo
from sahelwatch.geo.naturalearth import CountryLabel

__all__ = [
    "EARTH_RADIUS_KM",
    "AdminNames",
    "Record",
    "add_admin_units",
    "add_bare_admin_names",
    "add_countries",
    "apply_additions",
    "apply_aliases",
    "distance_km",
    "read_aliases",
    "read_country_points",
    "set_extents",
    "shipped_aliases_path",
    "shipped_country_points_path",
]

EARTH_RADIUS_KM = 6371.0088
_MIN_EXTENT_KM = 5.0
_MIN_MEMBERS = 5
# Continents and other curated areas without a computed extent.
_CONTINENT_EXTENT_KM = 3000.0
_MIN_BARE = 3


@dataclass(frozen=True, slots=True)
class Record:
    """One place of the gazetteer being built."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country: str
    admin1_code: str | None
    admin2_code: str | None
    population: int
    names: tuple[str, ...]
    source: str | None
    extent_km: float | None = None


@dataclass(frozen=True, slots=True)
class AdminNames:
    """The admin1 and admin2 code tables (``ML.10``, ``ML.10.8631541`` -> entry)."""

    admin1: Mapping[str, AdminCode]
    admin2: Mapping[str, AdminCode]

    def name1(self, country: str, code: str | None) -> str | None:
        entry = self.admin1.get(f"{country}.{code}") if code else None
        return entry.name if entry else None

    def name2(self, country: str, code1: str | None, code2: str | None) -> str | None:
        entry = self.admin2.get(f"{country}.{code1}.{code2}") if code1 and code2 else None
        return entry.name if entry else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _members(records: Mapping[int, Record]) -> defaultdict[str, list[Record]]:
    """Populated places by admin unit code (``ML.10`` and ``ML.10.8631541``)."""
    members: defaultdict[str, list[Record]] = defaultdict(list)
    for record in records.values():
        if record.feature_class == "P" and record.admin1_code:
            members[f"{record.country}.{record.admin1_code}"].append(record)
            if record.admin2_code:
                key = f"{record.country}.{record.admin1_code}.{record.admin2_code}"
                members[key].append(record)
    return members


def add_admin_units(records: dict[int, Record], admin: AdminNames) -> None:
    """Make a place of every admin1/admin2 unit the place files name but do not hold."""
    members = _members(records)
    for level, codes in (("ADM1", admin.admin1), ("ADM2", admin.admin2)):
        for code, entry in codes.items():
            places = members.get(code)
            if entry.geonameid in records or not places:
                continue
            latitude, longitude = box_centre(places)
            parts = code.split(".")
            records[entry.geonameid] = Record(
                geonameid=entry.geonameid,
                name=entry.name,
                latitude=latitude,
                longitude=longitude,
                feature_class="A",
                feature_code=level,
                country=parts[0],
                admin1_code=parts[1],
                admin2_code=parts[2] if len(parts) > 2 else None,
                population=sum(p.population for p in places),
                names=tuple(dict.fromkeys((entry.name, entry.asciiname))),
                source="geonames-admin-codes",
            )


def box_centre(places: Iterable[Record]) -> tuple[float, float]:
    """The centre of the places' bounding box (across the antimeridian when shorter)."""
    points = [(p.latitude, p.longitude) for p in places]
    latitudes = [lat for lat, _ in points]
    longitudes = [lon for _, lon in points]
    west, east = min(longitudes), max(longitudes)
    if east - west > 180:
        shifted = [lon + 360 if lon < 0 else lon for lon in longitudes]
        west, east = min(shifted), max(shifted)
    longitude = (west + east) / 2
    if longitude > 180:
        longitude -= 360
    return (min(latitudes) + max(latitudes)) / 2, longitude


def shipped_country_points_path() -> Path:
    """GeoNames' point of each country (ISO2, latitude, longitude), shipped with the package."""
    traversable = resources.files("sahelwatch").joinpath("data/gazetteer/country_points.tsv")
    return Path(str(traversable))


def read_country_points(path: Path) -> dict[str, tuple[float, float]]:
    """Read ``country_points.tsv``: ``ISO2<TAB>latitude<TAB>longitude``; ``#`` starts a comment."""
    points: dict[str, tuple[float, float]] = {}
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"cannot read country points {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        try:
            iso2, latitude, longitude = cells[0], float(cells[1]), float(cells[2])
        except (IndexError, ValueError) as exc:
            raise GazetteerError(f"{path.name}:{number}: {exc}") from exc
        points[iso2] = (latitude, longitude)
    return points


def add_countries(
    records: dict[int, Record],
    info: Mapping[str, CountryInfo],
    labels: Mapping[str, CountryLabel],
    points: Mapping[str, tuple[float, float]],
) -> None:
    """Make a ``PCLI`` place of every country (see the module docstring for its point)."""
    capitals = {r.country: r for r in records.values() if r.feature_code == "PPLC"}
    for iso2, country in info.items():
        label = labels.get(iso2)
        extra = label.names if label else ()
        known = records.get(country.geonameid)
        if known is not None:
            names = tuple(dict.fromkeys((country.name, *known.names, *extra)))
            records[country.geonameid] = replace(known, name=country.name, names=names)
            continue
        point = points.get(iso2) or ((label.latitude, label.longitude) if label else None)
        if point is None and iso2 in capitals:
            point = (capitals[iso2].latitude, capitals[iso2].longitude)
        if point is None or country.geonameid <= 0:
            continue
        source = "geonames-countryinfo" + ("+naturalearth" if label else "")
        records[country.geonameid] = Record(
            geonameid=country.geonameid,
            name=country.name,
            latitude=point[0],
            longitude=point[1],
            feature_class="A",
            feature_code="PCLI",
            country=iso2,
            admin1_code=None,
            admin2_code=None,
            population=country.population,
            names=tuple(dict.fromkeys((country.name, *extra))),
            source=source,
        )


def apply_additions(
    records: dict[int, Record], curated: Iterable[CuratedPlace], admin: AdminNames
) -> None:
    """Add or replace the curated places (checked against the admin code tables)."""
    for place in curated:
        if place.admin1 and admin.name1(place.country, place.admin1) is None:
            raise GazetteerError(
                f"curated place {place.geonameid} ({place.name}): unknown admin1 code "
                f"{place.country}.{place.admin1}"
            )
        records[place.geonameid] = Record(
            geonameid=place.geonameid,
            name=place.name,
            latitude=place.lat,
            longitude=place.lon,
            feature_class=place.resolved_feature_class(),
            feature_code=place.feature_code,
            country=place.country,
            admin1_code=place.admin1,
            admin2_code=place.admin2,
            population=place.population,
            names=tuple(dict.fromkeys((place.name, *place.alternate_names))),
            source="curated",
        )


def set_extents(records: dict[int, Record], info: Mapping[str, CountryInfo]) -> None:
    """Give countries, admin units and continents the radius (km) of the area they cover."""
    members = _members(records)
    for gid, record in list(records.items()):
        extent: float | None = None
        if record.feature_code.startswith("PCL") and record.country in info:
            area = info[record.country].area_km2
            extent = math.sqrt(area / math.pi) if area > 0 else None
        elif record.feature_code in ("ADM1", "ADM2") and record.admin1_code:
            key = f"{record.country}.{record.admin1_code}"
            if record.feature_code == "ADM2" and record.admin2_code:
                key = f"{key}.{record.admin2_code}"
            extent = _spread_km(record, members.get(key, []))
        elif record.feature_code == "CONT":
            extent = _CONTINENT_EXTENT_KM
        if extent is not None:
            records[gid] = replace(record, extent_km=round(extent, 1))


def _spread_km(centre: Record, places: list[Record]) -> float | None:
    """The 95th percentile distance from ``centre`` to the unit's member places.

    None when the unit has too few known places to say (a desert wilaya whose only
    cities500 place is its seat): the resolver then uses a default for the unit's level.
    """
    if len(places) < _MIN_MEMBERS:
        return None
    distances = sorted(
        distance_km(centre.latitude, centre.longitude, p.latitude, p.longitude) for p in places
    )
    return max(_MIN_EXTENT_KM, distances[round(0.95 * (len(distances) - 1))])


def add_bare_admin_names(records: dict[int, Record], generic: frozenset[str]) -> None:
    """Give admin units their names without the generic words ("Douentza Cercle",
    "Cercle de Douentza", "Kidal Region" -> "Douentza", "Kidal"), as reports write them.

    ``generic`` holds the fold keys of the words to drop at either end (feature words such
    as ``cercle``, ``region`` and the small words around them: ``de``, ``of``...).
    """
    for gid, record in list(records.items()):
        if not record.feature_code.startswith("ADM"):
            continue
        bare = [_bare(name, generic) for name in record.names]
        extra = [b for b in bare if b and b not in record.names and len(b) >= _MIN_BARE]
        if extra:
            records[gid] = replace(record, names=tuple(dict.fromkeys((*record.names, *extra))))


def _bare(name: str, generic: frozenset[str]) -> str:
    words = name.replace("’", "' ").replace("'", "' ").split()
    while words and fold(words[0]) in generic:
        words = words[1:]
    while words and fold(words[-1]) in generic:
        words = words[:-1]
    bare = " ".join(words).replace("' ", "'")
    return bare if bare != name.strip() else ""


def shipped_aliases_path() -> Path:
    """Other names of admin units and countries (``aliases.tsv``), shipped with the package."""
    return Path(str(resources.files("sahelwatch").joinpath("data/gazetteer/aliases.tsv")))


def read_aliases(path: Path) -> list[tuple[str, str]]:
    """Read ``aliases.tsv``: ``code<TAB>name`` (``US.CA``, ``TT``); ``#`` starts a comment."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"cannot read aliases {path}: {exc}") from exc
    aliases: list[tuple[str, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not cells[1].strip():
            raise GazetteerError(f"{path.name}:{number}: expected a code and a name")
        aliases.append((cells[0].strip(), cells[1].strip()))
    return aliases


def apply_aliases(
    records: dict[int, Record],
    aliases: Iterable[tuple[str, str]],
    admin: AdminNames,
    info: Mapping[str, CountryInfo],
) -> None:
    """Add each alias to the admin unit (``US.CA``) or country (``TT``) it names, if built."""
    for code, alias in aliases:
        entry = admin.admin1.get(code)
        country = info.get(code)
        gid = entry.geonameid if entry else country.geonameid if country else None
        record = records.get(gid) if gid is not None else None
        if record is not None and alias not in record.names:
            records[record.geonameid] = replace(record, names=(*record.names, alias))
