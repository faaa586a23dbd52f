"""A small reader for ESRI shapefiles of polygons (``.shp``) and their dBase tables (``.dbf``).

Enough for Natural Earth boundaries, with no GIS library: polygon records (types 5, 15, 25;
Z and M values ignored) become lists of rings, rings of (x, y) points; dBase III records become
dicts of stripped strings. Text is UTF-8 when it decodes as such, else Windows-1252 (Natural
Earth's admin-1 tables mix both).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

Point = tuple[float, float]
Ring = list[Point]

_POLYGON_TYPES = {5, 15, 25}
_NULL_SHAPE = 0
_FILE_CODE = 9994
_HEADER = 100
_FIELD_TERMINATOR = 0x0D


class ShapefileError(ValueError):
    """The bytes are not a shapefile or dBase table this reader understands."""


@dataclass(frozen=True, slots=True)
class Shape:
    """One record: its rings as stored (outer rings clockwise, holes counter-clockwise)."""

    rings: tuple[tuple[Point, ...], ...]


def read_shapes(data: bytes) -> Iterator[Shape]:
    """The polygon records of a ``.shp`` file, in order (a null shape has no rings)."""
    if len(data) < _HEADER or struct.unpack(">i", data[:4])[0] != _FILE_CODE:
        raise ShapefileError("not a shapefile (bad file code)")
    offset = _HEADER
    while offset + 8 <= len(data):
        _, words = struct.unpack(">ii", data[offset : offset + 8])
        content = data[offset + 8 : offset + 8 + 2 * words]
        offset += 8 + 2 * words
        if len(content) < 4:
            raise ShapefileError("truncated record")
        (kind,) = struct.unpack("<i", content[:4])
        if kind == _NULL_SHAPE:
            yield Shape(())
            continue
        if kind not in _POLYGON_TYPES:
            raise ShapefileError(f"shape type {kind} is not a polygon")
        yield Shape(_rings(content))


def _rings(content: bytes) -> tuple[tuple[Point, ...], ...]:
    parts_count, points_count = struct.unpack("<ii", content[36:44])
    starts = struct.unpack(f"<{parts_count}i", content[44 : 44 + 4 * parts_count])
    base = 44 + 4 * parts_count
    if len(content) < base + 16 * points_count:
        raise ShapefileError("truncated polygon")
    flat = struct.unpack(f"<{2 * points_count}d", content[base : base + 16 * points_count])
    points = list(zip(flat[0::2], flat[1::2], strict=True))
    ends = [*starts[1:], points_count]
    return tuple(tuple(points[start:end]) for start, end in zip(starts, ends, strict=True))


def _text(raw: bytes) -> str:
    raw = raw.strip(b"\0 ")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def read_records(data: bytes) -> Iterator[dict[str, str]]:
    """The records of a dBase III table as stripped strings (deleted records skipped)."""
    if len(data) < 32:
        raise ShapefileError("not a dBase file")
    count, header_length, record_length = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    offset = 32
    while offset < header_length and data[offset] != _FIELD_TERMINATOR:
        name = data[offset : offset + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[offset + 16]))
        offset += 32
    for index in range(count):
        start = header_length + index * record_length
        record = data[start : start + record_length]
        if len(record) < record_length:
            raise ShapefileError("truncated dBase record")
        if record[:1] == b"*":
            continue
        position, values = 1, {}
        for name, length in fields:
            values[name] = _text(record[position : position + length])
            position += length
        yield values
