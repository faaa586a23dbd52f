"""The gazetteer: a read-only SQLite file of places and their names, passed in, never global.

:class:`Gazetteer` is the interface the recognizer and the resolver use; :func:`open_gazetteer`
opens the built file (by default the one shipped in the package), and tests use a small
in-memory fake. The file is a read-only data file built by :mod:`sahelwatch.geo.build`, not
the application database, so it is read with the standard library's ``sqlite3``.
"""

from __future__ import annotations

import heapq
import math
import sqlite3
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from rapidfuzz import fuzz, process

from sahelwatch.errors import GazetteerError
from sahelwatch.geo.fold import fold
from sahelwatch.model import Place
from sahelwatch.settings import load_settings

__all__ = [
    "MATCHING_COUNTRIES",
    "SCHEMA",
    "SCHEMA_VERSION",
    "SEAT_CODES",
    "WORLD_CITY_POPULATION",
    "Gazetteer",
    "SqliteGazetteer",
    "StackedGazetteer",
    "open_gazetteer",
    "open_sqlite_gazetteer",
    "shipped_gazetteer_path",
    "similar_keys",
    "similar_lengths",
    "user_gazetteer_path",
]

SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE admins (
    code TEXT PRIMARY KEY,          -- 'ML.10' (admin1) or 'ML.10.8631541' (admin2)
    name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY,  -- negative for curated places GeoNames lacks
    name TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1_code TEXT,
    admin2_code TEXT,
    population INTEGER NOT NULL,
    extent_km REAL,                 -- radius of the area of a country or admin unit
    source TEXT,                    -- NULL: a GeoNames place file; else what made the row
    alternate_names TEXT NOT NULL   -- every other form of the name, tab-separated
);
CREATE TABLE names (
    key TEXT NOT NULL,              -- sahelwatch.geo.fold.fold(form)
    geonameid INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
-- Every distinct key of names by its first two letters and length: the keys a fuzzy lookup
-- compares, read in a few rows (not a scan of the names).
CREATE TABLE fuzzy_keys (
    prefix TEXT NOT NULL,           -- the keys' first two letters
    length INTEGER NOT NULL,        -- the keys' length, in letters
    keys BLOB NOT NULL,             -- zlib of the keys, tab-separated in key order
    PRIMARY KEY (prefix, length)
) WITHOUT ROWID;
-- The countries among the places, for Gazetteer.country (a scan of every place otherwise).
CREATE INDEX country_places ON places (country) WHERE feature_code LIKE 'PCL%';
CREATE VIEW named_places AS
SELECT p.geonameid, p.name, p.latitude, p.longitude, p.feature_class, p.feature_code,
       p.country, p.admin1_code, a1.name AS admin1, p.admin2_code, a2.name AS admin2,
       p.population, p.extent_km, p.source, p.alternate_names
FROM places AS p
LEFT JOIN admins AS a1 ON a1.code = p.country || '.' || p.admin1_code
LEFT JOIN admins AS a2 ON a2.code = p.country || '.' || p.admin1_code || '.' || p.admin2_code;
"""

# The Sahel countries and their neighbours whose places the recognizer matches by default.
MATCHING_COUNTRIES = ("ML", "BF", "MR", "NE", "DZ", "LY", "TD")
# Worldwide, towns at least this large are matched (with capitals, continents and oceans).
WORLD_CITY_POPULATION = 200_000
# Seats of government: always matched, whatever their population.
SEAT_CODES = ("PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLG")

_CACHE_SIZE = 50_000
_FUZZY_MIN_LENGTH = 5
_FUZZY_LIMIT = 5
# Keys compared for a misspelling differ in length by at most this many characters.
_FUZZY_SPREAD = 2
# Rounding room for the length bounds :func:`similar_lengths` derives from a cutoff.
_LENGTH_SLACK = 1e-9

_PLACE_COLUMNS = (
    "geonameid, name, latitude, longitude, feature_class, feature_code, country, "
    "admin1, admin2, population, alternate_names"
)


class Gazetteer(Protocol):
    """What the geo stage needs from a gazetteer."""

    def lookup(self, name: str) -> list[Place]:
        """Places whose name or an alternate name folds to the same key as ``name``.

        Larger places first; an empty list when none does.
        """
        ...

    def get(self, geonameid: int) -> Place | None:
        """The place with this id, or None."""
        ...

    def extent_km(self, geonameid: int) -> float | None:
        """The radius (km) of the area a country or admin unit covers; None for others."""
        ...

    def country(self, iso2: str) -> Place | None:
        """The country place (``PCLI``...) of an ISO 3166 alpha-2 code, or None."""
        ...

    def capital(self, iso2: str) -> Place | None:
        """The capital (``PPLC``) of the country of an ISO 3166 alpha-2 code, or None."""
        ...

    def fuzzy_lookup(self, name: str, cutoff: float = 0.88) -> list[tuple[Place, float]]:
        """Places whose fold key is close to ``name``'s (similarity >= ``cutoff``, 0-1).

        Only keys sharing the first two letters and of about the same length are compared:
        a misspelling, not a different name. Best first; empty when none is close enough.
        """
        ...

    def names_for_matching(
        self, countries: Collection[str] = MATCHING_COUNTRIES, min_population: int = 1000
    ) -> Iterator[str]:
        """Names (original forms) worth matching in text, each once.

        Every country name; worldwide, the main names of capitals, cities of at least
        :data:`WORLD_CITY_POPULATION` people, continents, oceans and seas; and in
        ``countries``: admin units, seats of government (:data:`SEAT_CODES`), populated places
        of at least ``min_population`` and the curated additions.
        """
        ...


class SqliteGazetteer:
    """A :class:`Gazetteer` over a built SQLite file; close it (or use ``with``) when done."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection
        self._cache: dict[str, list[Place]] = {}
        self._fuzzy: dict[tuple[str, float], list[tuple[str, float]]] = {}
        self._countries: dict[str, Place] | None = None
        self._capitals: dict[str, Place] | None = None

    def __enter__(self) -> SqliteGazetteer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __reduce__(self) -> tuple[Callable[[Path], SqliteGazetteer], tuple[Path]]:
        """Pickle as the path, so a batch worker reopens the file."""
        return (open_sqlite_gazetteer, (self.path,))

    def close(self) -> None:
        self._connection.close()

    def lookup(self, name: str) -> list[Place]:
        return list(self._by_key(fold(name)))

    def _by_key(self, key: str) -> list[Place]:
        if not key:
            return []
        found = self._cache.get(key)
        if found is None:
            rows = self._query(
                f"SELECT {_PLACE_COLUMNS} FROM named_places WHERE geonameid IN "
                "(SELECT geonameid FROM names WHERE key = ?) "
                "ORDER BY population DESC, geonameid",
                (key,),
            )
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            found = self._cache[key] = self._places(rows)
        return found

    def country(self, iso2: str) -> Place | None:
        if self._countries is None:
            self._countries = self._largest_by_country("feature_code LIKE 'PCL%'")
        return self._countries.get(iso2.upper())

    def capital(self, iso2: str) -> Place | None:
        if self._capitals is None:
            self._capitals = self._largest_by_country("feature_code = 'PPLC'")
        return self._capitals.get(iso2.upper())

    def _largest_by_country(self, condition: str) -> dict[str, Place]:
        """Each country's most populous place of those ``condition`` (SQL) selects; the first
        by geonameid among equals."""
        rows = self._query(
            f"SELECT {_PLACE_COLUMNS} FROM named_places WHERE {condition} "
            "ORDER BY population, geonameid DESC",
            (),
        )
        return {place.country: place for place in self._places(rows)}

    def fuzzy_lookup(self, name: str, cutoff: float = 0.88) -> list[tuple[Place, float]]:
        key = fold(name)
        if len(key) < _FUZZY_MIN_LENGTH:
            return []
        close = self._fuzzy.get((key, cutoff))
        if close is None:
            shortest, longest = similar_lengths(len(key), cutoff)
            close = similar_keys(key, self._keys_near(key[:2], shortest, longest), cutoff)
            if len(self._fuzzy) >= _CACHE_SIZE:
                self._fuzzy.clear()
            self._fuzzy[(key, cutoff)] = close
        return [(place, score) for other, score in close for place in self._by_key(other)]

    def get(self, geonameid: int) -> Place | None:
        rows = self._query(
            f"SELECT {_PLACE_COLUMNS} FROM named_places WHERE geonameid = ?", (geonameid,)
        )
        places = self._places(rows)
        return places[0] if places else None

    def extent_km(self, geonameid: int) -> float | None:
        rows = self._query("SELECT extent_km FROM places WHERE geonameid = ?", (geonameid,))
        if not rows or rows[0][0] is None:
            return None
        return float(rows[0][0])

    def _keys_near(self, prefix: str, shortest: int, longest: int) -> list[str]:
        """The distinct keys starting with ``prefix`` of ``shortest`` to ``longest`` letters,
        each length's in key order (:func:`similar_keys` orders what it finds)."""
        rows = self._query(
            "SELECT keys FROM fuzzy_keys WHERE prefix = ? AND length BETWEEN ? AND ?",
            (prefix, shortest, longest),
        )
        # One split of the joined lists: splitting each and flattening in Python costs more.
        return (
            "\t".join(zlib.decompress(keys).decode() for (keys,) in rows).split("\t")
            if rows
            else []
        )

    def admin_rows(self, countries: Collection[str]) -> list[tuple[str, str]]:
        """The admin unit codes and names (``ML.10``, ``Kidal``) of ``countries``."""
        rows: list[tuple[str, str]] = []
        for country in sorted(countries):
            found = self._query(
                "SELECT code, name FROM admins WHERE code >= ? AND code < ?",
                (f"{country}.", f"{country}/"),
            )
            rows.extend((str(code), str(name)) for code, name in found)
        return rows

    def names_for_matching(
        self, countries: Collection[str] = MATCHING_COUNTRIES, min_population: int = 1000
    ) -> Iterator[str]:
        codes = sorted({c.upper() for c in countries})
        marks = ", ".join("?" * len(codes))
        seats = ", ".join("?" * len(SEAT_CODES))
        rows = self._query(
            "SELECT name, alternate_names FROM places "
            "WHERE feature_code LIKE 'PCL%' OR "
            f"(country IN ({marks}) AND (feature_class = 'A' "
            f"OR feature_code IN ({seats}) OR population >= ? OR source = 'curated'))",
            (*codes, *SEAT_CODES, min_population),
        )
        forms = {str(name) for name, _ in rows}
        forms.update(form for _, alternates in rows for form in _split(alternates))
        world = self._query(
            "SELECT name FROM places WHERE feature_code IN ('PPLC', 'CONT', 'OCN', 'SEA') "
            "OR (feature_class = 'P' AND population >= ?)",
            (WORLD_CITY_POPULATION,),
        )
        forms.update(str(name) for (name,) in world)
        return iter(sorted(forms))

    def _query(self, sql: str, parameters: tuple[object, ...]) -> list[tuple[Any, ...]]:
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as exc:
            raise GazetteerError(f"gazetteer {self.path} cannot be read: {exc}") from exc

    def _places(self, rows: list[tuple[Any, ...]]) -> list[Place]:
        return [_place(row) for row in rows]


def similar_lengths(length: int, cutoff: float) -> tuple[int, int]:
    """The lengths a key may have to be close to one of ``length`` characters: at most
    :data:`_FUZZY_SPREAD` longer or shorter, and no further than ``cutoff`` allows.

    :func:`similar_keys`' ratio is ``1 - d / (a + b)`` with ``d`` (insertions and deletions)
    at least ``|a - b|``, so a ratio of ``cutoff`` needs ``|a - b| <= (1 - cutoff)(a + b)``:
    ``b`` between ``a * c / (2 - c)`` and ``a * (2 - c) / c``.
    """
    low, high = length - _FUZZY_SPREAD, length + _FUZZY_SPREAD
    if 0 < cutoff <= 1:
        low = max(low, math.ceil(length * cutoff / (2 - cutoff) - _LENGTH_SLACK))
        high = min(high, math.floor(length * (2 - cutoff) / cutoff + _LENGTH_SLACK))
    return low, high


def similar_keys(key: str, keys: Collection[str], cutoff: float) -> list[tuple[str, float]]:
    """The keys (other than ``key``) whose similarity to ``key`` is at least ``cutoff``: of
    the :data:`_FUZZY_LIMIT` closest keys (``key`` among them), most similar first, then in
    key order (whatever the order of ``keys``)."""
    found = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff * 100, limit=None)
    closest = heapq.nsmallest(_FUZZY_LIMIT, ((-score, str(other)) for other, score, _ in found))
    return [(other, -score / 100) for score, other in closest if other != key]


