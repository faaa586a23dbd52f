"""Alembic environment: runs only from :func:`sahelwatch.store.open_store`, on its connection.

There is no ``alembic.ini`` and no offline (SQL script) mode: the store passes an open
connection, already inside a transaction, in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from sahelwatch.store._migrate import include_object
from sahelwatch.store.schema import metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("sahelwatch migrations run through sahelwatch.store.open_store")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=include_object,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
