"""The dashboard's offline basemap: country borders and Sahel admin-1 boundaries as GeoJSON.

Built once, by ``sahelwatch basemap build``, from Natural Earth (public domain) files in
``shared/gazetteer/boundaries``: the 10 m admin-0 countries zip and the Sahel admin-1 extract
(``sahel.shp``/``.dbf``). Shapes are read without a GIS library (:mod:`._shapefile`) and
simplified with Douglas-Peucker (:mod:`._simplify`): finely around the Sahel, coarsely far
from it, coordinates rounded to about 100 m, so that the shipped file stays small (under
3 MB). The build also writes each country's English and French name, for the filter bar.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sahelwatch.errors import SahelwatchError
from sahelwatch.shapefile import ShapefileError, read_records, read_shapes
from sahelwatch.web._simplify import polygons, signed_area, simplify_ring

BASEMAP_FILE = "basemap.geojson"
NAMES_FILE = "country_names.json"
COUNTRIES_ZIP = "ne_10m_admin_0_countries*.zip"
ADMIN1_STEM = "sahel"
# (west, south, east, north): countries reaching into it are drawn finely.
FOCUS = (-26.0, -6.0, 52.0, 40.0)
FINE, COARSE, ADMIN1 = 0.008, 0.1, 0.006  # tolerances, in degrees
DIGITS = 3
MIN_AREA = 0.02  # square degrees: smaller islands are left out far from the focus


class BasemapError(SahelwatchError):
    """The boundary files are missing or cannot be read."""


@dataclass(frozen=True, slots=True)
class BasemapResult:
    countries: int
    regions: int
    size_bytes: int
    path: Path


def _zip_members(path: Path) -> tuple[bytes, bytes]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        shp = next((n for n in names if n.lower().endswith(".shp")), None)
        dbf = next((n for n in names if n.lower().endswith(".dbf")), None)
        if shp is None or dbf is None:
            raise BasemapError(f"{path} holds no .shp and .dbf pair")
        return archive.read(shp), archive.read(dbf)


def _in_focus(rings: tuple[tuple[tuple[float, float], ...], ...]) -> bool:
    west, south, east, north = FOCUS
    return any(west <= x <= east and south <= y <= north for ring in rings for x, y in ring)


def _geometry(rings: Any, tolerance: float, min_area: float) -> dict[str, Any] | None:
    kept = []
    for ring in rings:
        simple = simplify_ring(ring, tolerance)
        if simple is not None and abs(signed_area(simple + simple[:1])) >= min_area:
            kept.append([*simple, simple[0]])
    if not kept:
        return None
    shapes = [
        [[[round(x, DIGITS), round(y, DIGITS)] for x, y in ring] for ring in polygon]
        for polygon in polygons(kept)
    ]
    return {"type": "MultiPolygon", "coordinates": shapes}


def _number(value: str) -> float | None:
    try:
        return round(float(value), DIGITS)
    except ValueError:
        return None


def _countries(path: Path) -> Iterator[dict[str, Any]]:
    shp, dbf = _zip_members(path)
    for shape, record in zip(read_shapes(shp), read_records(dbf), strict=True):
        focus = _in_focus(shape.rings)
        tolerance, min_area = (FINE, FINE * FINE) if focus else (COARSE, MIN_AREA)
        geometry = _geometry(shape.rings, tolerance, min_area)
        if geometry is None:
            continue
        iso2 = record.get("ISO_A2_EH") or record.get("ISO_A2") or ""
        properties = {
            "kind": "country",
            "iso2": iso2 if len(iso2) == 2 else None,
            "name": record.get("NAME_EN") or record.get("NAME"),
            "name_fr": record.get("NAME_FR") or record.get("NAME"),
            "label": [_number(record.get("LABEL_X", "")), _number(record.get("LABEL_Y", ""))],
            "focus": focus,
        }
        yield {"type": "Feature", "properties": properties, "geometry": geometry}


def _regions(folder: Path) -> Iterator[dict[str, Any]]:
    shp = (folder / f"{ADMIN1_STEM}.shp").read_bytes()
    dbf = (folder / f"{ADMIN1_STEM}.dbf").read_bytes()
    for shape, record in zip(read_shapes(shp), read_records(dbf), strict=True):
        geometry = _geometry(shape.rings, ADMIN1, ADMIN1 * ADMIN1)
        if geometry is None:
            continue
        properties = {
            "kind": "admin1",
            "iso2": record.get("iso_a2"),
            "name": record.get("name"),
            "name_fr": record.get("name_fr") or record.get("name"),
            "label": [_number(record.get("longitude", "")), _number(record.get("latitude", ""))],
        }
        yield {"type": "Feature", "properties": properties, "geometry": geometry}


def country_names(features: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """ISO alpha-2 -> {"en": name, "fr": name} for the countries of the basemap."""
    names: dict[str, dict[str, str]] = {}
    for feature in features:
        props: Mapping[str, Any] = feature["properties"]
        if props["kind"] == "country" and props["iso2"] and props["iso2"] not in names:
            names[props["iso2"]] = {"en": props["name"], "fr": props["name_fr"]}
    return dict(sorted(names.items()))


def build_basemap(boundaries: Path, out: Path) -> BasemapResult:
    """Write ``basemap.geojson`` and ``country_names.json`` into ``out`` from ``boundaries``."""
    zips = sorted(boundaries.glob(COUNTRIES_ZIP))
    if not zips:
        raise BasemapError(f"no {COUNTRIES_ZIP} in {boundaries}")
    try:
        countries = list(_countries(zips[0]))
        regions = list(_regions(boundaries))
    except (OSError, zipfile.BadZipFile, ShapefileError, ValueError) as exc:
        raise BasemapError(f"cannot read boundaries in {boundaries}: {exc}") from exc
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 10m admin-0 countries and admin-1 (public domain), simplified",
        "features": countries + regions,
    }
    out.mkdir(parents=True, exist_ok=True)
    path = out / BASEMAP_FILE
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, "utf-8")
    names = json.dumps(country_names(countries), ensure_ascii=False, indent=0, sort_keys=True)
    (out / NAMES_FILE).write_text(names + "\n", "utf-8")
    return BasemapResult(len(countries), len(regions), len(text.encode("utf-8")), path)
