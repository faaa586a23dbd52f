"""open_store: creating, migrating, refusing newer schemas and bad URLs; PostGIS."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from conftest import PostgresServer
from factories import CODER, make_event, make_extraction, make_place
from sahelwatch.errors import SchemaVersionError, StoreError
from sahelwatch.store import Store, open_store
from sahelwatch.store._migrate import schema_differences
from sahelwatch.store.schema import SPATIAL_TABLES, metadata

WRITES = ("CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE")


@contextmanager
def plain_engine(url: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def recorded_statements() -> Iterator[list[str]]:
    """Every SQL statement any engine sends while the block runs."""
    statements: list[str] = []
    lock = threading.Lock()

    def record(*args: Any) -> None:
        with lock:
            statements.append(str(args[2]))

    sa.event.listen(sa.Engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa.event.remove(sa.Engine, "before_cursor_execute", record)


def constraint_names(engine: sa.Engine) -> dict[str, set[str]]:
    """Names of every key, constraint and index of the store's tables, as reflected."""
    inspector = sa.inspect(engine)
    names: dict[str, set[str]] = {}
    for table in metadata.sorted_tables:
        found = {inspector.get_pk_constraint(table.name)["name"]}
        found |= {fk["name"] for fk in inspector.get_foreign_keys(table.name)}
        found |= {uq["name"] for uq in inspector.get_unique_constraints(table.name)}
        found |= {ck["name"] for ck in inspector.get_check_constraints(table.name)}
        found |= {
            ix["name"]
            for ix in inspector.get_indexes(table.name)
            if "duplicates_constraint" not in ix and not str(ix["name"]).endswith("_geom")
        }
        names[table.name] = {str(name) for name in found}
    return names


def test_open_store_migrates_to_a_schema_matching_the_metadata(fresh_db_url: str) -> None:
    open_store(fresh_db_url).close()

    with plain_engine(fresh_db_url) as engine, engine.connect() as connection:
        assert schema_differences(connection) == []
    with plain_engine(fresh_db_url) as engine:
        assert constraint_names(engine) == {
            table.name: {str(c.name) for c in table.constraints}
            | {str(index.name) for index in table.indexes}
            for table in metadata.sorted_tables
        }


def test_open_store_on_a_current_database_writes_nothing(fresh_db_url: str) -> None:
    with open_store(fresh_db_url) as store:
        extraction = make_extraction()
        store.save_extraction(extraction, [make_event(*extraction.reports)], CODER)
        counts = store.counts()

    with recorded_statements() as statements, open_store(fresh_db_url) as store:
        pass

    assert statements, "no statement recorded: the recorder is broken"
    assert [s for s in statements if s.lstrip().upper().startswith(WRITES)] == []
    with open_store(fresh_db_url) as store:
        assert store.counts() == counts


def test_open_store_from_several_threads_migrates_once(fresh_db_url: str) -> None:
    def open_and_count(_: int) -> dict[str, int]:
        with open_store(fresh_db_url) as store:
            return store.counts()

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(open_and_count, range(4)))

    assert all(result["documents"] == 0 for result in results)


def test_open_store_refuses_a_newer_schema(fresh_db_url: str) -> None:
    open_store(fresh_db_url).close()
    with plain_engine(fresh_db_url) as engine, engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))

    with pytest.raises(SchemaVersionError, match=r"9999_future.*upgrade sahelwatch") as raised:
        open_store(fresh_db_url)

    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "not a database URL"),
        ("", "not a database URL"),
        ("postgresql://user:s3cret@localhost:port/events", "not a database URL"),
        ("mysql://user@localhost/events", "unsupported database driver 'mysql'"),
        ("postgresql+asyncpg://user@localhost/events", "unsupported database driver"),
        ("sqlite:////no/such/directory/events.db", "no directory /no/such/directory"),
        ("postgresql://postgres:s3cret@127.0.0.1:1/events", "cannot open database"),
    ],
)
def test_open_store_explains_a_bad_url_in_one_line(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as raised:
        open_store(url)

    assert "\n" not in str(raised.value)
    assert "s3cret" not in str(raised.value)
    assert not isinstance(raised.value, SchemaVersionError)


def test_open_store_explains_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 100)

    with pytest.raises(StoreError, match="file is not a database") as raised:
        open_store(f"sqlite:///{path}")

    assert "\n" not in str(raised.value)


def test_open_store_creates_sqlite_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new.db"

    with open_store(f"sqlite:///{path}") as store:
        assert (store.dialect, store.has_postgis) == ("sqlite", False)

    assert path.exists()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        connection.close()


def test_open_store_works_in_memory() -> None:
    with open_store("sqlite://") as store:
        assert store.counts()["events"] == 0


def test_store_url_names_the_database(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        assert store.url == f"sqlite:///{tmp_path / 'a.db'}"


@pytest.mark.postgres
def test_store_url_hides_the_password(postgres_server: PostgresServer) -> None:
    url = sa.make_url(postgres_server.create_database(postgis=False)).set(password="s3cret")

    with open_store(url.render_as_string(hide_password=False)) as store:
        assert "s3cret" not in store.url
        assert store.url == url.render_as_string(hide_password=True)


@pytest.mark.postgres
def test_open_store_adds_geometry_when_postgis_exists(postgres_server: PostgresServer) -> None:
    if not postgres_server.postgis:
        pytest.skip("PostGIS is not installed on this PostgreSQL server")
    url = postgres_server.create_database(postgis=True)
    with open_store(url) as store:
        extraction = make_extraction()
        store.save_extraction(extraction, [make_event(*extraction.reports)], CODER)
        assert store.has_postgis

    with plain_engine(url) as engine, engine.connect() as connection:
        points = {
            table: connection.execute(sa.text(f"SELECT ST_X(geom), ST_Y(geom) FROM {table}")).one()
            for table in SPATIAL_TABLES
        }
        assert schema_differences(connection) == []
    place = make_place()
    assert set(points.values()) == {(place.longitude, place.latitude)}


@pytest.mark.postgres
def test_open_store_without_postgis_has_no_geometry(postgres_server: PostgresServer) -> None:
    url = postgres_server.create_database(postgis=False)
    with open_store(url) as store:
        assert (store.dialect, store.has_postgis) == ("postgresql", False)

    with plain_engine(url) as engine, engine.connect() as connection:
        assert schema_differences(connection) == []
        columns = {column["name"] for column in sa.inspect(connection).get_columns("events")}
    assert "geom" not in columns


def test_store_is_a_context_manager(db_url: str) -> None:
    with open_store(db_url) as store:
        assert isinstance(store, Store)
        assert repr(store).startswith("Store(")


def test_upgrade_from_0001_fills_the_search_text_of_stored_events(fresh_db_url: str) -> None:
    from alembic import command

    from factories import make_document, make_report
    from sahelwatch.store import EventQuery
    from sahelwatch.store._migrate import alembic_config
    from sahelwatch.store._rows import document_row, event_row, report_row
    from sahelwatch.store.schema import documents, event_reports, events

    doc = make_document()
    report = make_report(doc, place=None, location="Ménaka")
    now = dt.datetime.now(dt.UTC)
    with plain_engine(fresh_db_url) as engine, engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(sa.insert(documents).values(document_row(doc, now)))
        connection.execute(sa.insert(events).values(event_row(make_event(report), now)))
        connection.execute(
            sa.insert(event_reports).values(report_row(report, make_event(report).id, 0))
        )

    with open_store(fresh_db_url) as store:
        found = store.event_page(EventQuery(q="menaka pharmacy")).events

    assert [(event.id, event.status) for event in found] == [(make_event(report).id, "unreviewed")]
