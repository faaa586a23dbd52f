"""`sahelwatch evaluate ...`: measure the coder and the geocoder against gold data."""

from __future__ import annotations

import typer

from sahelwatch.cli import evaluate_events, evaluate_geo

app = typer.Typer(help="Score the coder and the geocoder on gold data.", no_args_is_help=True)
evaluate_events.register(app)
evaluate_geo.register(app)
