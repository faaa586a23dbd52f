"""`sahelwatch extract`: the JSONL-in, JSONL-out coder of the extract contract (no database)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from sahelwatch.cli._console import console, progress, settings
from sahelwatch.coding import Toolkit, build_toolkit, code_documents
from sahelwatch.contract import (
    ExtractRequest,
    extraction_json,
    parse_request,
    rejected_json,
    request_id,
)
from sahelwatch.errors import SourceError
from sahelwatch.ingest import LanguageResolver
from sahelwatch.model import Document


def _document(request: ExtractRequest, language: str | None) -> Document:
    return Document(
        id=request.id, text=request.text, raw=request.text.encode("utf-8"), language=language,
        published=request.published, title=request.title, url=request.url, source=request.id,
    )  # fmt: skip


def extract_lines(lines: IO[str], toolkit: Toolkit) -> Iterator[dict[str, Any]]:
    """One output object per input line, in input order."""
    resolver = LanguageResolver(toolkit.settings.languages)
    for line in lines:
        if not line.strip():
            continue
        request = parse_request(line)
        if isinstance(request, str):
            yield rejected_json(request_id(line), None, f"malformed: {request}")
            continue
        language = resolver.resolve(request.text, request.language)
        if isinstance(language, str):
            document = _document(request, language)
            for extraction, _ in code_documents([document], toolkit):
                yield extraction_json(request.id, extraction)
        else:
            yield rejected_json(request.id, None, f"language: {language.detail}")


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        source: Annotated[
            Path, typer.Option("--input", help="JSONL of {id, text, published?, ...}; - for stdin.")
        ],
        output: Annotated[Path, typer.Option("--output", help="JSONL to write; - for stdout.")],
    ) -> None:
        """Code texts from a JSONL file into events, following the documented contract."""
        toolkit = build_toolkit(settings())
        try:
            lines = sys.stdin if str(source) == "-" else source.open(encoding="utf-8")
            target = sys.stdout if str(output) == "-" else output.open("w", encoding="utf-8")
        except OSError as exc:
            raise SourceError(f"cannot open {exc.filename}: {exc.strerror}") from exc
        count = 0
        with lines, target:
            for item in progress(extract_lines(lines, toolkit), "extracting"):
                target.write(json.dumps(item, ensure_ascii=False) + "\n")
                count += 1
        if str(output) != "-":
            console.print(f"{count} lines written to {output}")
