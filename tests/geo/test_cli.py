"""The geo commands through the CLI (skipped while another stage's code cannot be imported)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sahelwatch.geo.gazetteer import user_gazetteer_path

from .samples import row

cli = pytest.importorskip("sahelwatch.cli", reason="the CLI package does not import")


def test_geocode_resolves_the_given_spans(tmp_path: Path) -> None:
    text = "Drones struck Malian Tinzaouaten; Algerian Tinzaouaten was calm."
    first, second = text.index("Tinzaouaten"), text.rindex("Tinzaouaten")
    spans = [{"start": first, "end": first + 11}, {"start": second, "end": second + 11}]
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "1", "text": text, "spans": spans}) + "\nnot json\n", "utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli.app, ["geocode", "--input", str(source), "--output", str(out)])
    assert result.exit_code == 0, result.output
    first_line, second_line = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [p["country"] for p in first_line["places"]] == ["ML", "DZ"]
    assert {"geonameid", "admin1", "admin2", "feature_code", "latitude"} <= set(
        first_line["places"][0]
    )
    assert second_line["rejected"].startswith("malformed")


def test_gazetteer_add_writes_the_users_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAHELWATCH_DATA_DIR", str(tmp_path / "data"))
    dump = tmp_path / "DZ.txt"
    line = row(2479215, "Tamanrasset", "Tamanghasset", 22.785, 5.52278, "P", "PPLA", "DZ", "IG")
    dump.write_text(line + "\n", "utf-8")
    result = CliRunner().invoke(cli.app, ["gazetteer", "add", str(dump)])
    assert result.exit_code == 0, result.output
    assert user_gazetteer_path(tmp_path / "data").is_file()
