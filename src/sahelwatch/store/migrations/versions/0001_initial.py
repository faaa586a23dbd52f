"""Initial schema: documents, rejects, places, actors, events, event reports, assessments,
document places; with PostGIS, a generated ``geom`` point and a GiST index on the event tables
and places.

This file is frozen: it mirrors ``store/schema.py`` as it was at revision 0001. Later changes
go in new revisions. Constraint and index names are given in full (``op.f``) so that they
do not depend on the naming convention in force when the migration runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

MODALITIES = (
    "'reported', 'background', 'claimed', 'denied', 'threatened', 'forecast', 'recommended'"
)
DATE_PRECISIONS = "'day', 'week', 'month', 'range', 'unknown'"
SPATIAL_TABLES = ("events", "event_reports", "places")
INDEXES = {
    "documents": ("published",),
    "rejects": ("document_id", "stage"),
    "places": ("country",),
    "events": ("country_code", "event_date", "event_type", "family", "modality"),
    "event_reports": (
        "country_code",
        "event_date",
        "event_id",
        "event_type",
        "family",
        "geonameid",
        "modality",
    ),
    "assessments": ("kind",),
    "document_places": ("document_id", "geonameid"),
}


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )


def _timestamp(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _counts(name: str) -> list[sa.Column[object]]:
    return [
        sa.Column(name, sa.Integer()),
        sa.Column(f"{name}_low", sa.Integer()),
        sa.Column(f"{name}_high", sa.Integer()),
        sa.Column(f"{name}_text", sa.Text()),
    ]


def _document_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["document_id"],
        ["documents.id"],
        name=op.f(f"fk_{table}_document_id_documents"),
        ondelete="CASCADE",
    )


def _place_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["geonameid"], ["places.geonameid"], name=op.f(f"fk_{table}_geonameid_places")
    )


def upgrade() -> None:
    _create_documents()
    _create_rejects()
    _create_places()
    _create_actors()
    _create_events()
    _create_event_reports()
    _create_assessments()
    _create_document_places()
    for table, columns in INDEXES.items():
        for column in columns:
            op.create_index(op.f(f"ix_{table}_{column}"), table, [column])
    _add_geometry()


def downgrade() -> None:
    for table in (
        "document_places",
        "assessments",
        "event_reports",
        "events",
        "actors",
        "places",
        "rejects",
        "documents",
    ):
        op.drop_table(table)


def _create_documents() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(128), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.String(200)),
        sa.Column("published", sa.Date()),
        sa.Column("language", sa.String(16)),
        sa.Column("source", sa.Text()),
        sa.Column("media_type", sa.String(100), nullable=False),
        _timestamp("ingested_at"),
        _timestamp("coded_at", nullable=True),
        sa.Column("coder", sa.String(200)),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )


def _create_rejects() -> None:
    op.create_table(
        "rejects",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("stage", sa.String(50), nullable=False),
        sa.Column("reason", sa.String(100), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("document_id", sa.String(128)),
        sa.Column("coder", sa.String(200)),
        _timestamp("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejects")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_rejects_fingerprint")),
    )


def _create_places() -> None:
    op.create_table(
        "places",
        sa.Column("geonameid", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("latitude", sa.Double(), nullable=False),
        sa.Column("longitude", sa.Double(), nullable=False),
        sa.Column("feature_class", sa.String(10), nullable=False),
        sa.Column("feature_code", sa.String(10), nullable=False),
        sa.Column("country", sa.String(8), nullable=False),
        sa.Column("admin1", sa.String(100)),
        sa.Column("admin2", sa.String(100)),
        sa.Column("population", sa.BigInteger(), nullable=False),
        sa.Column("alternate_names", _json(), nullable=False),
        _timestamp("updated_at"),
        sa.PrimaryKeyConstraint("geonameid", name=op.f("pk_places")),
    )


def _create_actors() -> None:
    op.create_table(
        "actors",
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("inter", sa.Integer()),
        sa.Column("seen", sa.Integer(), nullable=False),
        _timestamp("updated_at"),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_actors")),
    )


def _create_events() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(128), nullable=False),
        sa.Column("lead_document_id", sa.String(128), nullable=False),
        sa.Column("lead_report_id", sa.String(128), nullable=False),
        sa.Column("event_date", sa.Date()),
        sa.Column("year", sa.Integer()),
        sa.Column("family", sa.String(50), nullable=False),
        sa.Column("disorder_type", sa.String(100)),
        sa.Column("event_type", sa.String(100), nullable=False),
        sa.Column("sub_event_type", sa.String(100), nullable=False),
        sa.Column("modality", sa.String(20), nullable=False),
        sa.Column("actor1", sa.String(300)),
        sa.Column("actor2", sa.String(300)),
        sa.Column("country", sa.String(100)),
        sa.Column("country_code", sa.String(2)),
        sa.Column("admin1", sa.String(100)),
        sa.Column("location", sa.Text()),
        sa.Column("latitude", sa.Double()),
        sa.Column("longitude", sa.Double()),
        sa.Column("geo_precision", sa.Integer()),
        sa.Column("fatalities", sa.Integer()),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("document_count", sa.Integer(), nullable=False),
        _timestamp("updated_at"),
        sa.CheckConstraint(f"modality IN ({MODALITIES})", name=op.f("ck_events_modality")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )


def _create_event_reports() -> None:
    op.create_table(
        "event_reports",
        sa.Column("document_id", sa.String(128), nullable=False),
        sa.Column("id", sa.String(128), nullable=False),
        sa.Column("event_id", sa.String(128), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        *_acled_columns(),
        *_extension_columns(),
        *_report_checks(),
        _document_fk("event_reports"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_reports_event_id_events")
        ),
        _place_fk("event_reports"),
        sa.PrimaryKeyConstraint("document_id", "id", name=op.f("pk_event_reports")),
    )


def _acled_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("event_date", sa.Date()),
        sa.Column("year", sa.Integer()),
        sa.Column("time_precision", sa.Integer()),
        sa.Column("disorder_type", sa.String(100)),
        sa.Column("event_type", sa.String(100), nullable=False),
        sa.Column("sub_event_type", sa.String(100), nullable=False),
        sa.Column("actor1", sa.String(300)),
        sa.Column("assoc_actor1", sa.String(600)),
        sa.Column("inter1", sa.Integer()),
        sa.Column("actor2", sa.String(300)),
        sa.Column("assoc_actor2", sa.String(600)),
        sa.Column("inter2", sa.Integer()),
        sa.Column("interaction", sa.Integer()),
        sa.Column("civilian_targeting", sa.Boolean()),
        sa.Column("iso", sa.Integer()),
        sa.Column("country", sa.String(100)),
        sa.Column("country_code", sa.String(2)),
        sa.Column("admin1", sa.String(100)),
        sa.Column("admin2", sa.String(100)),
        sa.Column("location", sa.Text()),
        sa.Column("latitude", sa.Double()),
        sa.Column("longitude", sa.Double()),
        sa.Column("geo_precision", sa.Integer()),
        *_counts("fatalities"),
    ]


def _extension_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("family", sa.String(50), nullable=False),
        sa.Column("plover_type", sa.String(50)),
        sa.Column("plover_mode", sa.String(50)),
        sa.Column("intensity", sa.Double()),
        sa.Column("modality", sa.String(20), nullable=False),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("date_precision", sa.String(20), nullable=False),
        sa.Column("date_text", sa.Text()),
        sa.Column("location_start", sa.Integer()),
        sa.Column("location_end", sa.Integer()),
        sa.Column("geonameid", sa.BigInteger()),
        sa.Column("radius_km", sa.Double()),
        *_counts("injured"),
        *_counts("displaced"),
        *_counts("abducted"),
        *_counts("arrested"),
        sa.Column("diseases", _json(), nullable=False),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("coder", sa.String(200), nullable=False),
        sa.Column("evidence", _json(), nullable=False),
        sa.Column("details", _json(), nullable=False),
    ]


def _report_checks() -> list[sa.CheckConstraint]:
    checks = {
        "modality": f"modality IN ({MODALITIES})",
        "date_precision": f"date_precision IN ({DATE_PRECISIONS})",
        "confidence": "confidence >= 0 AND confidence <= 1",
        "geo_precision": "geo_precision IN (1, 2, 3)",
        "time_precision": "time_precision IN (1, 2, 3)",
        "date_order": "date_end >= date_start",
        "counts": "fatalities >= 0 AND injured >= 0 AND displaced >= 0",
    }
    return [
        sa.CheckConstraint(sql, name=op.f(f"ck_event_reports_{name}"))
        for name, sql in checks.items()
    ]


def _create_assessments() -> None:
    op.create_table(
        "assessments",
        sa.Column("document_id", sa.String(128), nullable=False),
        sa.Column("id", sa.String(128), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(50), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("issuer", sa.String(300)),
        sa.Column("parties", _json(), nullable=False),
        sa.Column("horizon", sa.String(100)),
        sa.Column("evidence", _json(), nullable=False),
        _document_fk("assessments"),
        sa.PrimaryKeyConstraint("document_id", "id", name=op.f("pk_assessments")),
    )


def _create_document_places() -> None:
    op.create_table(
        "document_places",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(128), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("geonameid", sa.BigInteger()),
        sa.Column("rule", sa.String(200), nullable=False),
        _document_fk("document_places"),
        _place_fk("document_places"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_places")),
    )


def _add_geometry() -> None:
    """With PostGIS: a point generated from longitude/latitude, and its GiST index."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    query = sa.text("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'")
    if not bind.execute(query).scalar_one():
        return
    for table in SPATIAL_TABLES:
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS"
            " (ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)) STORED"
        )
        op.execute(f"CREATE INDEX ix_{table}_geom ON {table} USING gist (geom)")
