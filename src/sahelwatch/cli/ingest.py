"""`sahelwatch ingest`: read files, folders, feeds or URLs and store them as received."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import typer

from sahelwatch.cli._console import EXIT_REJECTED, console, progress, report_reject, settings, store
from sahelwatch.ingest import read_sources
from sahelwatch.model import Document, Rejected
from sahelwatch.settings import Settings
from sahelwatch.store import AddResult


def ingest_sources(sources: list[str], current: Settings) -> AddResult:
    """Store every readable document; print one line per rejected input."""

    def reporting() -> Iterator[Document | Rejected]:
        for item in read_sources(sources, current):
            if isinstance(item, Rejected):
                report_reject(item)
            yield item

    with store(current) as db:
        return db.add_documents(progress(reporting(), "ingesting"))


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        sources: Annotated[
            list[str], typer.Argument(help="Files, folders (walked), feeds or URLs.")
        ],
    ) -> None:
        """Store documents as received; bad input is listed as rejected, the rest goes on."""
        result = ingest_sources(sources, settings())
        console.print(
            f"{result.added} documents added, {result.duplicates} already stored, "
            f"{result.rejected} rejected"
        )
        if result.rejected:
            raise typer.Exit(EXIT_REJECTED)
