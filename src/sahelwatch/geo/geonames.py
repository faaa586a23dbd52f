"""Readers for the GeoNames dump files (https://download.geonames.org/export/dump/).

Each reader streams one file and raises :class:`~sahelwatch.errors.GazetteerError` with the
file name and line number when a line does not have the expected shape.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sahelwatch.errors import GazetteerError

__all__ = [
    "AdminCode",
    "CountryInfo",
    "GeoNamesRow",
    "read_admin_codes",
    "read_country_info",
    "read_places",
]

_PLACE_COLUMNS = 19


@dataclass(frozen=True, slots=True)
class GeoNamesRow:
    """One line of a country file or of ``cities500.txt``."""

    geonameid: int
    name: str
    asciiname: str
    alternate_names: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country: str
    admin1_code: str
    admin2_code: str
    population: int
    modified: str

    def names(self) -> tuple[str, ...]:
        """The name, its ASCII form and every alternate name, without repeats, name first."""
        return tuple(dict.fromkeys(n for n in (self.name, self.asciiname, *self.alternate_names)))


@dataclass(frozen=True, slots=True)
class AdminCode:
    """A line of ``admin1CodesASCII.txt`` or ``admin2Codes.txt``."""

    code: str
    name: str
    asciiname: str
    geonameid: int


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """The columns of ``countryInfo.txt`` the gazetteer uses."""

    iso2: str
    iso3: str
    name: str
    capital: str
    area_km2: float
    population: int
    continent: str
    geonameid: int


def _lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for number, line in enumerate(handle, start=1):
                stripped = line.rstrip("\r\n")
                if stripped and not stripped.startswith("#"):
                    yield number, stripped.split("\t")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"cannot read GeoNames file {path}: {exc}") from exc


def read_places(path: Path) -> Iterator[GeoNamesRow]:
    """Stream the rows of a 19-column GeoNames place file."""
    for number, cells in _lines(path):
        if len(cells) != _PLACE_COLUMNS:
            raise GazetteerError(
                f"{path.name}:{number}: expected {_PLACE_COLUMNS} tab-separated columns, "
                f"found {len(cells)}"
            )
        try:
            yield GeoNamesRow(
                geonameid=int(cells[0]),
                name=cells[1],
                asciiname=cells[2],
                alternate_names=tuple(n for n in cells[3].split(",") if n.strip()),
                latitude=float(cells[4]),
                longitude=float(cells[5]),
                feature_class=cells[6],
                feature_code=cells[7],
                country=cells[8],
                admin1_code=cells[10],
                admin2_code=cells[11],
                population=int(cells[14] or 0),
                modified=cells[18],
            )
        except ValueError as exc:
            raise GazetteerError(f"{path.name}:{number}: {exc}") from exc


def read_admin_codes(path: Path) -> dict[str, AdminCode]:
    """Map ``CC.A1`` (admin1 file) or ``CC.A1.A2`` (admin2 file) to its entry."""
    codes: dict[str, AdminCode] = {}
    for number, cells in _lines(path):
        if len(cells) != 4:
            raise GazetteerError(f"{path.name}:{number}: expected 4 columns, found {len(cells)}")
        try:
            codes[cells[0]] = AdminCode(cells[0], cells[1], cells[2], int(cells[3]))
        except ValueError as exc:
            raise GazetteerError(f"{path.name}:{number}: {exc}") from exc
    return codes


def read_country_info(path: Path) -> dict[str, CountryInfo]:
    """Map ISO 3166-1 alpha-2 codes to the countries of ``countryInfo.txt``."""
    countries: dict[str, CountryInfo] = {}
    for number, cells in _lines(path):
        if cells[0] == "ISO":
            continue
        if len(cells) < 17:
            raise GazetteerError(f"{path.name}:{number}: expected 19 columns, found {len(cells)}")
        try:
            countries[cells[0]] = CountryInfo(
                iso2=cells[0],
                iso3=cells[1],
                name=cells[4],
                capital=cells[5],
                area_km2=float(cells[6] or 0),
                population=int(cells[7] or 0),
                continent=cells[8],
                geonameid=int(cells[16]),
            )
        except ValueError as exc:
            raise GazetteerError(f"{path.name}:{number}: {exc}") from exc
    return countries
