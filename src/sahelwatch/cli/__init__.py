"""Command line interface: one module per command, each a thin typer wrapper over stage functions.

Exit status: 0 success; 1 an error stopped the command (one line on stderr, no traceback);
2 a usage error; 3 the command finished but some input was rejected (``sahelwatch rejects``).
"""

from __future__ import annotations

import typer

from sahelwatch.cli import (
    code,
    demo,
    evaluate,
    events,
    extract,
    gazetteer,
    geocode,
    ingest,
    keys,
    rejects,
    serve,
    train,
)
from sahelwatch.cli._console import run_app

app = typer.Typer(
    name="sahelwatch",
    help="Crisis reports in; structured, geolocated, source-linked event data out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
for module in (ingest, code, events, extract, rejects, demo, train, geocode, serve, keys):
    module.register(app)
app.add_typer(gazetteer.app, name="gazetteer")
app.add_typer(evaluate.app, name="evaluate")


def main() -> None:
    run_app(app)
