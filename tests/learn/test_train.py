"""Training the sub-event classifier on an (invented) ACLED-format file, saving and loading it,
and the `train` and `evaluate acled` commands."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sahelwatch.cli import app
from sahelwatch.coding import Toolkit
from sahelwatch.learn.acled import read_acled
from sahelwatch.learn.model import load_model, model_path
from sahelwatch.learn.train import fit_on_rows

pytestmark = pytest.mark.slow

# Invented notes in ACLED's style (not taken from any ACLED file).
NOTES = {
    ("Battles", "Armed clash"): "On {d} January 2021, soldiers clashed with militants near T{n}.",
    ("Violence against civilians", "Attack"): "On {d} January 2021, gunmen shot dead {n} people.",
    ("Protests", "Peaceful protest"): "On {d} January 2021, teachers held a sit-in over wages.",
}


def write_rows(path: Path, copies: int = 8) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country",
             "latitude", "longitude", "fatalities", "notes"]
        )  # fmt: skip
        for number in range(copies):
            for (event_type, sub), note in NOTES.items():
                day = number % 27 + 1
                writer.writerow([f"INV{len(event_type)}{number}{sub[:2]}", f"2021-01-{day:02d}",
                                 event_type, sub, "Protesters (Mali)", "Mali", "", "", 0,
                                 note.format(d=day, n=number + 2)])  # fmt: skip


def test_fit_on_rows_learns_the_types(tmp_path: Path, toolkit: Toolkit) -> None:
    path = tmp_path / "invented.csv"
    write_rows(path)
    result = fit_on_rows(read_acled(path), toolkit)
    assert result.rows == 24
    assert set(result.classes) == {"Armed clash", "Attack", "Peaceful protest"}
    label, probability = result.model.predict(
        "teachers held a sit-in over wages", ("rule=Peaceful protest",)
    )
    assert label == "Peaceful protest" and 0 < probability <= 1


def test_train_command_saves_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "invented.csv"
    write_rows(path)
    data = tmp_path / "data"
    monkeypatch.setenv("SAHELWATCH_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    result = CliRunner().invoke(app, ["train", "--acled", str(path)])
    assert result.exit_code == 0, result.output
    assert model_path(data).is_file()
    assert load_model(data) is not None
    assert load_model(tmp_path / "nowhere") is None

    scored = CliRunner().invoke(app, ["evaluate", "acled", str(path), "--json", "--rules-only"])
    assert scored.exit_code == 0, scored.output
    figures = json.loads(scored.stdout)
    for key in ("n", "event_type_accuracy", "sub_event_type_weighted_f1",
                "sub_event_type_macro_f1", "country_accuracy", "within_25km", "within_50km",
                "within_161km", "fatalities_exact", "fatalities_mae", "actor1_match",
                "no_event_rate", "per_class"):  # fmt: skip
        assert key in figures
    assert figures["n"] == 24
