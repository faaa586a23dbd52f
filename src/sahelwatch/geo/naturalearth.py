"""Country label points and names from Natural Earth's admin-0 countries (public domain).

Reads the attribute table (``.dbf``) of ``ne_10m_admin_0_countries*.zip`` without any GIS
library: the gazetteer needs one representative point per country (``LABEL_X``/``LABEL_Y``)
and the English, French and Arabic country names, not the polygons.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from sahelwatch.errors import GazetteerError
from sahelwatch.shapefile import ShapefileError, read_records

__all__ = ["CountryLabel", "read_country_labels"]

_NAME_FIELDS = ("NAME", "NAME_LONG", "ADMIN", "NAME_EN", "NAME_FR", "FORMAL_EN", "FORMAL_FR")
_ARABIC_FIELDS = ("NAME_AR",)


@dataclass(frozen=True, slots=True)
class CountryLabel:
    """Where to put a country's label, and what it is called."""

    iso2: str
    latitude: float
    longitude: float
    names: tuple[str, ...]


def read_country_labels(path: Path) -> dict[str, CountryLabel]:
    """Map ISO alpha-2 codes to label points and names, from the zip or a bare ``.dbf``."""
    try:
        data = _dbf_bytes(path)
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        raise GazetteerError(f"cannot read Natural Earth countries {path}: {exc}") from exc
    try:
        records = list(read_records(data))
    except ShapefileError as exc:
        raise GazetteerError(f"{path.name}: {exc}") from exc
    labels: dict[str, CountryLabel] = {}
    for record in records:
        iso2 = record.get("ISO_A2_EH") or record.get("ISO_A2", "")
        if len(iso2) != 2 or iso2 in labels:
            continue
        try:
            longitude, latitude = float(record["LABEL_X"]), float(record["LABEL_Y"])
        except (KeyError, ValueError) as exc:
            raise GazetteerError(f"{path.name}: no label point for {iso2}: {exc}") from exc
        fields = (*_NAME_FIELDS, *_ARABIC_FIELDS)
        names = tuple(dict.fromkeys(record[f] for f in fields if record.get(f)))
        labels[iso2] = CountryLabel(iso2, latitude, longitude, names)
    return labels


def _dbf_bytes(path: Path) -> bytes:
    if path.suffix.lower() == ".dbf":
        return path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        members = [n for n in archive.namelist() if n.lower().endswith(".dbf")]
        if not members:
            raise KeyError("the archive holds no .dbf file")
        return archive.read(members[0])
