"""A user's own gazetteer additions: GeoNames country dumps added after installation.

``sahelwatch gazetteer add DZ.txt`` reads a full GeoNames country file (the 19-column
format of ``https://download.geonames.org/export/dump/``) and writes its places, with every
name and alternate name, into ``<data_dir>/gazetteer/added.sqlite``; adding another country
keeps the ones added before, and adding the same file again replaces its places.
:func:`~sahelwatch.geo.gazetteer.open_gazetteer` reads that file after the shipped one.
Admin unit names come from the shipped gazetteer, which knows every country's.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from sahelwatch.errors import GazetteerError
from sahelwatch.geo.build import generic_words, record_of_row, sha256_of, write_gazetteer
from sahelwatch.geo.gazetteer import SCHEMA_VERSION, SqliteGazetteer, user_gazetteer_path
from sahelwatch.geo.geonames import AdminCode, read_places
from sahelwatch.geo.units import AdminNames, Record, add_bare_admin_names, set_extents

__all__ = ["AddStats", "add_country_dump"]


@dataclass(frozen=True, slots=True)
class AddStats:
    """What an addition wrote."""

    output: Path
    added: int
    places: int
    countries: tuple[str, ...]
    seconds: float


def add_country_dump(dump: Path, data_dir: Path, shipped: SqliteGazetteer) -> AddStats:
    """Add the places of the GeoNames file ``dump`` to the user gazetteer in ``data_dir``."""
    started = time.perf_counter()
    out = user_gazetteer_path(data_dir)
    records, meta = _read_user(out)
    new = {row.geonameid: record_of_row(row, "all") for row in read_places(dump)}
    if not new:
        raise GazetteerError(f"{dump} holds no GeoNames place")
    records.update(new)
    countries = tuple(sorted({r.country for r in records.values() if r.country}))
    add_bare_admin_names(records, generic_words())
    set_extents(records, {})
    admin = _admin_names(shipped, countries)
    sources = json.loads(meta.get("sources", "{}"))
    sources[dump.name] = sha256_of(dump)
    write_gazetteer(out, records, admin, _meta(countries, sources))
    return AddStats(out, len(new), len(records), countries, time.perf_counter() - started)


def _meta(countries: tuple[str, ...], sources: dict[str, str]) -> dict[str, str]:
    return {
        "schema_version": str(SCHEMA_VERSION),
        "countries": ",".join(countries),
        "sources": json.dumps(sources, sort_keys=True),
        "attribution": "GeoNames (CC BY 4.0, https://www.geonames.org), added by the user",
    }


def _admin_names(shipped: SqliteGazetteer, countries: tuple[str, ...]) -> AdminNames:
    rows = shipped.admin_rows(countries)
    level1 = {code: AdminCode(code, name, name, 0) for code, name in rows if code.count(".") == 1}
    level2 = {code: AdminCode(code, name, name, 0) for code, name in rows if code.count(".") == 2}
    return AdminNames(level1, level2)


def _read_user(path: Path) -> tuple[dict[int, Record], dict[str, str]]:
    """The places and meta of an existing user gazetteer (empty when there is none)."""
    if not path.is_file():
        return {}, {}
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
            rows = connection.execute(
                "SELECT geonameid, name, latitude, longitude, feature_class, feature_code, "
                "country, admin1_code, admin2_code, population, source, alternate_names "
                "FROM places"
            ).fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot read the user gazetteer {path}: {exc}") from exc
    return {int(row[0]): _from_row(row) for row in rows}, meta


def _from_row(row: tuple[object, ...]) -> Record:
    gid, name, lat, lon, fclass, fcode, country, admin1, admin2, population, source, alts = row
    alternates = [a for a in str(alts or "").split("\t") if a]
    return Record(
        geonameid=int(str(gid)),
        name=str(name),
        latitude=float(str(lat)),
        longitude=float(str(lon)),
        feature_class=str(fclass),
        feature_code=str(fcode),
        country=str(country),
        admin1_code=str(admin1) if admin1 is not None else None,
        admin2_code=str(admin2) if admin2 is not None else None,
        population=int(str(population)),
        names=(str(name), *alternates),
        source=str(source) if source is not None else None,
    )
