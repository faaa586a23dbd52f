"""The CLI end to end, as a user runs it: real files, real models, a real database."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sahelwatch.cli import app

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
runner = CliRunner()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SAHELWATCH_DB", f"sqlite:///{tmp_path / 'test.db'}")
    monkeypatch.setenv("SAHELWATCH_SETTINGS", "")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    yield tmp_path


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _sahelwatch(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sahelwatch", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
        timeout=120,
    )


@pytest.mark.slow
def test_demo_twice_adds_no_duplicates(workdir: Path) -> None:
    first = runner.invoke(app, ["demo"])
    assert first.exit_code == 0, first.output
    assert "30 new documents" in first.output
    rows = _csv_rows(workdir / "demo-output" / "events.csv")
    assert len(rows) >= 30
    assert {row["country"] for row in rows} >= {"Mali", "Niger", "Burkina Faso"}
    geojson = json.loads((workdir / "demo-output" / "events.geojson").read_text("utf-8"))
    assert len(geojson["features"]) == len(rows)

    second = runner.invoke(app, ["demo"])
    assert second.exit_code == 0, second.output
    assert "0 new documents, 30 already stored" in second.output
    assert "0 documents coded" in second.output
    again = _csv_rows(workdir / "demo-output" / "events.csv")
    assert len(again) == len(rows)


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside the checkout")
def test_seeds_with_random_bytes_are_coded_and_the_noise_rejected(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAHELWATCH_DB", db_url)
    folder = tmp_path / "inbox"
    folder.mkdir()
    for seed in SEEDS.iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "noise.txt").write_bytes(os.urandom(4096) + b"\x00")

    ingested = runner.invoke(app, ["ingest", str(folder)])
    assert ingested.exit_code == 3
    assert "2 documents added" in ingested.output
    rejects = runner.invoke(app, ["rejects"])
    assert "noise.txt" in rejects.output and "binary" in rejects.output

    assert runner.invoke(app, ["code"]).exit_code == 0
    listed = runner.invoke(app, ["events", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    events = [json.loads(line) for line in listed.output.splitlines()]
    by_doc = {doc for event in events for doc in event["document_ids"].split(";")}
    assert len(by_doc) == 2
    kinds = {event["ext_sub_event_type"] for event in events}
    assert {"Air/drone strike", "Forced expulsion", "Disease outbreak"} <= kinds
    assert "Border fortification" in kinds


@pytest.mark.slow
def test_extract_follows_the_contract(workdir: Path) -> None:
    lines = [
        {"id": "a", "text": "Gunmen killed at least 12 villagers near Djibo on 3 March 2025.",
         "published": "2025-03-05"},
        {"id": "b", "text": "Le 12 mars, une frappe de drone de l'armée malienne a tué "
         "une dizaine de civils près de Kidal.", "published": "2025-03-14", "language": "fr"},
        {"id": "c", "published": "not a date", "text": "x"},
    ]  # fmt: skip
    source = workdir / "in.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n{broken\n", "utf-8")
    result = runner.invoke(app, ["extract", "--input", str(source), "--output", "out.jsonl"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in (workdir / "out.jsonl").read_text("utf-8").splitlines()]
    assert [line["id"] for line in out] == ["a", "b", "c", None]
    first = out[0]["events"][0]
    assert first["fatalities"] == 12 and first["date"] == "2025-03-03"
    assert first["date_precision"] == "day"
    assert first["evidence"] and {"start", "end"} <= set(first["evidence"][0])
    assert out[1]["language"] == "fr" and out[1]["events"][0]["fatalities"] == 10
    assert out[2]["rejected"].startswith("malformed: published")
    assert out[3]["rejected"].startswith("malformed")


def test_bad_database_url_is_one_line_exit_1(tmp_path: Path) -> None:
    result = _sahelwatch("rejects", env={"SAHELWATCH_DB": "nosuchdb://x", "HOME": str(tmp_path)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_settings_file_is_one_line_exit_1(tmp_path: Path) -> None:
    user = tmp_path / "s.toml"
    user.write_text("db = \n", "utf-8")
    result = _sahelwatch("rejects", env={"SAHELWATCH_SETTINGS": str(user)})
    assert result.returncode == 1
    assert "not valid TOML" in result.stderr
    assert "Traceback" not in result.stderr


def test_events_bad_date_is_a_usage_error(workdir: Path) -> None:
    result = runner.invoke(app, ["events", "--since", "yesterday"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
