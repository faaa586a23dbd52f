"""What every command shares: the console, settings, the store, progress, errors."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from sahelwatch.errors import SahelwatchError
from sahelwatch.model import Rejected
from sahelwatch.settings import Settings, load_settings
from sahelwatch.store import Store, open_store

EXIT_REJECTED = 3
T = TypeVar("T")

# Wide tables when piped to a file or a CI log, where there is no terminal to measure.
console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True)


# Libraries that log every page they cannot parse; their verdicts reach users as rejects.
QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


def run_app(app: typer.Typer) -> None:
    """Run the app; infrastructure errors become one line on stderr and exit status 1."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        app()
    except SahelwatchError as exc:
        errors.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        errors.print("interrupted; what was stored so far is kept")
        sys.exit(130)


def settings() -> Settings:
    return load_settings()


@contextmanager
def store(current: Settings | None = None) -> Iterator[Store]:
    opened = open_store((current or settings()).db)
    try:
        yield opened
    finally:
        opened.close()


def progress(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """Show a progress bar (a spinner when the total is unknown) while consuming ``items``."""
    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=errors, transient=True, disable=not errors.is_terminal) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


def report_reject(rejected: Rejected) -> None:
    errors.print(
        f"rejected {rejected.source}: {rejected.detail}",
        highlight=False,
        soft_wrap=True,
        markup=False,
    )
