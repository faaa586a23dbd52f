"""`sahelwatch evaluate acled` and `sahelwatch evaluate gold`: score the event coder."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from sahelwatch.cli._console import console, settings
from sahelwatch.evaluate.acled import evaluate_acled
from sahelwatch.evaluate.gold import evaluate_gold

_ACLED_KEYS = (
    "n", "event_type_accuracy", "sub_event_type_weighted_f1", "sub_event_type_macro_f1",
    "country_accuracy", "within_25km", "within_50km", "within_161km", "fatalities_exact",
    "fatalities_mae", "actor1_match", "no_event_rate",
)  # fmt: skip
_GOLD_KEYS = (
    "documents", "gold_events", "events_found", "all_right", "country", "modality",
    "date_precision", "date", "sub_event_type", "fatalities", "actor1", "assessments_found",
    "no_event_right", "recalled_as_new", "extra_events",
)  # fmt: skip


def _published(values: list[str]) -> dict[str, dt.date]:
    dates: dict[str, dt.date] = {}
    for value in values:
        name, _, date = value.partition("=")
        try:
            dates[name] = dt.date.fromisoformat(date)
        except ValueError:
            raise typer.BadParameter(f"{value!r}: expected DOC=YYYY-MM-DD") from None
    return dates


def _print_acled(figures: dict[str, Any]) -> None:
    table = Table(title=f"ACLED evaluation ({figures.get('coder')})")
    table.add_column("class")
    for key in _ACLED_KEYS:
        table.add_column(key.replace("_", " "), justify="right")
    rows = [("all", figures), *figures.get("per_class", {}).items()]
    for name, values in rows:
        table.add_row(name, *(_cell(values.get(key)) for key in _ACLED_KEYS))
    console.print(table)
    subs = Table(title="sub-event types")
    for column in ("sub-event type", "support", "precision", "recall", "f1"):
        subs.add_column(column, justify="left" if column == "sub-event type" else "right")
    for name, values in figures.get("per_sub_event_type", {}).items():
        subs.add_row(name, *(_cell(values[k]) for k in ("support", "precision", "recall", "f1")))
    console.print(subs)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)


def register(app: typer.Typer) -> None:
    """Add ``evaluate acled`` and ``evaluate gold`` to ``app``."""
    _register_acled(app)
    _register_gold(app)


def _register_acled(app: typer.Typer) -> None:
    @app.command("acled")
    def acled(
        path: Annotated[Path, typer.Argument(help="ACLED-format CSV with notes.")],
        train_on: Annotated[
            Path | None,
            typer.Option(
                "--train-on",
                help="Train a classifier on this ACLED CSV first "
                "(in memory); its rows are left out of the scoring.",
            ),
        ] = None,
        rules_only: Annotated[
            bool, typer.Option("--rules-only", help="Leave out the user's trained classifier.")
        ] = False,
        limit: Annotated[
            int | None, typer.Option("--limit", help="Score a fixed pseudo-random subset.")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    ) -> None:
        """Code the notes of an ACLED CSV and compare with ACLED's own coding."""
        figures = evaluate_acled(
            path, settings(), train_on=train_on, rules_only=rules_only, limit=limit
        )
        if as_json:
            print(json.dumps(figures, ensure_ascii=False))
        else:
            _print_acled(figures)


def _register_gold(app: typer.Typer) -> None:
    @app.command("gold")
    def gold(
        path: Annotated[Path, typer.Argument(help="Gold JSONL (the seeds' format).")],
        docs: Annotated[Path, typer.Option("--docs", help="Folder of the gold's documents.")],
        published: Annotated[
            list[str] | None,
            typer.Option(
                "--published",
                help="DOC=YYYY-MM-DD: publication date of a document that gives none (repeatable).",
            ),
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    ) -> None:
        """Code the gold's documents and compare with the gold."""
        figures = evaluate_gold(path, docs, settings(), _published(published or []))
        if as_json:
            print(json.dumps(figures, ensure_ascii=False))
            return
        table = Table(title=f"gold evaluation ({figures.get('coder')})")
        table.add_column("figure")
        table.add_column("value", justify="right")
        for key in _GOLD_KEYS:
            table.add_row(key.replace("_", " "), _cell(figures.get(key)))
        console.print(table)
        for key in ("missed", "recalled_as_new_ids", "extra"):
            if figures.get(key):
                console.print(f"{key.replace('_', ' ')}: {', '.join(figures[key])}")
        for line in figures.get("wrong", []):
            console.print(f"wrong: {line}", markup=False)
