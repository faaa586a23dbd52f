"""Analyst review and the API: review columns on events, corrections, pinned reports, the audit
log, API keys; a sort date and indexes for the API's filters and keyset pagination; the sort
date and free-text column filled for events stored before.

This file is frozen: it mirrors ``store/schema.py`` as it was at revision 0002. Names are given
in full (``op.f``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

BACKFILL_PAGE = 500
# Event columns whose single index (0001) becomes a (column, sort_date) index.
COMPOSITE = ("family", "event_type", "country_code")


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )


def _timestamp(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.add_column(
        "events",
        sa.Column("status", sa.String(20), nullable=False, server_default="unreviewed"),
    )
    op.add_column("events", sa.Column("corrected", _json()))
    op.add_column("events", sa.Column("search_text", sa.Text()))
    op.add_column(
        "events",
        sa.Column("sort_date", sa.Date(), nullable=False, server_default="0001-01-01"),
    )
    op.execute("UPDATE events SET sort_date = event_date WHERE event_date IS NOT NULL")
    op.create_index(op.f("ix_events_sort_date_id"), "events", ["sort_date", "id"])
    op.create_index(op.f("ix_events_admin1_sort_date"), "events", ["admin1", "sort_date"])
    for column in COMPOSITE:
        op.drop_index(op.f(f"ix_events_{column}"), "events")
        op.create_index(op.f(f"ix_events_{column}_sort_date"), "events", [column, "sort_date"])
    _create_api_keys()
    _create_review_tables()
    _backfill_search_text()


def downgrade() -> None:
    for table in ("audit_log", "report_pins", "event_corrections", "api_keys"):
        op.drop_table(table)
    for column in COMPOSITE:
        op.drop_index(op.f(f"ix_events_{column}_sort_date"), "events")
        op.create_index(op.f(f"ix_events_{column}"), "events", [column])
    op.drop_index(op.f("ix_events_admin1_sort_date"), "events")
    op.drop_index(op.f("ix_events_sort_date_id"), "events")
    with op.batch_alter_table("events") as batch:
        for column in ("sort_date", "search_text", "corrected", "status"):
            batch.drop_column(column)


def _create_api_keys() -> None:
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        _timestamp("created_at"),
        _timestamp("revoked_at", nullable=True),
        sa.CheckConstraint("role IN ('analyst', 'admin')", name=op.f("ck_api_keys_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )


def _create_review_tables() -> None:
    op.create_table(
        "event_corrections",
        sa.Column("event_id", sa.String(128), nullable=False),
        sa.Column("field", sa.String(50), nullable=False),
        sa.Column("value", _json()),
        sa.Column("author", sa.String(200), nullable=False),
        _timestamp("updated_at"),
        sa.PrimaryKeyConstraint("event_id", "field", name=op.f("pk_event_corrections")),
    )
    op.create_table(
        "report_pins",
        sa.Column("document_id", sa.String(128), nullable=False),
        sa.Column("report_id", sa.String(128), nullable=False),
        sa.Column("event_id", sa.String(128), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        _timestamp("pinned_at"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_report_pins_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "report_id", name=op.f("pk_report_pins")),
    )
    op.create_index(op.f("ix_report_pins_event_id"), "report_pins", ["event_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(128)),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("field", sa.String(50)),
        sa.Column("before", _json()),
        sa.Column("after", _json()),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("key_id", sa.Integer()),
        _timestamp("at"),
        sa.Column("note", sa.Text()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_event_id"), "audit_log", ["event_id"])


def _fold(parts: Iterable[str | None]) -> str:
    text = " ".join(part for part in parts if part)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _backfill_search_text() -> None:
    """Events stored before this revision: location, actors, types, titles and evidence."""
    bind = op.get_bind()
    events = sa.table(
        "events",
        *(sa.column(n) for n in ("id", "search_text", "location", "admin1", "country")),
    )
    reports = sa.table(
        "event_reports",
        *(
            sa.column(n)
            for n in (
                "event_id", "document_id", "event_type", "sub_event_type", "actor1",
                "actor2", "assoc_actor1", "assoc_actor2", "location",
            )
        ),
        sa.column("evidence", _json()),
    )  # fmt: skip
    documents = sa.table("documents", sa.column("id"), sa.column("title"), sa.column("text"))
    ids = list(bind.execute(sa.select(events.c.id).order_by(events.c.id)).scalars())
    for start in range(0, len(ids), BACKFILL_PAGE):
        page = ids[start : start + BACKFILL_PAGE]
        parts: dict[str, list[str | None]] = {event_id: [] for event_id in page}
        for row in bind.execute(sa.select(events).where(events.c.id.in_(page))).mappings():
            parts[row["id"]] += [row["location"], row["admin1"], row["country"]]
        statement = (
            sa.select(reports, documents.c.title, documents.c.text)
            .select_from(reports.join(documents, reports.c.document_id == documents.c.id))
            .where(reports.c.event_id.in_(page))
        )
        for row in bind.execute(statement).mappings():
            names = ("event_type", "sub_event_type", "actor1", "actor2", "location", "title")
            parts[row["event_id"]] += [row[name] for name in names]
            parts[row["event_id"]] += [row["assoc_actor1"], row["assoc_actor2"]]
            text = row["text"] or ""
            evidence = row["evidence"] or []
            parts[row["event_id"]] += [text[int(s) : int(e)] for s, e in evidence]
        for event_id, found in parts.items():
            bind.execute(
                sa.update(events).where(events.c.id == event_id).values(search_text=_fold(found))
            )
