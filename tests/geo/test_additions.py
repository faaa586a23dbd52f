from __future__ import annotations

import json
from pathlib import Path

import pytest

from sahelwatch.errors import GazetteerError
from sahelwatch.geo.additions import read_additions, shipped_additions_path

LINE = {
    "geonameid": -7,
    "name": "Somewhere",
    "lat": 19.0,
    "lon": 2.0,
    "feature_code": "PPL",
    "country": "ML",
    "source": "A sentence saying where the fact comes from.",
}


def _write(tmp_path: Path, *lines: dict[str, object]) -> Path:
    path = tmp_path / "places.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    return path


def test_read_additions_infers_the_feature_class(tmp_path: Path) -> None:
    region = {**LINE, "geonameid": -8, "feature_code": "ADM1"}
    places = read_additions(_write(tmp_path, LINE, region))
    assert [p.resolved_feature_class() for p in places] == ["P", "A"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"source": "?"}, "source"),
        ({"country": "Mali"}, "country"),
        ({"lat": 123.0}, "lat"),
        ({"colour": "red"}, "colour"),
        ({"feature_code": "HLL"}, "feature_class"),
    ],
)
def test_read_additions_rejects_bad_lines(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    with pytest.raises(GazetteerError, match=message):
        read_additions(_write(tmp_path, {**LINE, **change}))


def test_read_additions_rejects_repeated_ids(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="repeated"):
        read_additions(_write(tmp_path, LINE, LINE))


def test_shipped_additions_curate_the_border_places() -> None:
    places = {p.geonameid: p for p in read_additions(shipped_additions_path())}
    algerian = next(p for p in places.values() if p.country == "DZ")
    assert algerian.geonameid < 0
    assert "Tinzaouaten" in algerian.alternate_names
    assert "Bordj Pierre Bordes" not in places[2476086].alternate_names
    assert any(p.name == "Inaghalawass" and p.country == "ML" for p in places.values())
