"""`sahelwatch rejects`: what could not be read or coded, and why."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from sahelwatch.cli._console import console, settings, store


def register(app: typer.Typer) -> None:
    @app.command()
    def rejects(
        stage: Annotated[str | None, typer.Option(help="ingest, nlp or extract.")] = None,
    ) -> None:
        """List rejected inputs with the stage and the reason."""
        with store(settings()) as db:
            found = db.rejects(stage)
        table = Table(title=f"{len(found)} rejected")
        for column in ("stage", "reason", "source", "detail"):
            table.add_column(column, overflow="fold")
        for item in found:
            table.add_row(item.stage, item.reason, item.source, item.detail)
        console.print(table)
