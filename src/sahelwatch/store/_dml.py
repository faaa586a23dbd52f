"""Inserts that tolerate existing rows, in the dialect's own ``ON CONFLICT`` syntax."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite


def insert_for(connection: sa.Connection, table: sa.Table) -> sqlite.Insert | postgresql.Insert:
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def insert_new(connection: sa.Connection, table: sa.Table, row: Mapping[str, Any]) -> bool:
    """Insert ``row`` unless a row with the same primary or unique key exists; True if added."""
    statement = insert_for(connection, table).values(dict(row)).on_conflict_do_nothing()
    # RETURNING, not rowcount: psycopg does not report a row count for this statement.
    returning = statement.returning(*table.primary_key.columns)
    return connection.execute(returning).first() is not None


def insert_many(
    connection: sa.Connection, table: sa.Table, rows: Sequence[Mapping[str, Any]]
) -> None:
    """Insert ``rows`` (all with the same keys): one executemany, which SQLAlchemy sends as
    multi-row INSERTs from one compiled statement ("insertmanyvalues")."""
    if rows:
        connection.execute(sa.insert(table), [dict(row) for row in rows])


def upsert(
    connection: sa.Connection,
    table: sa.Table,
    rows: Sequence[Mapping[str, Any]],
    keys: Sequence[str],
    *,
    unless_same: Sequence[str] = (),
) -> None:
    """Insert ``rows`` (all with the same keys); where ``keys`` match an existing row, overwrite
    its other columns. Columns named in ``unless_same`` are not compared: a row equal in every
    other column is left alone (on PostgreSQL, rewriting it anyway leaves a dead row version
    behind, and tables updated over and over swell)."""
    if not rows:
        return
    statement = insert_for(connection, table)
    updated = {name: statement.excluded[name] for name in rows[0] if name not in keys}
    changed = None
    if unless_same:
        compared = [name for name in updated if name not in unless_same]
        changed = sa.or_(*(table.c[name].is_distinct_from(updated[name]) for name in compared))
    statement = statement.on_conflict_do_update(
        index_elements=list(keys), set_=updated, where=changed
    )
    connection.execute(statement, [dict(row) for row in rows])