def _split(alternates: str | None) -> list[str]:
    return [form for form in (alternates or "").split("\t") if form]


def _place(row: tuple[Any, ...]) -> Place:
    gid, name, lat, lon, fclass, fcode, country, admin1, admin2, population, alternates = row
    return Place(
        geonameid=int(gid),
        name=str(name),
        latitude=float(lat),
        longitude=float(lon),
        feature_class=str(fclass),
        feature_code=str(fcode),
        country=str(country),
        admin1=admin1,
        admin2=admin2,
        population=int(population),
        alternate_names=tuple(_split(alternates)),
    )


def shipped_gazetteer_path() -> Path:
    """Where the gazetteer shipped in the package lives (and where the builder writes it)."""
    traversable = resources.files("sahelwatch").joinpath("data/gazetteer/gazetteer.sqlite")
    return Path(str(traversable))


def user_gazetteer_path(data_dir: Path) -> Path:
    """Where ``sahelwatch gazetteer add`` writes the places a user adds."""
    return data_dir / "gazetteer" / "added.sqlite"


class StackedGazetteer:
    """Several gazetteers read as one: the shipped file, then a user's additions.

    A place in more than one layer comes from the last (a user's full country dump knows
    more names than the shipped cities500 row). Close it (or use ``with``) when done.
    """

    def __init__(self, layers: Sequence[SqliteGazetteer]) -> None:
        self.layers = tuple(layers)

    def __enter__(self) -> StackedGazetteer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __reduce__(self) -> tuple[Callable[..., StackedGazetteer], tuple[Path, ...]]:
        """Pickle as the paths, so a batch worker reopens the files."""
        return (_open_stacked, tuple(layer.path for layer in self.layers))

    def close(self) -> None:
        for layer in self.layers:
            layer.close()

    def lookup(self, name: str) -> list[Place]:
        return _merge(layer.lookup(name) for layer in self.layers)

    def get(self, geonameid: int) -> Place | None:
        return _last(layer.get(geonameid) for layer in self.layers)

    def extent_km(self, geonameid: int) -> float | None:
        found = [layer.extent_km(geonameid) for layer in self.layers]
        return next((extent for extent in reversed(found) if extent is not None), None)

    def country(self, iso2: str) -> Place | None:
        return _last(layer.country(iso2) for layer in self.layers)

    def capital(self, iso2: str) -> Place | None:
        return _last(layer.capital(iso2) for layer in self.layers)

    def fuzzy_lookup(self, name: str, cutoff: float = 0.88) -> list[tuple[Place, float]]:
        best: dict[int, tuple[Place, float]] = {}
        for layer in self.layers:
            for place, score in layer.fuzzy_lookup(name, cutoff):
                best[place.geonameid] = (
                    place,
                    max(score, best.get(place.geonameid, (place, 0))[1]),
                )
        return sorted(best.values(), key=lambda item: (-item[1], -item[0].population))

    def names_for_matching(
        self, countries: Collection[str] = MATCHING_COUNTRIES, min_population: int = 1000
    ) -> Iterator[str]:
        forms = {
            n for layer in self.layers for n in layer.names_for_matching(countries, min_population)
        }
        return iter(sorted(forms))


