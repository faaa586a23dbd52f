"""The store stage: documents, rejects and coded events in SQLite (default) or PostgreSQL.

Only this package speaks SQL. SQLAlchemy Core tables in :mod:`~sahelwatch.store.schema`,
Alembic migrations in ``migrations/`` run by :func:`open_store` itself::

    with open_store("sqlite:///sahelwatch.db") as store:
        store.add_documents(read_sources(paths))
        for document in store.documents_to_code(coder="rules-0.1"):
            ...
            store.save_extraction(extraction, events, coder="rules-0.1")
        store.events(EventQuery(country="Mali", since=date(2024, 7, 1)))

PostgreSQL URLs are ``postgresql+psycopg://user@host:port/database`` (``postgresql://`` means
the same); with the PostGIS extension installed before the first ``open_store``, the event
tables also get a ``geom`` point column with a GiST index (``Store.has_postgis``).

The API and the dashboard read through ``event_page`` (keyset pages of consolidated rows),
``event_review``, ``aggregate``, ``place_counts`` and ``actor_counts``; analysts write through
``correct_event``, ``merge_events`` and ``split_event``, each recorded in the audit log and
kept over any later recoding (see ``_review``); ``create_key``/``find_key``/``revoke_key``
manage hashed API keys.
"""

from sahelwatch.store._browse import (
    ActorCount,
    AggregateRow,
    EventPage,
    EventSummary,
    PlaceCount,
)
from sahelwatch.store._corrections import FIELDS as CORRECTABLE_FIELDS
from sahelwatch.store._keys import ApiKey
from sahelwatch.store._queries import EventQuery
from sahelwatch.store._review import AuditEntry, Author, Correction, EventReview
from sahelwatch.store._store import AddResult, Store, open_store
from sahelwatch.store.schema import KEY_ROLES, REVIEW_STATUSES

__all__ = [
    "CORRECTABLE_FIELDS",
    "KEY_ROLES",
    "REVIEW_STATUSES",
    "ActorCount",
    "AddResult",
    "AggregateRow",
    "ApiKey",
    "AuditEntry",
    "Author",
    "Correction",
    "EventPage",
    "EventQuery",
    "EventReview",
    "EventSummary",
    "PlaceCount",
    "Store",
    "open_store",
]
