"""`sahelwatch train --acled FILE.csv`: fit the sub-event classifier on the user's ACLED data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sahelwatch.cli._console import console, settings
from sahelwatch.coding import build_toolkit
from sahelwatch.learn.acled import read_acled
from sahelwatch.learn.train import train_from_acled


def register(app: typer.Typer) -> None:
    @app.command()
    def train(
        acled: Annotated[
            Path, typer.Option("--acled", help="ACLED-format CSV you are licensed to hold.")
        ],
    ) -> None:
        """Train the sub-event classifier; it is saved in your data directory, not shipped."""
        current = settings()
        rows = read_acled(acled)
        toolkit = build_toolkit(current, learned=False)
        result, path = train_from_acled(rows, toolkit, current.data_dir)
        console.print(
            f"trained on {result.rows} rows, {len(result.classes)} sub-event types; "
            f"cross-validated accuracy: rules {result.rules_accuracy:.3f}, "
            f"model {result.model_accuracy:.3f}, combined {result.combined_accuracy:.3f} "
            f"(the model codes events the rules give under "
            f"{result.model.trust_rules_above:.2f} confidence)"
        )
        console.print(f"saved to {path}")
