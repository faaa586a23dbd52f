"""`sahelwatch code`: code the stored documents that are not coded yet."""

from __future__ import annotations

from dataclasses import dataclass

import typer

from sahelwatch.cli._console import console, progress, settings, store
from sahelwatch.coding import build_toolkit, code_documents
from sahelwatch.settings import Settings


@dataclass(frozen=True, slots=True)
class CodeResult:
    documents: int
    events: int
    assessments: int
    without_event: int


# After coding this many documents the planner's statistics are refreshed (Store.optimize).
BULK_DOCUMENTS = 1000


def code_stored(current: Settings) -> CodeResult:
    """Code every document not yet coded by this coder version; each document is one transaction."""
    toolkit = build_toolkit(current)
    documents = events = assessments = empty = 0
    with store(current) as db:
        pending = list(db.documents_to_code(toolkit.version))
        for extraction, found in progress(code_documents(pending, toolkit), "coding", len(pending)):
            db.save_extraction(extraction, found, toolkit.version)
            documents += 1
            events += len(found)
            assessments += len(extraction.assessments)
            empty += extraction.rejected is not None
        if documents >= BULK_DOCUMENTS:
            db.optimize()
    return CodeResult(documents, events, assessments, empty)


def register(app: typer.Typer) -> None:
    @app.command()
    def code() -> None:
        """Code stored documents not coded yet (or coded by an older coder)."""
        result = code_stored(settings())
        console.print(
            f"{result.documents} documents coded: {result.events} events, "
            f"{result.assessments} assessments, {result.without_event} without event"
        )
