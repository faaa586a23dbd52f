"""The basemap builder: the shapefile and dBase reader, simplification, the GeoJSON it writes,
and ``sahelwatch basemap build``. Shapefiles are written by hand here, a few bytes each."""

from __future__ import annotations

import json
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sahelwatch.cli import app
from sahelwatch.shapefile import ShapefileError, read_records, read_shapes
from sahelwatch.web._simplify import polygons, signed_area, simplify_line, simplify_ring
from sahelwatch.web.basemap import BasemapError, build_basemap

Ring = Sequence[tuple[float, float]]


def shp(shapes: Sequence[Sequence[Ring] | None], kind: int = 5) -> bytes:
    """A shapefile of polygons (None: a null shape), as ESRI's specification lays it out."""
    records = b""
    for number, rings in enumerate(shapes, start=1):
        if rings is None:
            content = struct.pack("<i", 0)
        else:
            points = [p for ring in rings for p in ring]
            starts, at = [], 0
            for ring in rings:
                starts.append(at)
                at += len(ring)
            content = struct.pack("<i4d2i", kind, 0, 0, 0, 0, len(rings), len(points))
            content += struct.pack(f"<{len(starts)}i", *starts)
            content += b"".join(struct.pack("<2d", x, y) for x, y in points)
        records += struct.pack(">2i", number, len(content) // 2) + content
    header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(records)) // 2)
    header += struct.pack("<2i4d4d", 1000, kind, 0, 0, 0, 0, 0, 0, 0, 0)
    return header + records


def dbf(
    fields: Sequence[tuple[str, int]], rows: Sequence[dict[str, bytes]], deleted: int = -1
) -> bytes:
    """A dBase III table of text fields; row ``deleted`` is marked deleted."""
    header_length = 32 + 32 * len(fields) + 1
    record_length = 1 + sum(length for _, length in fields)
    out = struct.pack("<B3BIHH20x", 3, 124, 1, 1, len(rows), header_length, record_length)
    for name, length in fields:
        out += name.encode("ascii").ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([length, 0])
        out += b"\0" * 14
    out += b"\r"
    for index, row in enumerate(rows):
        out += b"*" if index == deleted else b" "
        out += b"".join(row.get(name, b"").ljust(length, b" ") for name, length in fields)
    return out + b"\x1a"


def square(x: float, y: float, size: float, clockwise: bool = True) -> list[tuple[float, float]]:
    ring = [(x, y), (x, y + size), (x + size, y + size), (x + size, y), (x, y)]
    return ring if clockwise else ring[::-1]


def test_read_shapes_gives_rings_and_null_shapes() -> None:
    data = shp([[square(0, 0, 1), square(0.2, 0.2, 0.5, clockwise=False)], None])

    first, second = read_shapes(data)

    assert len(first.rings) == 2 and first.rings[0][2] == (1.0, 1.0)
    assert second.rings == ()


def test_read_shapes_refuses_what_is_not_a_polygon_file() -> None:
    with pytest.raises(ShapefileError, match="bad file code"):
        list(read_shapes(b"\0" * 120))
    with pytest.raises(ShapefileError, match="shape type 1 is not a polygon"):
        list(read_shapes(shp([[square(0, 0, 1)]], kind=1)))


def test_read_records_decodes_utf8_and_windows_text_and_skips_deleted() -> None:
    rows = [{"NAME": "Ségou".encode()}, {"NAME": "Tillabéri".encode("cp1252")}, {"NAME": b"gone"}]

    records = list(read_records(dbf([("NAME", 20)], rows, deleted=2)))

    assert records == [{"NAME": "Ségou"}, {"NAME": "Tillabéri"}]


def test_simplify_line_keeps_corners_and_drops_near_points() -> None:
    line = [(0.0, 0.0), (1.0, 0.001), (2.0, 0.0), (2.0, 2.0)]
    assert simplify_line(line, 0.01) == [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0)]
    assert simplify_line(line, 0.0001) == line