def _merge(groups: Iterable[list[Place]]) -> list[Place]:
    places: dict[int, Place] = {}
    for group in groups:
        places.update((place.geonameid, place) for place in group)
    return sorted(places.values(), key=lambda p: (-p.population, p.geonameid))


def _last(found: Iterable[Place | None]) -> Place | None:
    """The answer of the last layer that has one: a user's additions override the shipped
    gazetteer."""
    places = [place for place in found if place is not None]
    return places[-1] if places else None


def _open_stacked(*paths: Path) -> StackedGazetteer:
    return StackedGazetteer([open_sqlite_gazetteer(path) for path in paths])


def open_gazetteer(
    path: Path | None = None, *, data_dir: Path | None = None
) -> SqliteGazetteer | StackedGazetteer:
    """Open a built gazetteer read-only, with the user's additions when there are any.

    ``path`` defaults to the shipped gazetteer. The places a user added with
    ``sahelwatch gazetteer add`` (in ``data_dir``, by default the ``data_dir`` setting) are
    read after it; an explicit ``path`` without ``data_dir`` opens that file alone.
    """
    if path is not None and data_dir is None:
        return open_sqlite_gazetteer(path)
    if data_dir is None:
        data_dir = load_settings().data_dir
    added = user_gazetteer_path(data_dir)
    base = open_sqlite_gazetteer(path or shipped_gazetteer_path())
    if not added.is_file():
        return base
    try:
        # `gazetteer add` reads the places of an older file and writes them anew.
        again = "run `sahelwatch gazetteer add` with one of the dumps you added to rewrite it"
        return StackedGazetteer([base, open_sqlite_gazetteer(added, upgrade=again)])
    except GazetteerError:
        base.close()
        raise


def open_sqlite_gazetteer(
    path: Path, *, upgrade: str = "rebuild it with `sahelwatch gazetteer build`"
) -> SqliteGazetteer:
    """Open one built gazetteer file read-only; ``upgrade`` is what the error of another
    schema version tells the user to do."""
    if not path.is_file():
        raise GazetteerError(f"no gazetteer at {path}: build it with `sahelwatch gazetteer build`")
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        # Read-only and immutable, and the sqlite3 library is built serialized: one
        # connection may serve every thread (API workers, threaded batch runs).
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot open the gazetteer {path}: {exc}") from exc
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.Error as exc:
        connection.close()
        raise GazetteerError(f"{path} is not a sahelwatch gazetteer: {exc}") from exc
    if row is None or row[0] != str(SCHEMA_VERSION):
        connection.close()
        found = "none" if row is None else row[0]
        raise GazetteerError(
            f"{path} has gazetteer schema version {found}, this sahelwatch reads "
            f"{SCHEMA_VERSION}: {upgrade}"
        )
    return SqliteGazetteer(path, connection)
