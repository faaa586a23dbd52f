"""`sahelwatch gazetteer build` and `add`: make the embedded gazetteer, add countries to it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sahelwatch.cli._console import console, settings
from sahelwatch.geo import build_gazetteer, shipped_gazetteer_path
from sahelwatch.geo.extend import add_country_dump
from sahelwatch.geo.gazetteer import open_sqlite_gazetteer

app = typer.Typer(help="Build or extend the embedded GeoNames gazetteer.", no_args_is_help=True)


@app.command()
def build(
    geonames: Annotated[
        Path, typer.Option(help="Folder with GeoNames dumps (ML.txt, cities500.txt, ...).")
    ],
    out: Annotated[
        Path | None, typer.Option(help="Gazetteer file to write (default: the shipped one).")
    ] = None,
) -> None:
    """Build the compact gazetteer from GeoNames country files and cities500."""
    target = out or shipped_gazetteer_path()
    stats = build_gazetteer(geonames, target)
    console.print(
        f"gazetteer written to {target}: {stats.places} places, {stats.names} names, "
        f"{stats.size_bytes / 1e6:.1f} MB in {stats.seconds:.1f} s"
    )


@app.command()
def add(
    dump: Annotated[Path, typer.Argument(help="A GeoNames country file (DZ.txt, LY.txt...).")],
) -> None:
    """Add a GeoNames country dump to your own gazetteer (in the data_dir setting)."""
    current = settings()
    with open_sqlite_gazetteer(shipped_gazetteer_path()) as shipped:
        stats = add_country_dump(dump, current.data_dir, shipped)
    console.print(
        f"{stats.added} places of {dump.name} added to {stats.output} "
        f"({stats.places} places of {', '.join(stats.countries)}) in {stats.seconds:.1f} s"
    )
