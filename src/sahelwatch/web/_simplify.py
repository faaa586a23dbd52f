"""Polygon simplification (Douglas-Peucker) and ring bookkeeping for the basemap.

Pure Python: the basemap is built once by a developer command, not at run time.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

Point = tuple[float, float]


def _distance_sq(point: Point, start: Point, end: Point) -> float:
    """Squared distance from ``point`` to the segment ``start``-``end``."""
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return (x - x1) ** 2 + (y - y1) ** 2
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return (x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2


def simplify_line(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the points farther than ``tolerance`` from the simplified line stay."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, -1
        for i in range(first + 1, last):
            distance = _distance_sq(points[i], points[first], points[last])
            if distance > farthest:
                farthest, index = distance, i
        if index >= 0 and farthest > limit:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(ring: Sequence[Point], tolerance: float) -> list[Point] | None:
    """A ring simplified, returned open (without its closing point), or None when too little of
    it is left to enclose anything (under 3 points).

    The ring is cut at its farthest point from the first, so that the closing point is
    never the only anchor of the simplification.
    """
    if len(ring) < 4:
        return None
    open_ring = list(ring[:-1]) if ring[0] == ring[-1] else list(ring)
    origin = open_ring[0]
    far = max(range(len(open_ring)), key=lambda i: _distance_sq(open_ring[i], origin, origin))
    first = simplify_line(open_ring[: far + 1], tolerance)
    second = simplify_line([*open_ring[far:], open_ring[0]], tolerance)
    points = first[:-1] + second[:-1]
    return points if len(points) >= 3 else None


def signed_area(ring: Sequence[Point]) -> float:
    """Shoelace area: positive for counter-clockwise rings."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring)) / 2


def contains(ring: Sequence[Point], point: Point) -> bool:
    """Whether ``point`` is inside ``ring`` (even-odd rule)."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def polygons(rings: Sequence[Sequence[Point]]) -> list[list[list[Point]]]:
    """Group shapefile rings into polygons: each outer (clockwise) ring with its holes.

    Rings come out as GeoJSON wants them (RFC 7946): outer rings counter-clockwise, holes
    clockwise.
    """
    outers: list[list[list[Point]]] = []
    holes: list[list[Point]] = []
    for ring in rings:
        if signed_area(ring) < 0:
            outers.append([list(reversed(ring))])
        else:
            holes.append(list(ring))
    for hole in holes:
        owner = next((poly for poly in outers if contains(poly[0], hole[0])), None)
        if owner is not None:
            owner.append(list(reversed(hole)))
        else:  # an outer ring wound the wrong way round: keep it, counter-clockwise already
            outers.append([hole])
    return outers
