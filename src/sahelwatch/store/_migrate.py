"""Alembic, run from code: bring a database to the newest schema this version knows.

The migration scripts live in ``sahelwatch/store/migrations`` and are found as package
data, so users need no ``alembic.ini``. To write a new revision during development::

    from alembic import command
    with engine.begin() as connection:
        command.revision(alembic_config(connection), "what changed", autogenerate=True,
                         rev_id="0002")
"""

from __future__ import annotations

import warnings
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import SAWarning

from sahelwatch.errors import SchemaVersionError
from sahelwatch.store._engine import transaction
from sahelwatch.store.schema import GEOMETRY_COLUMN, SPATIAL_TABLES, metadata

SCRIPT_LOCATION = "sahelwatch.store:migrations"
# Any fixed number: serialises concurrent migrations of one PostgreSQL database.
POSTGRES_LOCK_KEY = 0x5A4E1


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """An Alembic configuration without an ini file, bound to ``connection``."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["connection"] = connection
    return config


def migrate(engine: sa.Engine, shown: str) -> None:
    """Upgrade the database to head; do nothing if it is there already.

    Raises :class:`SchemaVersionError` when the database carries a revision this version of
    sahelwatch does not know (it was written by a newer one).
    """
    script = ScriptDirectory.from_config(alembic_config())
    with transaction(engine, f"cannot open database {shown}", write=False) as connection:
        if _is_current(connection, script, shown):
            return
    with transaction(engine, f"cannot migrate database {shown}", write=True) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(POSTGRES_LOCK_KEY)))
        if not _is_current(connection, script, shown):  # another process may have done it
            command.upgrade(alembic_config(connection), "head")


def _is_current(connection: sa.Connection, script: ScriptDirectory, shown: str) -> bool:
    current = set(MigrationContext.configure(connection).get_current_heads())
    heads = set(script.get_heads())
    known = {revision.revision for revision in script.walk_revisions()}
    unknown = sorted(current - known)
    if unknown:
        raise SchemaVersionError(
            f"database {shown} has schema revision {', '.join(unknown)}, newer than this "
            f"sahelwatch knows (its newest is {', '.join(sorted(heads))}): upgrade sahelwatch"
        )
    return current == heads


def has_geometry(connection: sa.Connection) -> bool:
    """Whether the event tables carry the PostGIS ``geom`` column."""
    if connection.dialect.name != "postgresql":
        return False
    query = sa.text(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND table_name = 'events' AND column_name = :column"
    )
    return bool(connection.execute(query, {"column": GEOMETRY_COLUMN}).scalar_one())


def postgis_installed(connection: sa.Connection) -> bool:
    """Whether the PostGIS extension is installed in the current database."""
    if connection.dialect.name != "postgresql":
        return False
    query = sa.text("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'")
    return bool(connection.execute(query).scalar_one())


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Autogenerate filter: leave out what the metadata deliberately does not describe.

    That is tables of other software (PostGIS's ``spatial_ref_sys``) and the PostGIS
    ``geom`` columns and their indexes, which the migrations add only when PostGIS exists.
    """
    if type_ == "table" and reflected and compare_to is None:
        return False
    table = getattr(obj, "table", None)
    table_name = getattr(table, "name", None)
    if type_ == "column" and name == GEOMETRY_COLUMN and table_name in SPATIAL_TABLES:
        return False
    return not (type_ == "index" and name in {spatial_index(t) for t in SPATIAL_TABLES})


def spatial_index(table: str) -> str:
    return f"ix_{table}_{GEOMETRY_COLUMN}"


def schema_differences(connection: sa.Connection) -> list[Any]:
    """What differs between the database and :data:`schema.metadata` (empty when in sync)."""
    context = MigrationContext.configure(
        connection, opts={"include_object": include_object, "compare_type": True}
    )
    with warnings.catch_warnings():
        # The reflected PostGIS column type; include_object then leaves the column out.
        warnings.filterwarnings("ignore", "Did not recognize type 'geometry'", SAWarning)
        differences: list[Any] = compare_metadata(context, metadata)
    return differences