def test_simplify_ring_drops_rings_too_small_to_see() -> None:
    assert simplify_ring(square(0, 0, 0.001), 0.01) is None
    kept = simplify_ring(square(0, 0, 1), 0.01)
    assert kept is not None and len(kept) == 4


def test_polygons_put_holes_in_their_outer_ring_counter_clockwise() -> None:
    outer, hole, island = square(0, 0, 4), square(1, 1, 1, clockwise=False), square(10, 10, 1)

    found = polygons([outer, hole, island])

    assert len(found) == 2
    assert len(found[0]) == 2 and signed_area(found[0][0]) > 0 and signed_area(found[0][1]) < 0
    assert len(found[1]) == 1


def boundaries(folder: Path) -> Path:
    """A boundaries folder: two countries (one in the Sahel, one far away), one region."""
    countries = shp([[square(-5, 12, 8)], [square(100, 40, 5)]])
    fields = [("ISO_A2", 3), ("NAME_EN", 20), ("NAME_FR", 20), ("LABEL_X", 10), ("LABEL_Y", 10)]
    mali = {"ISO_A2": b"ML", "NAME_EN": b"Mali", "NAME_FR": b"Mali"}
    mongolia = {"ISO_A2": b"MN", "NAME_EN": b"Mongolia", "NAME_FR": b"Mongolie"}
    table = dbf(fields, [
        mali | {"LABEL_X": b"-1", "LABEL_Y": b"16"},
        mongolia | {"LABEL_X": b"102", "LABEL_Y": b"42"},
    ])  # fmt: skip
    with zipfile.ZipFile(folder / "ne_10m_admin_0_countries_test.zip", "w") as archive:
        archive.writestr("ne_10m_admin_0_countries_test.shp", countries)
        archive.writestr("ne_10m_admin_0_countries_test.dbf", table)
    (folder / "sahel.shp").write_bytes(shp([[square(-4, 13, 2)]]))
    region_fields = [
        ("iso_a2", 3),
        ("name", 20),
        ("name_fr", 30),
        ("longitude", 10),
        ("latitude", 10),
    ]
    region = {"iso_a2": b"ML", "name": b"Segou", "name_fr": "Région de Ségou".encode("cp1252"),
              "longitude": b"-3", "latitude": b"14"}  # fmt: skip
    (folder / "sahel.dbf").write_bytes(dbf(region_fields, [region]))
    return folder


def test_build_basemap_writes_borders_regions_and_names(tmp_path: Path) -> None:
    out = tmp_path / "out"

    result = build_basemap(boundaries(tmp_path), out)

    assert (result.countries, result.regions) == (2, 1)
    collection = json.loads((out / "basemap.geojson").read_text("utf-8"))
    mali, mongolia, segou = collection["features"]
    assert mali["properties"] == {
        "kind": "country", "iso2": "ML", "name": "Mali", "name_fr": "Mali",
        "label": [-1.0, 16.0], "focus": True,
    }  # fmt: skip
    assert mongolia["properties"]["focus"] is False
    assert mali["geometry"]["type"] == "MultiPolygon"
    assert segou["properties"]["name_fr"] == "Région de Ségou"
    names = json.loads((out / "country_names.json").read_text("utf-8"))
    assert names == {"ML": {"en": "Mali", "fr": "Mali"}, "MN": {"en": "Mongolia", "fr": "Mongolie"}}


def test_build_basemap_explains_missing_files(tmp_path: Path) -> None:
    with pytest.raises(BasemapError, match="no ne_10m_admin_0_countries"):
        build_basemap(tmp_path, tmp_path / "out")
    (tmp_path / "ne_10m_admin_0_countries_x.zip").write_bytes(b"not a zip")
    with pytest.raises(BasemapError, match="cannot read boundaries"):
        build_basemap(tmp_path, tmp_path / "out")


def test_basemap_build_command(tmp_path: Path) -> None:
    folder = boundaries(tmp_path)
    result = CliRunner().invoke(
        app, ["basemap", "build", "--boundaries", str(folder), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 0, result.output
    assert "2 countries and 1 admin-1 regions written" in result.output
    assert (tmp_path / "o" / "basemap.geojson").exists()
