"""`sahelwatch demo`: ingest the bundled sample reports, code them, show and export the events."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from sahelwatch.cli._console import console, settings
from sahelwatch.cli.code import code_stored
from sahelwatch.cli.events import event_rows, print_table, write_rows
from sahelwatch.cli.ingest import ingest_sources
from sahelwatch.store import EventQuery


def register(app: typer.Typer) -> None:
    @app.command()
    def demo(
        out: Annotated[Path, typer.Option(help="Folder for events.csv and events.geojson.")] = Path(
            "demo-output"
        ),
    ) -> None:
        """Run the whole pipeline on the bundled sample corpus (safe to run again)."""
        current = settings()
        console.print(f"database: {current.db}")
        samples = resources.files("sahelwatch").joinpath("data", "samples")
        with resources.as_file(samples) as folder:
            added = ingest_sources([str(folder)], current)
        console.print(
            f"ingest: {added.added} new documents, {added.duplicates} already stored, "
            f"{added.rejected} rejected"
        )
        coded = code_stored(current)
        console.print(
            f"code: {coded.documents} documents coded, {coded.events} events, "
            f"{coded.assessments} assessments, {coded.without_event} without event"
        )
        rows = event_rows(current, EventQuery())
        print_table(rows)
        out.mkdir(parents=True, exist_ok=True)
        for name, kind in (("events.csv", "csv"), ("events.geojson", "geojson")):
            with (out / name).open("w", encoding="utf-8", newline="") as handle:
                write_rows(rows, kind, handle)
        console.print(
            f"wrote {out / 'events.csv'} and {out / 'events.geojson'} ({len(rows)} events)"
        )
