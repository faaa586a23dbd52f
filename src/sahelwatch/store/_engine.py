"""Engines and transactions: URL checks, SQLite set-up, and one-line errors.

SQLite connections run with foreign keys on, WAL journaling and a busy timeout. SQLAlchemy
(not the ``sqlite3`` module) emits ``BEGIN``, so every transaction, DDL included, is real;
write transactions use ``BEGIN IMMEDIATE`` so that two writers queue on the busy timeout
instead of failing when one upgrades a read lock.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from sahelwatch.errors import StoreError

URL_HELP = "use sqlite:///path/to/file.db or postgresql+psycopg://user@host:port/database"
WRITE_OPTION = "sahelwatch_write"
SQLITE_BUSY_TIMEOUT_MS = 30_000
POSTGRES_CONNECT_TIMEOUT_S = 10


def parse_url(url: str) -> sa.URL:
    """Parse and check a database URL; bare ``postgresql://`` means the psycopg driver."""
    try:
        parsed = sa.make_url(url)
    except (ArgumentError, ValueError):
        masked = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)
        raise StoreError(f"not a database URL: {masked!r} ({URL_HELP})") from None
    backend, driver = parsed.get_backend_name(), parsed.drivername
    if backend in {"postgres", "postgresql"} and driver in {"postgres", "postgresql"}:
        return parsed.set(drivername="postgresql+psycopg")
    if driver not in {"sqlite", "sqlite+pysqlite", "postgresql+psycopg"}:
        shown = parsed.render_as_string(hide_password=True)
        raise StoreError(f"unsupported database driver {driver!r} in {shown} ({URL_HELP})")
    if backend == "sqlite":
        _check_sqlite_path(parsed)
    return parsed


def _check_sqlite_path(url: sa.URL) -> None:
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return
    parent = Path(url.database).expanduser().parent
    if not parent.is_dir():
        raise StoreError(f"cannot create database {url.database}: no directory {parent}")


def shown_url(url: sa.URL) -> str:
    """The URL as shown to users: never with its password."""
    return url.render_as_string(hide_password=True)


def create_engine(url: sa.URL) -> sa.Engine:
    if url.get_backend_name() == "sqlite":
        engine = sa.create_engine(url)
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    connect_args = {"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S}
    if "connect_timeout" in url.query:
        connect_args = {}
    return sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (_begin_sqlite)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _use_wal(cursor: Any) -> None:
    """Switch a file database to WAL, waiting while another connection holds it.

    Changing the journal mode needs the database to itself and SQLite does not always run the
    busy handler for it, so several connections opening a new file at once retry here. A file
    already in WAL (the mode persists) is left alone without taking any lock.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _begin_sqlite(connection: sa.Connection) -> None:
    write = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def describe(exc: BaseException) -> str:
    """The first line of a driver error, without SQLAlchemy's background link."""
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    text = str(orig if orig is not None else exc)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


@contextmanager
def transaction(engine: sa.Engine, action: str, *, write: bool) -> Iterator[sa.Connection]:
    """One transaction: committed when the block ends, rolled back if it raises.

    Database errors become a one-line :class:`StoreError` starting with ``action``. Reads on
    PostgreSQL use REPEATABLE READ so that the queries of one call see one snapshot (SQLite
    transactions already do).
    """
    try:
        with engine.connect() as connection:
            if write:
                connection.execution_options(**{WRITE_OPTION: True})
            elif connection.dialect.name == "postgresql":
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection
    except SQLAlchemyError as exc:
        raise StoreError(f"{action}: {describe(exc)}") from exc
