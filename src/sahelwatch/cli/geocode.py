"""`sahelwatch geocode`: toponyms of texts in a JSONL file, recognised or given, resolved."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sahelwatch.cli._console import console, progress, settings
from sahelwatch.contract import place_json
from sahelwatch.errors import SourceError
from sahelwatch.geo import Geoparser, build_geoparser, open_gazetteer
from sahelwatch.ingest import LanguageResolver
from sahelwatch.model import PlaceMention, Span


class _SpanIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class GeocodeRequest(BaseModel):
    """One input line: ``{"id", "text", "published"?, "language"?, "spans"?: [{start, end}]}``."""

    model_config = ConfigDict(extra="ignore")
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    language: str | None = None
    spans: list[_SpanIn] | None = None


def mention_json(mention: PlaceMention) -> dict[str, Any]:
    """A place of the extract contract, plus admin1, admin2 and the rule that resolved it."""
    place = mention.place
    return {
        **place_json(mention),
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "rule": mention.rule,
    }


def geocode_lines(
    lines: IO[str], parser: Geoparser, resolver: LanguageResolver
) -> Iterator[dict[str, Any]]:
    """One output object per input line, in input order."""
    for line in lines:
        if not line.strip():
            continue
        try:
            request = GeocodeRequest.model_validate_json(line)
        except ValidationError as exc:
            yield {"id": None, "places": [], "rejected": f"malformed: {exc.errors()[0]['msg']}"}
            continue
        if request.spans is not None:
            given = [_given(request.text, s) for s in request.spans if s.end <= len(request.text)]
            mentions = parser.resolve(request.text, given)
        else:
            language = resolver.resolve(request.text, request.language)
            code = language if isinstance(language, str) else "en"
            code = code if code in parser.pipelines.languages else "en"
            mentions = next(parser.parse([request.text], code))
        yield {"id": request.id, "places": [mention_json(m) for m in mentions]}


def _given(text: str, span: _SpanIn) -> PlaceMention:
    return PlaceMention(Span(span.start, span.end), text[span.start : span.end], None, "given")


def register(app: typer.Typer) -> None:
    @app.command()
    def geocode(
        source: Annotated[
            Path, typer.Option("--input", help="JSONL of {id, text, spans?}; - for stdin.")
        ],
        output: Annotated[Path, typer.Option("--output", help="JSONL to write; - for stdout.")],
    ) -> None:
        """Resolve the given spans of each text, or recognise and resolve its toponyms."""
        current = settings()
        try:
            lines = sys.stdin if str(source) == "-" else source.open(encoding="utf-8")
            target = sys.stdout if str(output) == "-" else output.open("w", encoding="utf-8")
        except OSError as exc:
            raise SourceError(f"cannot open {exc.filename}: {exc.strerror}") from exc
        count = 0
        with open_gazetteer() as gazetteer, lines, target:
            parser = build_geoparser(dict(current.spacy_models), gazetteer, current.batch_size)
            languages = LanguageResolver(current.languages)
            for item in progress(geocode_lines(lines, parser, languages), "geocoding"):
                target.write(json.dumps(item, ensure_ascii=False) + "\n")
                count += 1
        if str(output) != "-":
            console.print(f"{count} lines written to {output}")
