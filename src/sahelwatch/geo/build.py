"""The gazetteer builder: GeoNames dumps (+ Natural Earth, + curated additions) -> one SQLite file.

Inputs, all read from disk (nothing is downloaded):

- the full GeoNames country files of ``countries`` (``ML.txt``...): every place, with every
  name and alternate name in every script;
- ``cities500.txt``: places with at least 500 people worldwide, with their names and only
  those alternate names written in Latin or Arabic script (other scripts never occur in the
  English, French and Arabic reports the coder reads, and would double the file);
- ``admin1CodesASCII.txt``, ``admin2Codes.txt``: admin unit names; units the place files do
  not hold become places of their own (``ADM1``/``ADM2``, see :mod:`sahelwatch.geo.units`);
- ``countryInfo.txt`` (with GeoNames' country points from ``country_points.tsv`` and, when
  given, Natural Earth's admin-0 table for French/Arabic names): every country becomes a
  ``PCLI`` place;
- the curated world additions (``data/gazetteer/world.jsonl``: continents and regions) and
  those of the region pack (``places.jsonl``), applied last.

The output holds ``places``, ``names`` (folded key -> geonameid, with the original form),
``fuzzy_keys`` (the distinct keys by first two letters and length) and ``meta``;
:mod:`sahelwatch.geo.gazetteer` reads it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sahelwatch.errors import GazetteerError
from sahelwatch.geo.additions import read_additions, shipped_additions_path, world_additions_path
from sahelwatch.geo.cues import load_cues
from sahelwatch.geo.fold import fold
from sahelwatch.geo.gazetteer import SCHEMA, SCHEMA_VERSION
from sahelwatch.geo.geonames import (
    CountryInfo,
    GeoNamesRow,
    read_admin_codes,
    read_country_info,
    read_places,
)
from sahelwatch.geo.naturalearth import read_country_labels
from sahelwatch.geo.units import (
    AdminNames,
    Record,
    add_admin_units,
    add_bare_admin_names,
    add_countries,
    apply_additions,
    apply_aliases,
    read_aliases,
    read_country_points,
    set_extents,
    shipped_aliases_path,
    shipped_country_points_path,
)

__all__ = [
    "DEFAULT_COUNTRIES",
    "BuildStats",
    "ProgressCallback",
    "build_gazetteer",
    "find_natural_earth",
    "generic_words",
    "record_of_row",
    "sha256_of",
    "write_gazetteer",
]

DEFAULT_COUNTRIES = ("ML", "BF", "MR", "NE")

ProgressCallback = Callable[[str, int, int], None]
"""Called as ``progress(step, done, total)`` after each build step."""

_CITIES = "cities500.txt"
_ADMIN1 = "admin1CodesASCII.txt"
_ADMIN2 = "admin2Codes.txt"
_COUNTRY_INFO = "countryInfo.txt"
_STEPS = 5
_CONNECTORS = frozenset({"de", "du", "des", "d", "l", "la", "le", "of", "the"})
# Outside Africa, cities500 places smaller than this keep only their name and ASCII name.
_ALTERNATES_MIN_POPULATION = 15_000


@dataclass(frozen=True, slots=True)
class BuildStats:
    """What a build produced."""

    output: Path
    places: int
    names: int
    curated: int
    countries: tuple[str, ...]
    natural_earth: Path | None
    size_bytes: int
    seconds: float


def build_gazetteer(
    geonames_dir: Path,
    out: Path,
    *,
    countries: Iterable[str] = DEFAULT_COUNTRIES,
    additions: Path | None = None,
    world: Path | None = None,
    country_points: Path | None = None,
    aliases: Path | None = None,
    natural_earth: Path | None = None,
    progress: ProgressCallback | None = None,
) -> BuildStats:
    """Build the gazetteer file ``out`` from the GeoNames dumps in ``geonames_dir``.

    ``additions`` defaults to the Sahel region pack's ``places.jsonl``, ``world`` to the
    shipped ``world.jsonl``, ``country_points`` to the shipped ``country_points.tsv`` and
    ``aliases`` (other names of admin units and countries) to the shipped ``aliases.tsv``.
    ``natural_earth`` (``ne_10m_admin_0_countries*.zip``) gives countries French and Arabic
    names and a label point where GeoNames' point is not known; by default it is looked for
    in ``geonames_dir`` and in a ``boundaries`` folder beside it (:func:`find_natural_earth`).
    The file is written to a temporary name and moved over ``out`` when complete.
    """
    started = time.perf_counter()
    countries = tuple(dict.fromkeys(c.upper() for c in countries))
    report = progress or _no_progress
    paths = _locate(geonames_dir, countries)
    admin = AdminNames(read_admin_codes(paths[_ADMIN1]), read_admin_codes(paths[_ADMIN2]))
    info = read_country_info(paths[_COUNTRY_INFO])
    report("read admin codes and countries", 1, _STEPS)
    continents = {iso2: country.continent for iso2, country in info.items()}
    records = _read_records(paths, countries, continents)
    report("read GeoNames places", 2, _STEPS)
    add_admin_units(records, admin)
    natural_earth = natural_earth or find_natural_earth(geonames_dir)
    labels = read_country_labels(natural_earth) if natural_earth else {}
    points_path = country_points or shipped_country_points_path()
    add_countries(records, info, labels, read_country_points(points_path))
    report("added admin units and countries", 3, _STEPS)
    curated_paths = [world or world_additions_path(), additions or shipped_additions_path()]
    aliases_path = aliases or shipped_aliases_path()
    curated = _curate(records, curated_paths, aliases_path, admin, info)
    report("applied curated additions", 4, _STEPS)
    inputs = [*paths.values(), *curated_paths, points_path, aliases_path]
    names = write_gazetteer(out, records, admin, _meta(inputs, countries, natural_earth))
    report("wrote the gazetteer", _STEPS, _STEPS)
    return BuildStats(
        output=out,
        places=len(records),
        names=names,
        curated=curated,
        countries=countries,
        natural_earth=natural_earth,
        size_bytes=out.stat().st_size,
        seconds=time.perf_counter() - started,
    )


def _curate(
    records: dict[int, Record],
    curated_paths: list[Path],
    aliases_path: Path,
    admin: AdminNames,
    info: Mapping[str, CountryInfo],
) -> int:
    """Apply the curated additions and aliases, file admin units under their bare names and
    measure the extents; return how many curated places there were."""
    curated = [place for path in curated_paths for place in read_additions(path)]
    apply_additions(records, curated, admin)
    apply_aliases(records, read_aliases(aliases_path), admin, info)
    add_bare_admin_names(records, generic_words())
    set_extents(records, info)
    return len(curated)


def generic_words() -> frozenset[str]:
    """Feature words ("cercle", "region") and the small words around them ("de", "of")."""
    cues = load_cues()
    return frozenset(cues.features) | _CONNECTORS


def find_natural_earth(geonames_dir: Path) -> Path | None:
    """Natural Earth's admin-0 countries zip in ``geonames_dir`` or ``../boundaries``."""
    for folder in (geonames_dir, geonames_dir.parent / "boundaries"):
        found = sorted(folder.glob("ne_10m_admin_0_countries*.zip"))
        if found:
            return found[0]
    return None


