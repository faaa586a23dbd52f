"""`sahelwatch keys`: create, list and revoke the API keys that writes need."""

from __future__ import annotations

import enum
from typing import Annotated

import typer
from rich.table import Table

from sahelwatch.cli._console import console, store
from sahelwatch.errors import SahelwatchError
from sahelwatch.store import Author

keys_app = typer.Typer(
    help="API keys: analysts write, admins also manage keys.", no_args_is_help=True
)
CLI_AUTHOR = Author("cli")


class Role(enum.StrEnum):
    ANALYST = "analyst"
    ADMIN = "admin"


@keys_app.command("create")
def create(
    role: Annotated[Role, typer.Option(help="analyst: review and ingest; admin: also keys.")],
    name: Annotated[
        str | None, typer.Option(help="Whose key (shown in the history of their changes).")
    ] = None,
) -> None:
    """Create a key and print its secret, once: it is stored hashed and cannot be shown again."""
    with store() as db:
        try:
            key, secret = db.create_key(str(role), name or f"{role}-key", CLI_AUTHOR)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--name") from None
    console.print(f"key {key.id} ({key.role}, {key.name!r}) created; its secret, shown once:")
    typer.echo(secret)


@keys_app.command("list")
def listing() -> None:
    """List keys (never their secrets)."""
    with store() as db:
        keys = db.api_keys()
    table = Table(title=f"{len(keys)} keys")
    for column in ("id", "name", "role", "starts with", "created", "revoked"):
        table.add_column(column)
    for key in keys:
        revoked = key.revoked_at.strftime("%Y-%m-%d %H:%M") if key.revoked_at else "-"
        table.add_row(
            str(key.id), key.name, key.role, key.prefix + "…",
            key.created_at.strftime("%Y-%m-%d %H:%M"), revoked,
        )  # fmt: skip
    console.print(table)


@keys_app.command("revoke")
def revoke(key_id: Annotated[int, typer.Argument(help="The key's id (see keys list).")]) -> None:
    """Revoke a key: its secret stops working at once."""
    with store() as db:
        key = db.revoke_key(key_id, CLI_AUTHOR)
    if key is None:
        raise SahelwatchError(f"no key {key_id} (see sahelwatch keys list)")
    console.print(f"key {key.id} ({key.name!r}) revoked")


def register(app: typer.Typer) -> None:
    """Add ``sahelwatch keys create|list|revoke`` to ``app``."""
    app.add_typer(keys_app, name="keys")
