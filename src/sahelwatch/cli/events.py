"""`sahelwatch events` and `sahelwatch export`: query stored events, print or write them."""

from __future__ import annotations

import datetime as dt
import enum
import json
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.table import Table

from sahelwatch.cli._console import console, settings, store
from sahelwatch.countries import countries as country_table
from sahelwatch.errors import SourceError
from sahelwatch.export import event_row, write_csv, write_geojson
from sahelwatch.pack import load_region
from sahelwatch.settings import Settings
from sahelwatch.store import EventQuery

Since = Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")]
CountryOption = Annotated[str | None, typer.Option(help="ISO code or English country name.")]


class ListFormat(enum.StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class ExportFormat(enum.StrEnum):
    CSV = "csv"
    GEOJSON = "geojson"


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None


def event_rows(current: Settings, query: EventQuery) -> list[dict[str, Any]]:
    """Export rows (ACLED columns then extension columns) for the events matching ``query``."""
    pack = load_region(current.region)
    countries = country_table()
    with store(current) as db:
        found = db.events(query)
        ids = {report.doc_id for event in found for report in event.reports}
        documents = {doc.id: doc for doc in map(db.document, sorted(ids)) if doc is not None}
        corrections = db.corrections([event.id for event in found])
    return [
        event_row(event, documents, pack.types, countries, corrections.get(event.id))
        for event in found
    ]


def print_table(rows: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(rows)} events", show_lines=False)
    for column in ("date", "type", "actors", "place", "fatalities", "source"):
        table.add_column(column, overflow="fold")
    for row in rows:
        actors = " / ".join(a for a in (row["actor1"], row["actor2"]) if a)
        place = ", ".join(p for p in (row["location"], row["country"]) if p)
        table.add_row(
            row["event_date"] or "unknown",
            f"{row['ext_sub_event_type']} ({row['modality']})",
            actors or "-",
            place or "-",
            str(row["fatalities"]),
            row["source"] or row["document_ids"],
        )
    console.print(table)


def write_rows(rows: list[dict[str, Any]], kind: str, out: TextIO) -> int:
    if kind == "json":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return len(rows)
    if kind == "geojson":
        return write_geojson(rows, out)
    return write_csv(rows, out)


def register(app: typer.Typer) -> None:
    @app.command()
    def events(
        since: Since = None,
        until: Until = None,
        country: CountryOption = None,
        event_type: Annotated[
            str | None, typer.Option("--type", help="ACLED or extension sub-event type.")
        ] = None,
        family: Annotated[str | None, typer.Option(help="conflict, displacement, ...")] = None,
        modality: Annotated[str | None, typer.Option(help="reported, background, ...")] = None,
        limit: Annotated[int | None, typer.Option(min=1)] = None,
        output: Annotated[ListFormat, typer.Option("--format")] = ListFormat.TABLE,
    ) -> None:
        """List stored events."""
        query = EventQuery(
            since=_date(since, "--since"), until=_date(until, "--until"), country=country,
            event_type=event_type, family=family, modality=modality, limit=limit,
        )  # fmt: skip
        rows = event_rows(settings(), query)
        if output is ListFormat.TABLE:
            print_table(rows)
        else:
            write_rows(rows, str(output), sys.stdout)

    @app.command()
    def export(
        output: Annotated[ExportFormat, typer.Option("--format")],
        out: Annotated[Path, typer.Option("--out", help="File to write.")],
        since: Since = None,
        until: Until = None,
        country: CountryOption = None,
    ) -> None:
        """Write events as ACLED-column CSV (then the extension columns) or GeoJSON."""
        query = EventQuery(
            since=_date(since, "--since"), until=_date(until, "--until"), country=country
        )
        rows = event_rows(settings(), query)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            with out.open("w", encoding="utf-8", newline="") as handle:
                count = write_rows(rows, str(output), handle)
        except OSError as exc:
            raise SourceError(f"cannot write {out}: {exc.strerror}") from exc
        console.print(f"{count} events written to {out}")