def _no_progress(step: str, done: int, total: int) -> None:
    """The default progress callback: say nothing."""


def _locate(geonames_dir: Path, countries: tuple[str, ...]) -> dict[str, Path]:
    wanted = [f"{code}.txt" for code in countries] + [_CITIES, _ADMIN1, _ADMIN2, _COUNTRY_INFO]
    paths = {name: geonames_dir / name for name in wanted}
    missing = sorted(name for name, path in paths.items() if not path.is_file())
    if missing:
        raise GazetteerError(f"GeoNames files missing in {geonames_dir}: {', '.join(missing)}")
    return paths


def _read_records(
    paths: Mapping[str, Path], countries: tuple[str, ...], continents: Mapping[str, str]
) -> dict[int, Record]:
    """Read the country files then cities500; a place in both keeps its newer row."""
    rows: dict[int, GeoNamesRow] = {}
    full: set[int] = set()
    for code in countries:
        for row in read_places(paths[f"{code}.txt"]):
            _keep_newer(rows, row)
            full.add(row.geonameid)
    for row in read_places(paths[_CITIES]):
        _keep_newer(rows, row)
    return {
        gid: record_of_row(row, _name_policy(row, full=gid in full, continents=continents))
        for gid, row in rows.items()
    }


def _name_policy(row: GeoNamesRow, *, full: bool, continents: Mapping[str, str]) -> str:
    """Which names of a place to keep (see the module docstring)."""
    if full:
        return "all"
    if (
        continents.get(row.country) == "AF"
        or row.population >= _ALTERNATES_MIN_POPULATION
        or row.feature_code in ("PPLC", "PPLA")
    ):
        return "latin-arabic"
    return "main"


def _keep_newer(rows: dict[int, GeoNamesRow], row: GeoNamesRow) -> None:
    known = rows.get(row.geonameid)
    if known is None or row.modified > known.modified:
        rows[row.geonameid] = row


def record_of_row(row: GeoNamesRow, policy: str) -> Record:
    main = (row.name, row.asciiname)
    names = tuple(n for n in row.names() if n in main or not _looks_like_code(n))
    if policy == "main":
        names = tuple(dict.fromkeys(main))
    elif policy == "latin-arabic":
        names = tuple(n for n in names if n in main or _latin_or_arabic(n))
    return Record(
        geonameid=row.geonameid,
        name=row.name,
        latitude=row.latitude,
        longitude=row.longitude,
        feature_class=row.feature_class,
        feature_code=row.feature_code,
        country=row.country,
        admin1_code=row.admin1_code or None,
        admin2_code=row.admin2_code or None,
        population=row.population,
        names=names,
        source=None,
    )


def _looks_like_code(name: str) -> bool:
    """True for the airport codes GeoNames lists among alternate names (``GAO``, ``TMR``)."""
    return len(name) <= 4 and name.isascii() and name.isalpha() and name.isupper()


def _latin_or_arabic(name: str) -> bool:
    """True when every letter of ``name`` is a Latin or Arabic letter."""
    return all(
        unicodedata.name(ch, "").startswith(("LATIN", "ARABIC")) for ch in name if ch.isalpha()
    )


def _meta(
    inputs: list[Path], countries: tuple[str, ...], natural_earth: Path | None
) -> dict[str, str]:
    files = [*inputs, *([natural_earth] if natural_earth else [])]
    return {
        "schema_version": str(SCHEMA_VERSION),
        "countries": ",".join(countries),
        "sources": json.dumps({p.name: sha256_of(p) for p in files}, sort_keys=True),
        "attribution": "GeoNames (CC BY 4.0, https://www.geonames.org); Natural Earth "
        "(public domain, https://www.naturalearthdata.com); sahelwatch curated additions",
    }


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_gazetteer(
    out: Path, records: Mapping[int, Record], admin: AdminNames, meta: Mapping[str, str]
) -> int:
    """Write the SQLite file atomically; return the number of name rows."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    names = sorted({(fold(n), gid) for gid, r in records.items() for n in r.names if fold(n)})
    admins = sorted(
        (code, entry.name)
        for codes in (admin.admin1, admin.admin2)
        for code, entry in codes.items()
    )
    try:
        connection = sqlite3.connect(partial)
        try:
            connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            connection.executescript(SCHEMA)
            connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            connection.executemany("INSERT INTO admins VALUES (?, ?)", admins)
            connection.executemany(
                "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (_place_row(records[gid]) for gid in sorted(records)),
            )
            connection.executemany("INSERT INTO names VALUES (?, ?)", names)
            connection.executemany("INSERT INTO fuzzy_keys VALUES (?, ?, ?)", _fuzzy_rows(names))
            connection.commit()
            connection.execute("VACUUM")
        finally:
            connection.close()
        partial.replace(out)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise GazetteerError(f"cannot write the gazetteer {out}: {exc}") from exc
    return len(names)


def _fuzzy_rows(names: Sequence[tuple[str, int]]) -> list[tuple[str, int, bytes]]:
    """The ``fuzzy_keys`` rows of the sorted ``names``: each distinct key of two letters or
    more, by its first two letters and length, tab-separated in key order and compressed
    (2.1 MB, not 7.2 MB: a row of several pages leaves most of its last one empty)."""
    groups: dict[tuple[str, int], list[str]] = {}
    for key in dict.fromkeys(key for key, _ in names):
        if len(key) >= 2:
            groups.setdefault((key[:2], len(key)), []).append(key)
    return [
        (prefix, length, zlib.compress("\t".join(keys).encode(), 9))
        for (prefix, length), keys in sorted(groups.items())
    ]


def _place_row(record: Record) -> tuple[object, ...]:
    return (
        record.geonameid,
        record.name,
        round(record.latitude, 5),
        round(record.longitude, 5),
        record.feature_class,
        record.feature_code,
        record.country,
        record.admin1_code,
        record.admin2_code,
        record.population,
        record.extent_km,
        record.source,
        "\t".join(n for n in record.names if n != record.name and "\t" not in n),
    )
